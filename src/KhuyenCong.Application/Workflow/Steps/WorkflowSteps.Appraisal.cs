using System.Globalization;
using KhuyenCong.Application.Telemetry;
using KhuyenCong.Domain.Appraisal;

namespace KhuyenCong.Application.Workflow.Steps;

public sealed partial class WorkflowSteps
{
    /// <summary>Chooses reviewers from the roster (kind, sector, workload, no conflict), leaving out those already asked this round.</summary>
    public async Task<ReviewerPicks> AssignReviewersAsync(AssignInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = logger.ProposalScope(input.ProposalId);
        if (input.Count <= 0)
        {
            return new ReviewerPicks([], 0);
        }

        var proposal = await RequireAsync(input.ProposalId, cancellationToken);
        var choice = await assigner.ChooseAsync(ProposalFacts.From(proposal), input.Count, input.Exclude, cancellationToken);
        return new ReviewerPicks(choice.Chosen.Select(c => c.ReviewerId).ToList(), input.Count - choice.Chosen.Count);
    }

    /// <summary>Records the invitation (with the rubric the round is scored against) and counts it in the reviewer's workload.</summary>
    public async Task InviteReviewerAsync(InviteInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = logger.ProposalScope(input.ProposalId);
        var reviewer = await roster.GetAsync(input.ReviewerId, cancellationToken);
        var round = (await cases.GetAsync(input.ProposalId, cancellationToken)).ReviewsOf(input.Round);
        var (rubricId, rubricVersion) = round.FirstOrDefault(r => r.RubricId is not null) is { } first
            ? (first.RubricId!, first.RubricVersion ?? 1)
            : await CurrentRubricAsync(cancellationToken);
        await cases.InviteAsync(new ReviewRecord(input.ProposalId, input.Round, input.ReviewerId, reviewer?.Reviewer.Name ?? input.ReviewerId,
            ReviewState.Invited, Utc(input.InvitedAt), Utc(input.DueAt), RubricId: rubricId, RubricVersion: rubricVersion), cancellationToken);
        await assigner.OpenReviewAsync(WorkloadKey(input.ProposalId, input.Round), input.ReviewerId, cancellationToken);
    }

    /// <summary>Takes a closed review (submitted, conflict, replaced) off the reviewer's workload.</summary>
    public async Task CloseReviewAsync(ReviewerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = logger.ProposalScope(input.ProposalId);
        await assigner.CloseReviewAsync(WorkloadKey(input.ProposalId, input.Round), input.ReviewerId, cancellationToken);
    }

    /// <summary>
    /// When a proposal ends during appraisal: closes its open reviews (no more digests about it) and their workload.
    /// Returns the reviewers whose reviews it closed (also on a retry: those closed by the proposal's end).
    /// </summary>
    public async Task<List<string>> CloseOpenReviewsAsync(string proposalId, CancellationToken cancellationToken)
    {
        using var scope = logger.ProposalScope(proposalId);
        foreach (var review in (await cases.GetAsync(proposalId, cancellationToken)).Reviews.Where(r => r.IsOpen))
        {
            await cases.DecideReviewAsync(review with { State = ReviewState.Closed, DecidedAt = time.GetUtcNow(), DecidedBy = "system" }, cancellationToken);
            await assigner.CloseReviewAsync(WorkloadKey(proposalId, review.Round), review.ReviewerId, cancellationToken);
        }

        return (await cases.GetAsync(proposalId, cancellationToken)).Reviews.Where(r => r.State == ReviewState.Closed).Select(r => r.ReviewerId).Distinct().ToList();
    }

    /// <summary>Applies the council rule to the round's submitted reviews and stores the verdict.</summary>
    public async Task<VerdictSummary> EvaluateCouncilAsync(RoundInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = logger.ProposalScope(input.ProposalId);
        var submitted = (await cases.GetAsync(input.ProposalId, cancellationToken)).ReviewsOf(input.Round)
            .Where(r => r.State == ReviewState.Submitted && r.Points is not null && r.Recommendation is not null).ToList();
        var first = submitted.FirstOrDefault(r => r.RubricId is not null);
        var rubric = (first is null ? null : await rubrics.GetAsync(first.RubricId!, first.RubricVersion ?? 1, cancellationToken))
            ?? await rubrics.GetCurrentAsync(cancellationToken);
        var outcome = CouncilVerdict.Evaluate(rubric, submitted.Select(r => new ReviewScore(r.ReviewerId, r.Points!, r.Recommendation!.Value, r.Comment)).ToList());
        VerdictRecord record;
        if (outcome.Verdict is { } verdict)
        {
            record = new VerdictRecord(input.Round, verdict.Passed, verdict.Recommendation, verdict.AverageTotal, rubric.TotalPoints, rubric.Id, rubric.Version,
                time.GetUtcNow(), verdict.FailingReasons.Select(r => r.Vi).ToList());
        }
        else
        {
            // Score sheets that cannot be evaluated (a rubric changed under them): the director sees why, the council did not pass it.
            record = new VerdictRecord(input.Round, false, Recommendation.Revise, 0, rubric.TotalPoints, rubric.Id, rubric.Version, time.GetUtcNow(),
                outcome.Problems.Select(p => p.Reason.Vi).ToList());
        }

        await cases.SaveVerdictAsync(input.ProposalId, record, cancellationToken);
        var average = record.AverageTotal.ToString("0.##", CultureInfo.InvariantCulture);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Hội đồng: {average}/{record.MaxTotal} điểm, {(record.Passed ? "đạt" : "không đạt")}, đề nghị {record.Recommendation.ToCode()} / Council: {average}/{record.MaxTotal}, {(record.Passed ? "passed" : "not passed")}");
        return new VerdictSummary(record.Passed, record.Recommendation.ToCode(), record.AverageTotal, summary);
    }

    private async Task<(string Id, int Version)> CurrentRubricAsync(CancellationToken cancellationToken)
    {
        var rubric = await rubrics.GetCurrentAsync(cancellationToken);
        return (rubric.Id, rubric.Version);
    }

    /// <summary>The workload counter's operation key: one open and one close per proposal, round and reviewer.</summary>
    private static string WorkloadKey(string proposalId, int round) => proposalId + "/" + round.ToString(CultureInfo.InvariantCulture);
}
