namespace KhuyenCong.Domain.Councils;

/// <summary>
/// An appraisal council (hội đồng thẩm định) set up by decision for one or more calls: its members (reviewers of the
/// roster) score the calls' proposals through their emailed links; its session closes the appraisal (issue 13 line 2).
/// Membership, chair, secretary and quorum are entered from the establishing decision: no national rule on them was
/// found (docs/legal/cycle-reports-documents.md F2.4).
/// </summary>
public sealed record Council(
    string Id,
    IReadOnlyList<string> CallIds,
    string DecisionNumber,
    DateOnly DecisionDate,
    string ChairId,
    string SecretaryId,
    IReadOnlyList<string> MemberIds,
    int Quorum,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    /// <summary>Every member: the chair, the secretary and the others, each once.</summary>
    public IReadOnlyList<string> AllMemberIds =>
        new[] { ChairId, SecretaryId }.Concat(MemberIds).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>The council's session (phiên họp): who was there, and whether the quorum was met (it must be, to conclude).</summary>
public sealed record CouncilSession(
    string Id,
    string CouncilId,
    DateOnly HeldOn,
    IReadOnlyList<string> PresentMemberIds,
    string RecordedBy,
    DateTimeOffset RecordedAt)
{
    public bool QuorumMet(Council council)
    {
        ArgumentNullException.ThrowIfNull(council);
        return PresentMemberIds.Distinct(StringComparer.Ordinal).Count(council.AllMemberIds.Contains) >= council.Quorum;
    }
}
