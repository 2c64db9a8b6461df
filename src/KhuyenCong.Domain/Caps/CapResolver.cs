using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Domain.Caps;

/// <summary>Finds the cap that applies to a proposal among a list of caps. Pure.</summary>
public static class CapResolver
{
    /// <summary>
    /// The cap for a funding source, province, kind and date: among the caps effective on that date, a cap of the
    /// province beats a nationwide one (even an older one), then the latest <see cref="SupportCap.EffectiveFrom"/> wins.
    /// Should two caps still tie (a data error: see <see cref="FindConflicts"/>), the stricter one wins (lower amount,
    /// then lower percent). Null when no cap applies.
    /// </summary>
    public static SupportCap? Resolve(IEnumerable<SupportCap> caps, FundingSource fundingSource, string? province, ProposalKind kind, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(caps);
        return caps
            .Where(c => c.FundingSource == fundingSource && c.Kind == kind && c.IsEffectiveOn(date))
            .Where(c => c.Province is null || (province is not null && string.Equals(c.Province, province, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(c => c.Province is not null)
            .ThenByDescending(c => c.EffectiveFrom)
            .ThenBy(c => c.MaxAmount)
            .ThenBy(c => c.MaxPercent)
            .FirstOrDefault();
    }

    /// <summary>
    /// Pairs of caps that would tie in <see cref="Resolve"/>: same source, province, kind and start date. Check data with
    /// this when loading it.
    /// </summary>
    public static IReadOnlyList<(SupportCap First, SupportCap Second)> FindConflicts(IEnumerable<SupportCap> caps)
    {
        ArgumentNullException.ThrowIfNull(caps);
        return caps
            .GroupBy(c => (c.FundingSource, Province: c.Province?.ToUpperInvariant(), c.Kind, c.EffectiveFrom))
            .SelectMany(g => g.SelectMany((a, i) => g.Skip(i + 1).Select(b => (a, b))))
            .ToList();
    }
}
