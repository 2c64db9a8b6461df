using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Programmes;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Plans;

/// <summary>A plan as an officer sends it: <paramref name="Version"/> is the version edited (0 for a new plan).</summary>
public sealed record PlanRequest(string? Year, string? FundingSource, int? Version, AnnualPlanForm Form, string By);

/// <summary>
/// Saving an annual plan (<c>PUT /api/plans/{year}/{fundingSource}</c>, officers). The plan's budget is the budget
/// ledger's allocation for its year and funding source. The plan row is written first (conditional on the version the
/// user edited: of two edits of one version, the first wins), then the allocation; when the ledger refuses (below what
/// approvals committed), the plan row is put back, so a refused save changes nothing.
/// </summary>
public sealed class PlanSaving(IAnnualPlanStore store, IBudgetLedger ledger, IProgrammeStore programmes)
{
    /// <summary>The title of the answer to an invalid plan.</summary>
    public static readonly Bilingual InvalidPlan = new("Kế hoạch chưa hợp lệ.", "The plan has errors.");

    public static readonly Bilingual VersionInvalid = new("Phiên bản phải là 0 (kế hoạch mới) hoặc phiên bản đã đọc.", "The version must be 0 (new plan) or the version read.");

    public static readonly Bilingual NoSuchProgramme = new("Không có chương trình này.", "Unknown programme.");

    public static readonly Bilingual Stale = new(
        "Người khác đã lưu kế hoạch này trong lúc bạn sửa: vui lòng tải lại rồi sửa lại.", "Someone saved this plan meanwhile: reload it, then make your changes again.");

    /// <summary>
    /// Done: the plan as saved with its budget line. A conflict without a value: someone saved another version; with
    /// one: the budget is below what is committed, the value showing the plan and the line as they stay.
    /// </summary>
    public async Task<Decision<PlanView>> SaveAsync(PlanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new BilingualErrors();
        if (BudgetKeys.Parse(request.Year, request.FundingSource, errors) is not { } key)
        {
            return Decision<PlanView>.Invalid(errors);
        }

        var plan = FieldErrorsInBoth.Validate(language => AnnualPlanRules.Validate(key, request.Form, language), errors);
        if (request.Version is < 0)
        {
            errors.Add("version", VersionInvalid);
        }

        var programmeId = string.IsNullOrWhiteSpace(request.Form.ProgrammeId) ? null : request.Form.ProgrammeId.Trim();
        if (programmeId is not null && !errors.Contains("programmeId") && await programmes.GetAsync(programmeId, cancellationToken) is null)
        {
            errors.Add("programmeId", NoSuchProgramme);
        }

        return plan is null || !errors.IsEmpty ? Decision<PlanView>.Invalid(errors) : await WriteAsync(plan, request.Version ?? 0, request.By, cancellationToken);
    }

    private async Task<Decision<PlanView>> WriteAsync(AnnualPlan plan, int expectedVersion, string by, CancellationToken cancellationToken)
    {
        var previous = await store.GetAsync(plan.Key, cancellationToken);
        if ((previous?.Version ?? 0) != expectedVersion)
        {
            return Decision<PlanView>.Conflict(Stale);
        }

        var line = await ledger.GetAsync(plan.Key, cancellationToken);
        var check = BudgetRules.SetAllocation(line, plan.Budget);
        if (!check.IsAllowed)
        {
            return BelowCommitted(check.Refusal, new PlanView(previous, line));
        }

        var (outcome, written) = await store.WriteAsync(plan, expectedVersion, by, cancellationToken);
        if (outcome != SaveOutcome.Saved)
        {
            return Decision<PlanView>.Conflict(Stale);
        }

        var allocation = await ledger.SetAllocationAsync(plan.Key, plan.Budget, by, cancellationToken);
        if (!allocation.IsSet)
        {
            // A commitment came in between the check and the allocation: undo the plan row, report the refusal.
            await store.RevertAsync(written!, previous, CancellationToken.None);
            return BelowCommitted(allocation.Refusal!, new PlanView(previous, allocation.Line));
        }

        return Decision<PlanView>.Done(new PlanView(written, allocation.Line));
    }

    private static Decision<PlanView> BelowCommitted(BudgetRefusal refusal, PlanView stays) =>
        Decision<PlanView>.Conflict(new Bilingual(refusal.Vietnamese, refusal.English), stays);
}
