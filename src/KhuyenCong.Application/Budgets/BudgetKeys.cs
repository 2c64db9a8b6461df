using System.Globalization;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Budgets;

/// <summary>A budget's year and funding source as a route or a query writes them (<c>2026</c>, <c>national</c>), with the errors by field.</summary>
public static class BudgetKeys
{
    public static readonly Bilingual YearInvalid = new(
        $"Năm phải là số từ {BudgetKey.MinYear} đến {BudgetKey.MaxYear}.", $"The year must be a number from {BudgetKey.MinYear} to {BudgetKey.MaxYear}.");

    public static readonly Bilingual FundingSourceInvalid = new("Nguồn kinh phí không hợp lệ (national hoặc local).", "Unknown funding source (national or local).");

    /// <summary>A budget year (<see cref="BudgetKey.MinYear"/> to <see cref="BudgetKey.MaxYear"/>); otherwise null and the error under <c>year</c>.</summary>
    public static int? ParseYear(string? text, BilingualErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && BudgetKey.IsValidYear(year))
        {
            return year;
        }

        errors.Add("year", YearInvalid);
        return null;
    }

    /// <summary>The year and funding source; otherwise null and the errors under <c>year</c> and <c>fundingSource</c>.</summary>
    public static BudgetKey? Parse(string? year, string? fundingSource, BilingualErrors errors)
    {
        var parsedYear = ParseYear(year, errors);
        if (!FundingSources.TryParse(fundingSource, out var source))
        {
            errors.Add("fundingSource", FundingSourceInvalid);
            return null;
        }

        return parsedYear is null ? null : new BudgetKey(parsedYear.Value, source);
    }
}
