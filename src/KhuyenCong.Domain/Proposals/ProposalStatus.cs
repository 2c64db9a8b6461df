namespace KhuyenCong.Domain.Proposals;

/// <summary>Where a proposal (đề án) stands in its workflow. The wire codes are stable: stored and shown to clients.</summary>
public enum ProposalStatus
{
    Submitted,
    Screening,
    NeedsRevision,
    InReview,
    AwaitingApproval,
    Approved,
    InProgress,
    Accepted,
    Settled,
    Rejected,
    Withdrawn,
    Cancelled,

    /// <summary>The council passed it (its average and verdict recorded); it waits for the ranking and the plan.</summary>
    Appraised,

    /// <summary>Local money: in the draft annual plan submitted to the approving authority (đã trình phê duyệt).</summary>
    InPlan,

    /// <summary>National money: in the Sở's dispatch to the Ministry, which decides (đã gửi Bộ Công Thương).</summary>
    SentToMinistry,

    /// <summary>Not in the approved plan, kept in reserve for a later plan (dự phòng).</summary>
    Reserve,

    /// <summary>Final: not in the approved plan (không được lựa chọn).</summary>
    NotSelected,
}

public static class ProposalStatusCodes
{
    private static readonly Dictionary<ProposalStatus, string> Codes = new()
    {
        [ProposalStatus.Submitted] = "submitted",
        [ProposalStatus.Screening] = "screening",
        [ProposalStatus.NeedsRevision] = "needs-revision",
        [ProposalStatus.InReview] = "in-review",
        [ProposalStatus.AwaitingApproval] = "awaiting-approval",
        [ProposalStatus.Approved] = "approved",
        [ProposalStatus.InProgress] = "in-progress",
        [ProposalStatus.Accepted] = "accepted",
        [ProposalStatus.Settled] = "settled",
        [ProposalStatus.Rejected] = "rejected",
        [ProposalStatus.Withdrawn] = "withdrawn",
        [ProposalStatus.Cancelled] = "cancelled",
        [ProposalStatus.Appraised] = "appraised",
        [ProposalStatus.InPlan] = "in-plan",
        [ProposalStatus.SentToMinistry] = "sent-to-ministry",
        [ProposalStatus.Reserve] = "reserve",
        [ProposalStatus.NotSelected] = "not-selected",
    };

    private static readonly Dictionary<string, ProposalStatus> ByCode =
        Codes.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    public static string ToCode(this ProposalStatus status) => Codes[status];

    public static bool TryParse(string? code, out ProposalStatus status) =>
        ByCode.TryGetValue(code ?? string.Empty, out status);

    public static bool IsFinal(this ProposalStatus status) =>
        status is ProposalStatus.Settled or ProposalStatus.Rejected or ProposalStatus.Withdrawn or ProposalStatus.Cancelled
            or ProposalStatus.NotSelected;
}
