using KhuyenCong.Application.Selection;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Selection;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Web.Http;

/// <summary>The JSON of a call's ranking and selection (docs/api.md, "Ranking and selection").</summary>
internal static class SelectionJson
{
    public static object Ranking(CallRanking r, Language language) => new
    {
        callId = r.Call.Id,
        planYear = r.Call.PlanYear,
        fundingSource = r.Call.FundingSource.ToCode(),
        available = r.Ranked.Available,
        cutTotal = r.Ranked.CutTotal,
        rule = r.Ranked.Rule.Steps.Select(s => new { code = s.Code, rule = s.Rule.In(language), basis = s.Basis.In(language), fromLaw = s.FromLaw }),
        notApplied = r.Ranked.Rule.NotApplied.Select(n => n.In(language)),
        entries = r.Ranked.Entries.Select(e => new
        {
            rank = e.Rank,
            proposalId = e.Candidate.ProposalId,
            trackingCode = r.Proposals.TryGetValue(e.Candidate.ProposalId, out var p) ? p.TrackingCode : null,
            title = p?.Submission.Title,
            average = e.Candidate.Average,
            submittedAt = e.Candidate.SubmittedAt,
            requested = e.Candidate.Requested,
            maxAmount = e.Candidate.MaxAmount,
            runningTotal = e.RunningTotal,
            aboveCut = e.AboveCut,
            placedBy = e.PlacedBy,
        }),
        selection = r.Current is { } current ? Selection(current.Selection, language) : null,
    };

    public static object Selection(CallSelection s, Language language) => new
    {
        callId = s.CallId,
        round = s.Round,
        planYear = s.PlanYear,
        fundingSource = s.FundingSource.ToCode(),
        available = s.Available,
        total = s.Total,
        status = s.Status.ToCode(),
        statusName = s.Status.Label().In(language),
        proposedBy = s.ProposedBy,
        proposedAt = s.ProposedAt,
        decision = s.Decision is { } d ? new { approved = d.Approved, comment = d.Comment, by = d.By, at = d.At } : null,
        submission = s.Submitted is { } sub ? new { number = sub.Reference, date = sub.Date, by = sub.By, at = sub.At } : null,
        planDecision = s.PlanDecided is { } pd ? new
        {
            number = pd.Number,
            date = pd.Date,
            decidedBy = pd.DecidedBy,
            total = pd.Total,
            lines = pd.Lines.Select(l => new { proposalId = l.ProposalId, included = l.Included, amount = l.Included ? l.Amount : (long?)null, ifNotIncluded = l.Included ? null : l.IfNotIncluded.ToCode() }),
        } : null,
        lines = s.Lines.Select(l => new
        {
            proposalId = l.ProposalId,
            rank = l.Rank,
            average = l.Average,
            requested = l.Requested,
            maxAmount = l.MaxAmount,
            aboveCut = l.AboveCut,
            included = l.Included,
            amount = l.Amount,
            ifLeftOut = l.Included ? null : l.IfLeftOut.ToCode(),
            deviation = l.IsDeviation,
            reason = l.Reason,
        }),
    };
}
