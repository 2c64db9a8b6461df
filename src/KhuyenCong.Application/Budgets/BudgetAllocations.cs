using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Budgets;

/// <summary>A year's budget lines, one per funding source.</summary>
public sealed record BudgetYear(int Year, IReadOnlyList<BudgetLine> Lines);

/// <summary>
/// The yearly budgets per funding source (<c>/api/budgets</c>): any staff member reads a year's lines; finance (or an
/// administrator) sets an allocation: a whole amount in đồng, never below 0 nor below what approvals committed (the
/// ledger refuses it then, and nothing changes).
/// </summary>
public sealed class BudgetAllocations(IBudgetLedger ledger, ILogger<BudgetAllocations> logger)
{
    public static readonly Bilingual AllocatedRequired = new("Vui lòng nhập kinh phí được giao (đồng).", "Enter the allocated amount in VND.");

    public static readonly Bilingual AllocatedNotWhole = new(
        "Kinh phí được giao phải là số tiền nguyên tính bằng đồng, ví dụ 5200000000.", "The allocated amount must be a whole amount in VND, for example 5200000000.");

    /// <summary>The year's line for each funding source (<paramref name="year"/> as the query writes it).</summary>
    public async Task<Decision<BudgetYear>> ListAsync(string? year, CancellationToken cancellationToken)
    {
        var errors = new BilingualErrors();
        if (BudgetKeys.ParseYear(year, errors) is not { } parsed)
        {
            return Decision<BudgetYear>.Invalid(errors);
        }

        var lines = new List<BudgetLine>();
        foreach (var source in FundingSources.All)
        {
            lines.Add(await ledger.GetAsync(new BudgetKey(parsed, source.Value), cancellationToken));
        }

        return Decision<BudgetYear>.Done(new BudgetYear(parsed, lines));
    }

    /// <summary>Sets the allocation of a year and funding source (as the route writes them). Done: the line after it.</summary>
    public async Task<Decision<BudgetLine>> SetAsync(string? year, string? fundingSource, FieldInput allocated, string by, CancellationToken cancellationToken)
    {
        var errors = new BilingualErrors();
        var key = BudgetKeys.Parse(year, fundingSource, errors);
        var amount = Allocated(allocated, errors);
        if (key is null || amount is null)
        {
            return Decision<BudgetLine>.Invalid(errors);
        }

        var result = await ledger.SetAllocationAsync(key, amount.Value, by, cancellationToken);
        if (!result.IsSet)
        {
            return Decision<BudgetLine>.Invalid(errors.Add("allocated", new Bilingual(result.Refusal!.Vietnamese, result.Refusal.English)));
        }

        DecisionLog.AllocationSet(logger, key.Code, result.Line.Allocated);
        return Decision<BudgetLine>.Done(result.Line);
    }

    /// <summary>A whole number of đồng, 0 or more; otherwise null and the error under <c>allocated</c>.</summary>
    private static long? Allocated(FieldInput allocated, BilingualErrors errors)
    {
        if (allocated.IsAbsent)
        {
            errors.Add("allocated", AllocatedRequired);
            return null;
        }

        if (!allocated.TryWholeNumber(out var amount))
        {
            errors.Add("allocated", AllocatedNotWhole);
            return null;
        }

        if (amount < 0)
        {
            var negative = BudgetRules.AllocationNegative();
            errors.Add("allocated", new Bilingual(negative.Vietnamese, negative.English));
            return null;
        }

        return amount;
    }
}
