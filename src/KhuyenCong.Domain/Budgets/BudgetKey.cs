using System.Globalization;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Domain.Budgets;

/// <summary>
/// One year's budget from one funding source (national KCQG or local KCĐP): the unit the director's approvals are
/// committed against.
/// </summary>
/// <param name="Year">The budget year, from <see cref="MinYear"/> to <see cref="MaxYear"/>.</param>
/// <param name="FundingSource">National or local money.</param>
public sealed record BudgetKey(int Year, FundingSource FundingSource)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public int Year { get; } = IsValidYear(Year)
        ? Year
        : throw new ArgumentOutOfRangeException(nameof(Year), Year, $"The budget year must be from {MinYear} to {MaxYear}.");

    public FundingSource FundingSource { get; } = Enum.IsDefined(FundingSource)
        ? FundingSource
        : throw new ArgumentOutOfRangeException(nameof(FundingSource), FundingSource, "Unknown funding source.");

    /// <summary>"2026-national": year and funding source code.</summary>
    public string Code => Year.ToString(CultureInfo.InvariantCulture) + "-" + FundingSource.ToCode();

    /// <summary>True when <paramref name="year"/> is from <see cref="MinYear"/> to <see cref="MaxYear"/>.</summary>
    public static bool IsValidYear(int year) => year is >= MinYear and <= MaxYear;

    public override string ToString() => Code;
}
