using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Screening;

/// <summary>An officer's screening decision as sent: <c>accept</c>, <c>reject</c> or <c>request-documents</c>, and the comment the applicant receives.</summary>
public sealed record ScreeningRequest(string ProposalId, FieldInput Decision, FieldInput Comment, string By);

/// <summary>The decision stored on the screening round.</summary>
public sealed record ScreeningDecided(string ProposalId, int Round, ScreeningOutcome Outcome, string? Comment, string By)
{
    public string Code => ScreeningDecisions.Code(Outcome);
}

/// <summary>
/// The officer's decision on the current screening round (<c>POST /api/proposals/{id}/screening</c>, the staff page's
/// form): accept (on to appraisal), reject, or request documents; a comment is required for the last two, since the
/// applicant receives it. Only while the proposal is in screening and its automatic checks are done; the first decision
/// of a round wins (a conditional write), and only then is the workflow told.
/// </summary>
public sealed class ScreeningDecisions(IProposalRepository proposals, IProposalCaseStore cases, TimeProvider time,
    ILogger<ScreeningDecisions> logger)
{
    public const int MaxComment = 2000;

    public static readonly Bilingual DecisionRequired = new(
        "Vui lòng chọn quyết định: accept (tiếp nhận), reject (không tiếp nhận) hoặc request-documents (yêu cầu bổ sung hồ sơ).",
        "Choose the decision: accept, reject or request-documents.");

    public static readonly Bilingual CommentInvalid = new(
        "Vui lòng ghi ý kiến (bắt buộc khi không tiếp nhận hoặc yêu cầu bổ sung; tối đa 2000 ký tự): cơ sở sẽ nhận được ý kiến này.",
        "Write a comment (required to reject or to request documents; at most 2000 characters): the applicant receives it.");

    public static readonly Bilingual ChecksNotDone = new(
        "Hồ sơ chưa được kiểm tra tự động xong: vui lòng thử lại sau ít phút.", "The automatic checks have not finished yet: try again in a few minutes.");

    public static readonly Bilingual AlreadyDecided = new("Vòng kiểm tra hồ sơ này đã có quyết định.", "This screening round has already been decided.");

    private static readonly Bilingual Action = new("quyết định kiểm tra hồ sơ", "a screening decision");

    public async Task<Decision<ScreeningDecided>> DecideAsync(ScreeningRequest request, IWorkflowEvents workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(workflow);
        var (errors, outcome, comment) = Validate(request);
        if (!errors.IsEmpty)
        {
            return Decision<ScreeningDecided>.Invalid(errors);
        }

        var found = await proposals.FindAtAsync(request.ProposalId, Action, [ProposalStatus.Screening], cancellationToken);
        if (!found.IsDone)
        {
            return found.Refusal<ScreeningDecided>();
        }

        var screening = (await cases.GetAsync(request.ProposalId, cancellationToken)).CurrentScreening;
        if (screening is null)
        {
            return Decision<ScreeningDecided>.Conflict(ChecksNotDone);
        }

        if (screening.Outcome is not null
            || !await cases.DecideScreeningAsync(request.ProposalId, screening.Round, outcome!.Value, request.By, comment, time.GetUtcNow(), cancellationToken))
        {
            return Decision<ScreeningDecided>.Conflict(AlreadyDecided);
        }

        var decided = new ScreeningDecided(request.ProposalId, screening.Round, outcome.Value, comment, request.By);
        await workflow.RaiseAsync(decided.ProposalId, WorkflowEvents.ScreeningDecided, new ScreeningDecision(decided.Round, decided.Outcome, decided.By, decided.Comment), cancellationToken);
        DecisionLog.Decided(logger, decided.ProposalId, "screening", decided.Code);
        return Decision<ScreeningDecided>.Done(decided);
    }

    private static (BilingualErrors Errors, ScreeningOutcome? Outcome, string? Comment) Validate(ScreeningRequest request)
    {
        var errors = new BilingualErrors();
        var outcome = Parse(request.Decision.WrongType ? null : request.Decision.Text);
        if (outcome is null)
        {
            errors.Add("decision", DecisionRequired);
        }

        if (!request.Comment.TryText(TextMode.MultiLine, MaxComment, required: outcome is ScreeningOutcome.Reject or ScreeningOutcome.RequestDocuments, out var comment))
        {
            errors.Add("comment", CommentInvalid);
        }

        return (errors, outcome, comment);
    }

    /// <summary>The outcome's code in the API (<c>accept</c>, <c>reject</c>, <c>request-documents</c>).</summary>
    public static string Code(ScreeningOutcome outcome) => outcome switch
    {
        ScreeningOutcome.Accept => "accept",
        ScreeningOutcome.Reject => "reject",
        _ => "request-documents",
    };

    private static ScreeningOutcome? Parse(string? code) => code switch
    {
        "accept" => ScreeningOutcome.Accept,
        "reject" => ScreeningOutcome.Reject,
        "request-documents" => ScreeningOutcome.RequestDocuments,
        _ => null,
    };
}
