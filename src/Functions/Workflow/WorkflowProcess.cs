using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Functions.Workflow;

/// <summary>
/// What every version of the proposal's process stands on: the proposal's status and rounds (published as the custom
/// status), status changes, activities with their retries, emails that never fail the workflow, the waits that race
/// each stage's event against the withdrawal and the cancellation, and the ending. A process version adds its stages.
/// Lives for one replay of the orchestration.
/// </summary>
internal abstract partial class WorkflowProcess(TaskOrchestrationContext context, string proposalId)
{
    /// <summary>Email is retried with backoff (SendGrid's 429 and 5xx), and a mail outage never fails the workflow.</summary>
    private static readonly TaskOptions EmailRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 8, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(5)));

    /// <summary>Storage work is retried until storage is back (a record must never be left behind its workflow).</summary>
    private static readonly TaskOptions StorageRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 20, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(2)));

    private int sequence = 1;

    protected TaskOrchestrationContext Context => context;

    protected string ProposalId => proposalId;

    protected ProposalStatus Status { get; private set; } = ProposalStatus.Submitted;

    protected int ScreeningRound { get; set; }

    protected int AppraisalRound { get; set; }

    protected int ApprovalRound { get; set; }

    /// <summary>Version 2: the plans the proposal has waited for (1 first; one more after each reserve).</summary>
    protected int PlanRound { get; set; }

    /// <summary>
    /// The instance runs the yearly cycle (version 2 or later); an instance started without a version runs version 1,
    /// the director's approval, unchanged.
    /// </summary>
    protected bool RunsTheCycle => context.CompareVersionTo(ProposalWorkflow.CycleVersion) >= 0;

    /// <summary>The approved amount is committed in the ledger: a withdrawal or cancellation releases it.</summary>
    protected bool Committed { get; set; }

    /// <summary>The durations and reviewer count, read once per run.</summary>
    protected WorkflowSettings Settings { get; private set; } = null!;

    /// <summary>Publishes the status, reads the settings and acknowledges the proposal; then listens for the withdrawal and the cancellation.</summary>
    protected async Task BeginAsync()
    {
        Publish();
        Settings = await CallAsync<WorkflowSettings>(nameof(ProposalActivities.GetWorkflowSettings), proposalId);
        await EmailAsync(nameof(ProposalActivities.SendAcknowledgement), proposalId);

        // The applicant may withdraw and an officer may cancel at any stage: each task is created once, for the whole run.
        ListenForTheEnd();
    }

    /// <summary>Records a status change (history, record, index) and publishes it.</summary>
    protected async Task ChangeStatusAsync(ProposalStatus to, string by, string? comment)
    {
        sequence++;
        await context.CallActivityAsync(nameof(ProposalActivities.RecordStatusChange),
            new StatusChangeInput(proposalId, sequence, Status.ToCode(), to.ToCode(), by, comment, context.CurrentUtcDateTime), StorageRetry);
        Status = to;
        Publish();
    }

    protected void Publish() => context.SetCustomStatus(new ProposalWorkflowStatus(Status.ToCode(), ScreeningRound, AppraisalRound, ApprovalRound, PlanRound));

    /// <summary>Runs a storage activity, retried until storage answers.</summary>
    protected Task CallAsync(string activity, object input) => context.CallActivityAsync(activity, input, StorageRetry);

    /// <inheritdoc cref="CallAsync(string, object)"/>
    protected Task<T> CallAsync<T>(string activity, object input) => context.CallActivityAsync<T>(activity, input, StorageRetry);

    /// <summary>Sends one of the workflow's emails (<see cref="ProposalActivities.SendWorkflowEmail"/>).</summary>
    protected Task SendAsync(WorkflowEmailKind kind, int round, int number = 0, string? reviewerId = null, int count = 0) =>
        EmailAsync(nameof(ProposalActivities.SendWorkflowEmail), new WorkflowEmailRequest(proposalId, kind, round, number, reviewerId, count));

    /// <summary>Runs an email activity with its retries; when every retry failed, logs it and goes on.</summary>
    protected async Task EmailAsync(string activity, object input)
    {
        try
        {
            await context.CallActivityAsync(activity, input, EmailRetry);
        }
        catch (TaskFailedException)
        {
            LogEmailGaveUp(context.CreateReplaySafeLogger(nameof(ProposalWorkflow)), proposalId, activity);
        }
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Proposal {ProposalId}: {Email} could not be sent after every retry")]
    private static partial void LogEmailGaveUp(ILogger logger, string proposalId, string email);
}
