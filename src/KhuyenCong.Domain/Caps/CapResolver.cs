using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Domain.Caps;

/// <summary>Finds the cap that applies to a proposal among a list of caps. Pure.</summary>
public static class CapResolver
{
    /// <summary>
    /// The cap for a funding source, place, activity and date: among the caps effective on that date, a cap of the
    /// commune's former-province territory beats one of the whole province, which beats a nationwide one (even an older
    /// one); then the latest <see cref="SupportCap.EffectiveFrom"/> wins. Should two caps still tie (a data error: see
    /// <see cref="FindConflicts"/>), the stricter one wins. Null when no cap applies.
    /// </summary>
    /// <param name="caps">Every cap.</param>
    /// <param name="fundingSource">The proposal's funding source.</param>
    /// <param name="province">The proposal's current province code.</param>
    /// <param name="territory">The former province its commune lies in (<see cref="Geography.FormerTerritories"/>), or null.</param>
    /// <param name="activity">The activity code.</param>
    /// <param name="date">The day the cap must be in force (the approval decision's date, or today for a new proposal).</param>
    public static SupportCap? Resolve(IEnumerable<SupportCap> caps, FundingSource fundingSource, string? province, string? territory, string activity, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(caps);
        return caps
            .Where(c => c.FundingSource == fundingSource && string.Equals(c.Activity, activity, StringComparison.Ordinal) && c.IsEffectiveOn(date))
            .Where(c => c.Province is null || (province is not null && string.Equals(c.Province, province, StringComparison.OrdinalIgnoreCase)))
            .Where(c => c.Territory is null || (territory is not null && string.Equals(c.Territory, territory, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(c => c.Territory is not null)
            .ThenByDescending(c => c.Province is not null)
            .ThenByDescending(c => c.EffectiveFrom)
            .ThenBy(c => c.MaxAmount ?? long.MaxValue)
            .ThenBy(c => c.MaxPercent ?? decimal.MaxValue)
            .FirstOrDefault();
    }

    /// <summary>The cap of a kind's default activity, with no territory (the shape of the call before activities).</summary>
    public static SupportCap? Resolve(IEnumerable<SupportCap> caps, FundingSource fundingSource, string? province, ProposalKind kind, DateOnly date) =>
        Resolve(caps, fundingSource, province, null, ActivityCatalog.DefaultFor(kind).Code, date);

    /// <summary>
    /// Pairs of caps that would tie in <see cref="Resolve(IEnumerable{SupportCap}, FundingSource, string?, string?, string, DateOnly)"/>:
    /// same source, province, territory, activity and start date. Check data with this when loading it.
    /// </summary>
    public static IReadOnlyList<(SupportCap First, SupportCap Second)> FindConflicts(IEnumerable<SupportCap> caps)
    {
        ArgumentNullException.ThrowIfNull(caps);
        return caps
            .GroupBy(c => (c.FundingSource, Province: c.Province?.ToUpperInvariant(), Territory: c.Territory?.ToUpperInvariant(), c.Activity, c.EffectiveFrom))
            .SelectMany(g => g.SelectMany((a, i) => g.Skip(i + 1).Select(b => (a, b))))
            .ToList();
    }
}
