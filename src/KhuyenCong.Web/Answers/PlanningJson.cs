using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Plans;
using KhuyenCong.Application.Programmes;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Programmes;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Cycle;

namespace KhuyenCong.Web.Answers;

/// <summary>The JSON of the planning routes: a programme with its targets' progress, an annual plan, a plan's adjustments, a budget line.</summary>
public static class PlanningJson
{
    /// <summary>A programme, with its targets' progress when computed.</summary>
    public static object Of(ProgrammeView view, Language language)
    {
        var (record, targets) = (view.Record, view.Targets);
        var p = record.Programme;
        return new
        {
            id = p.Id,
            name = p.Name,
            fromYear = p.FromYear,
            toYear = p.ToYear,
            fundingSource = p.FundingSource.ToCode(),
            fundingSourceName = p.FundingSource.DisplayName(language),
            decisionNumber = p.DecisionNumber,
            targets = targets is null
                ? p.Targets.Select(t => (object)new { t.Code, t.NameVi, t.NameEn, t.Unit, target = t.Target })
                : targets.Select(t => (object)new { t.Target.Code, t.Target.NameVi, t.Target.NameEn, t.Target.Unit, target = t.Target.Target, actual = t.Actual, percent = t.Percent }),
            proposalCount = view.ProposalCount,
            version = record.Version,
            createdBy = record.CreatedBy,
            createdAt = record.CreatedAt,
            changedBy = record.ChangedBy,
            changedAt = record.ChangedAt,
            url = Url(p),
        };
    }

    /// <summary>The annual plan of a year and funding source, with its budget line.</summary>
    public static object Of(BudgetKey key, PlanView view, Language language)
    {
        var plan = view.Record?.Plan;
        return new
        {
            year = key.Year,
            fundingSource = key.FundingSource.ToCode(),
            fundingSourceName = key.FundingSource.DisplayName(language),
            programmeId = plan?.ProgrammeId,
            budget = view.Line.Allocated,
            items = (plan?.Items ?? []).Select(i => new { title = i.Title, kind = i.Kind.ToCode(), kindName = i.Kind.DisplayName(language), expectedAmount = i.ExpectedAmount }),
            plannedTotal = plan?.PlannedTotal ?? 0,
            notes = plan?.Notes ?? string.Empty,
            committed = view.Line.Committed,
            paid = view.Line.Paid,
            remaining = view.Line.Remaining,
            version = view.Record?.Version ?? 0,
            changedBy = view.Record?.ChangedBy,
            changedAt = view.Record?.ChangedAt,
        };
    }

    /// <summary>A plan's adjustments and carry-overs.</summary>
    public static object Of(PlanChangesView view, Language language) => new
    {
        year = view.Key.Year,
        fundingSource = view.Key.FundingSource.ToCode(),
        adjustments = view.Changes.Adjustments.Select(a => new
        {
            number = a.Number,
            date = a.Date,
            decidedBy = a.DecidedBy,
            reason = a.Reason,
            by = a.By,
            at = a.At,
            lines = a.Lines.Select(l => new
            {
                proposalId = l.ProposalId,
                action = l.Action.ToCode(),
                actionLabel = l.Action.Label().In(language),
                amount = l.Amount,
                before = l.Before,
            }),
        }),
        carryOver = view.Changes.CarryOver is { } carried
            ? new
            {
                number = carried.Number,
                date = carried.Date,
                by = carried.By,
                at = carried.At,
                proposals = carried.Proposals.Select(p => new { proposalId = p.ProposalId, amount = p.Amount, toYear = p.ToYear }),
            }
            : null,
    };

    /// <summary>A budget line: allocated, committed, paid.</summary>
    public static object Of(BudgetLine line, Language language) => new
    {
        year = line.Key.Year,
        fundingSource = line.Key.FundingSource.ToCode(),
        fundingSourceName = line.Key.FundingSource.DisplayName(language),
        allocated = line.Allocated,
        committed = line.Committed,
        paid = line.Paid,
        remaining = line.Remaining,
    };

    /// <summary>The programme's address in the API.</summary>
    public static string Url(Programme programme) => $"/api/programmes/{programme.Id}";
}
