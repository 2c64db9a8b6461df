using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Domain.Caps;

/// <summary>
/// A ceiling on the support for one kind of proposal from one funding source, in one province or everywhere, for a
/// period. Caps are data (they change with circulars and People's Council resolutions), never constants in rules.
/// </summary>
/// <param name="FundingSource">National (KCQG) or local (KCĐP) money.</param>
/// <param name="Province">Code of the province (<see cref="Geography.ProvinceCatalog"/>) the cap applies to, or null for
/// every province. Matched exactly (ignoring case): a cap of a former province does not apply to its successor.</param>
/// <param name="Kind">The kind of proposal.</param>
/// <param name="EffectiveFrom">First day the cap applies (inclusive).</param>
/// <param name="EffectiveTo">First day the cap no longer applies (exclusive), or null while in force; so a successor
/// cap's <paramref name="EffectiveFrom"/> can be used unchanged as this cap's end.</param>
/// <param name="MaxPercent">Largest share of the total cost that may be supported, in percent (50 means 50%).</param>
/// <param name="MaxAmount">Largest support in VND.</param>
/// <param name="Basis">The legal source, cited for users (Vietnamese).</param>
public sealed record SupportCap(
    FundingSource FundingSource,
    string? Province,
    ProposalKind Kind,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    decimal MaxPercent,
    long MaxAmount,
    string Basis)
{
    /// <summary>True when <paramref name="date"/> is on or after <see cref="EffectiveFrom"/> and before <see cref="EffectiveTo"/>.</summary>
    public bool IsEffectiveOn(DateOnly date) => EffectiveFrom <= date && (EffectiveTo is not { } to || date < to);

    /// <summary>The most that may be requested for a total cost: the lower of the amount cap and the percentage of the cost (rounded down to the đồng).</summary>
    public long MaxSupportFor(long totalCost) =>
        Math.Min(MaxAmount, (long)decimal.Floor(totalCost * MaxPercent / 100m));
}
