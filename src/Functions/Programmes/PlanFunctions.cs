using System.Globalization;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Plans;
using KhuyenCong.Application.Programmes;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Programmes;

/// <summary>
/// Annual plans per year and funding source. The plan's budget is the budget ledger's allocation: saving a plan sets
/// it (409 below what approvals committed, and then nothing changes); reading a plan shows committed, paid and
/// remaining from the ledger. Any staff member reads; officers (or administrators) save.
/// </summary>
public sealed class PlanFunctions(AnnualPlans plans, IAnnualPlanStore store, IBudgetLedger ledger, IProgrammeStore programmes, StaffEndpoint staff)
{
    private static readonly BodyShape PlanShape = new("kế hoạch dạng JSON (version, budget, items, notes, programmeId)", "a JSON plan (version, budget, items, notes, programmeId)");

    /// <summary><c>GET /api/plans?year=2026</c>: both funding sources' plans (null where none was saved) with their budget lines.</summary>
    [Function(nameof(ListPlans))]
    public Task<IActionResult> ListPlans(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/plans")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, async c =>
        {
            var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var year = Budgets.BudgetFunctions.ParseYear(request.Query["year"].ToString(), c.Language, errors);
            if (year is null)
            {
                return Problems.Fields(errors, c.Language);
            }

            // One partition query for the plans, one point read per budget line.
            var saved = await store.ListAsync(year.Value, cancellationToken);
            var result = new List<object>();
            foreach (var source in ProposalCatalog.FundingSources)
            {
                var key = new BudgetKey(year.Value, source.Value);
                var view = new PlanView(saved.FirstOrDefault(p => p.Plan.Key.FundingSource == source.Value), await ledger.GetAsync(key, cancellationToken));
                result.Add(ToJson(key, view, c.Language));
            }

            c.NoStore();
            return new OkObjectResult(new { year = year.Value, plans = result });
        });

    /// <summary><c>GET /api/plans/{year}/{fundingSource}</c>: one plan (version 0 and no items when none was saved) with its budget line.</summary>
    [Function(nameof(GetPlan))]
    public Task<IActionResult> GetPlan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/plans/{year}/{fundingSource}")] HttpRequest request,
        string year,
        string fundingSource,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, async c =>
        {
            var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var key = ParseKey(year, fundingSource, c.Language, errors);
            if (key is null)
            {
                return Problems.Fields(errors, c.Language);
            }

            c.NoStore();
            return new OkObjectResult(ToJson(key, await plans.GetAsync(key, cancellationToken), c.Language));
        });

    /// <summary>
    /// <c>PUT /api/plans/{year}/{fundingSource}</c> with <c>{ version, programmeId, budget, items, notes }</c>: saves the
    /// plan and sets the ledger's allocation to its budget. <c>version</c>: the version edited (0 for a new plan).
    /// </summary>
    [Function(nameof(SavePlan))]
    public Task<IActionResult> SavePlan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/plans/{year}/{fundingSource}")] HttpRequest request,
        string year,
        string fundingSource,
        CancellationToken cancellationToken) =>
        staff.JsonAsync<PlanInput>(request, StaffRoles.Officer, PlanShape, (c, input) => SaveAsync(c, year, fundingSource, input, cancellationToken), cancellationToken);

    private async Task<IActionResult> SaveAsync(StaffRequest c, string year, string fundingSource, PlanInput input, CancellationToken cancellationToken)
    {
        var (language, en) = (c.Language, c.En);
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var key = ParseKey(year, fundingSource, language, errors);
        if (key is null)
        {
            return Problems.Fields(errors, language);
        }

        var (plan, fieldErrors) = AnnualPlanRules.Validate(key, new AnnualPlanForm(input.ProgrammeId, input.Budget, input.Items, input.Notes), language);
        var all = fieldErrors.ToList();
        if (input.Version is < 0)
        {
            all.Add(new("version", FieldErrorCodes.OutOfRange, en ? "The version must be 0 (new plan) or the version read." : "Phiên bản phải là 0 (kế hoạch mới) hoặc phiên bản đã đọc."));
        }

        var programmeId = string.IsNullOrWhiteSpace(input.ProgrammeId) ? null : input.ProgrammeId.Trim();
        if (programmeId is not null && !all.Exists(e => e.Field == "programmeId") && await programmes.GetAsync(programmeId, cancellationToken) is null)
        {
            all.Add(new("programmeId", FieldErrorCodes.UnknownChoice, en ? "Unknown programme." : "Không có chương trình này."));
        }

        if (all.Count > 0 || plan is null)
        {
            return Problems.Validation(FieldErrors.ToDictionary(all), en ? "The plan has errors." : "Kế hoạch chưa hợp lệ.", language);
        }

        var result = await plans.SaveAsync(plan, input.Version ?? 0, c.Staff.Actor, cancellationToken);
        switch (result.Outcome)
        {
            case PlanSaveOutcome.Stale:
                return Problems.EditConflict(en
                    ? "Someone saved this plan meanwhile: reload it, then make your changes again."
                    : "Người khác đã lưu kế hoạch này trong lúc bạn sửa: vui lòng tải lại rồi sửa lại.", language);
            case PlanSaveOutcome.BelowCommitted:
                return Problems.Field(StatusCodes.Status409Conflict, "budget", result.Refusal!.Message(language), language);
            default:
                c.NoStore();
                return new OkObjectResult(ToJson(key, result.View!, language));
        }
    }

    private static BudgetKey? ParseKey(string year, string fundingSource, Language language, Dictionary<string, IReadOnlyList<string>> errors)
    {
        var parsedYear = Budgets.BudgetFunctions.ParseYear(year, language, errors);
        if (!ProposalCatalog.TryParseFundingSource(fundingSource, out var source))
        {
            errors["fundingSource"] = [language == Language.English ? "Unknown funding source (national or local)." : "Nguồn kinh phí không hợp lệ (national hoặc local)."];
            return null;
        }

        return parsedYear is null ? null : new BudgetKey(parsedYear.Value, source);
    }

    internal static object ToJson(BudgetKey key, PlanView view, Language language)
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

    private sealed record PlanInput(int? Version, string? ProgrammeId, long? Budget, IReadOnlyList<PlanItemForm?>? Items, string? Notes);
}
