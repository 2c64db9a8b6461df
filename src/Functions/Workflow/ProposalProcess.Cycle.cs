using System.Globalization;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Functions.Workflow;

/// <summary>
/// Version 2, the yearly cycle (ADR 0020): after the reviewers, the council's session concludes the appraisal; the
/// appraised proposal waits for the plan it is put in (local: submitted to the People's Committee or the director;
/// national: sent to the Ministry) and for that plan's decision: included (approved, the amount already committed by
/// the decision's use case), not selected (final), or kept in reserve for a later plan. Each wait takes only its own
/// round's events, and the withdrawal and the cancellation end it at any stage.
/// </summary>
internal sealed partial class ProposalProcess
{
    /// <summary>The reviewers have answered: the officers are told, and the council's session concludes the round.</summary>
    private async Task<Step> AwaitCouncilSessionAsync(int round)
    {
        await SendAsync(WorkflowEmailKind.CouncilSessionNeeded, round);
        var concluded = Listen<CouncilConclusion>(CycleEvents.CouncilConcluded);
        var (outcome, conclusion) = await WaitForRoundAsync(concluded, c => c.Round == round, wakeAt: null);
        if (outcome == WaitOutcome.Ended)
        {
            return Step.Done;
        }

        if (!conclusion!.Passed)
        {
            await ChangeStatusAsync(ProposalStatus.Rejected, conclusion.By, Both(conclusion.ReasonVi, conclusion.ReasonEn));
            await SendAsync(WorkflowEmailKind.Rejected, round);
            return Step.Done;
        }

        var average = conclusion.Average.ToString("0.##", CultureInfo.InvariantCulture);
        await ChangeStatusAsync(ProposalStatus.Appraised, conclusion.By, $"Hội đồng: {average.Replace('.', ',')} điểm, đạt / Council: {average} points, passed");
        await SendAsync(WorkflowEmailKind.Appraised, round);
        return Step.AwaitPlan;
    }

    /// <summary>The plan's events, listened for once per run: a reserve's next round goes on with the same listeners, so no event lands in a waiter left over from the round before.</summary>
    private StageEvent<PlanSubmission>? planSubmitted;

    private StageEvent<PlanDecision>? planDecided;

    /// <summary>The plans (<see cref="PlanDecision.PlanKey"/>) whose decision this proposal has had: their events are stale.</summary>
    private readonly HashSet<string> decidedPlans = new(StringComparer.Ordinal);

    /// <summary>
    /// An event of this plan round: one naming a plan not decided yet (whatever its selection round: a reserve chosen
    /// again starts at another call's round 1, a selection sent back by the director has round 2), or, for events raised
    /// before plans were named, the workflow's own round (as before, so replays do not change).
    /// </summary>
    private bool IsCurrent(int eventRound, string? planKey, int round) => planKey is null ? eventRound == round : !decidedPlans.Contains(planKey);

    /// <summary>
    /// One plan round: the plan the proposal is put in, then its decision. A decision may come without a submission
    /// (a proposal left out of the plan before it was submitted): both events are listened for together.
    /// </summary>
    private async Task<Step> AwaitPlanAsync()
    {
        var round = ++PlanRound;
        Publish();
        var submitted = planSubmitted ??= Listen<PlanSubmission>(CycleEvents.PlanSubmitted);
        var decided = planDecided ??= Listen<PlanDecision>(CycleEvents.PlanDecided);
        while (true)
        {
            var winner = await WaitAsync(null, submitted.Task, decided.Task);
            if (await EndedAsync(winner))
            {
                return Step.Done;
            }

            if (winner == submitted.Task)
            {
                var submission = await submitted.Task;
                submitted.Renew();
                await SubmittedAsync(round, submission);
                continue;
            }

            var decision = await decided.Task;
            decided.Renew();
            if (IsCurrent(decision.Round, decision.PlanKey, round))
            {
                return await PlanDecidedAsync(round, decision);
            }
        }
    }

    /// <summary>The proposal is in a submitted plan (local) or the dispatch to the Ministry (national); once per round.</summary>
    private async Task SubmittedAsync(int round, PlanSubmission submission)
    {
        if (!IsCurrent(submission.Round, submission.PlanKey, round) || Status is ProposalStatus.InPlan or ProposalStatus.SentToMinistry)
        {
            return;
        }

        var national = submission.Path == PlanPath.National;
        await ChangeStatusAsync(national ? ProposalStatus.SentToMinistry : ProposalStatus.InPlan, submission.By,
            (national ? "Công văn " : "Tờ trình ") + Reference(submission.Reference, submission.ReferenceDate));
        await SendAsync(national ? WorkflowEmailKind.SentToMinistry : WorkflowEmailKind.InPlan, round);
    }

    /// <summary>The plan's decision on the proposal, as the decision's use case stored it (and committed the amount, when included).</summary>
    private async Task<Step> PlanDecidedAsync(int round, PlanDecision decision)
    {
        if (decision.PlanKey is { } planKey)
        {
            decidedPlans.Add(planKey);
        }

        var reference = decision.DecisionNumber is { } number ? "QĐ " + Reference(number, decision.DecisionDate) : null;
        switch (decision.Outcome)
        {
            case PlanOutcome.Included:
                await CallAsync(nameof(ProposalActivities.ApplyPlanDecision),
                    new PlanDecisionInput(ProposalId, round, decision.Amount ?? 0, decision.DecisionNumber, decision.DecisionDate, decision.DecidedBy));
                Committed = true;
                await ChangeStatusAsync(ProposalStatus.Approved, decision.By, reference);
                await SendAsync(WorkflowEmailKind.PlanIncluded, round);
                return Step.AwaitContract;
            case PlanOutcome.NotSelected:
                await ChangeStatusAsync(ProposalStatus.NotSelected, decision.By, reference);
                await SendAsync(WorkflowEmailKind.NotSelected, round);
                return Step.Done;
            default:
                await ChangeStatusAsync(ProposalStatus.Reserve, decision.By, reference);
                await SendAsync(WorkflowEmailKind.Reserve, round);
                return Step.AwaitPlan;
        }
    }

    private static string Reference(string number, DateOnly? date) =>
        date is { } d ? number + ", " + d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : number;

    private static string? Both(string? vi, string? en) =>
        string.IsNullOrWhiteSpace(en) ? vi : string.IsNullOrWhiteSpace(vi) ? en : vi + " / " + en;
}
