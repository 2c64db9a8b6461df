using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Application.Selection;

/// <summary>The most a proposal may be given, and the cap that says so.</summary>
public sealed record SupportLimit(long Requested, long MaxAmount, SupportCap? Cap)
{
    /// <summary>True when the cap, not the request, sets <see cref="MaxAmount"/>.</summary>
    public bool CapBinds => MaxAmount < Requested;
}

/// <summary>
/// The limit on any amount the cycle gives a proposal (a selection, a plan decision, an adjustment): never above the
/// support requested, nor above the cap in force on the day the proposal was submitted (the rule the intake and the
/// director's approval apply).
/// </summary>
public static class SupportLimits
{
    public static SupportLimit For(Proposal proposal, IReadOnlyList<SupportCap> caps)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var s = proposal.Submission;
        var submittedOn = DateOnly.FromDateTime(proposal.SubmittedAt.ToOffset(VietnamTime.Offset).DateTime);
        var cap = CapResolver.Resolve(caps, s.FundingSource, s.Province, s.Kind, submittedOn);
        return new SupportLimit(s.RequestedSupport, Math.Min(s.RequestedSupport, cap?.MaxSupportFor(s.TotalCost) ?? long.MaxValue), cap);
    }
}
