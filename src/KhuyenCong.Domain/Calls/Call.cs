using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Domain.Calls;

/// <summary>Where a call stands on a given day (Vietnam dates): before it opens, while open (both ends included), after it closes.</summary>
public enum CallStatus
{
    Upcoming,
    Open,
    Closed,
}

/// <summary>
/// A call for proposals (đợt đăng ký / thông báo đăng ký đề án) an officer opens for one plan year and one funding
/// source: proposals submitted to it belong to its plan year (issue 13; docs/decisions/0020-the-yearly-cycle.md).
/// </summary>
/// <param name="Kinds">The kinds it accepts (activity codes); empty: every kind.</param>
/// <param name="RequiredDocuments">Per kind code, the documents this call requires instead of the kind's defaults; empty: the defaults.</param>
public sealed record Call(
    string Id,
    int PlanYear,
    FundingSource FundingSource,
    string Title,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    IReadOnlyList<string> Kinds,
    IReadOnlyDictionary<string, IReadOnlyList<string>> RequiredDocuments,
    string? Description,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    long Version)
{
    public CallStatus StatusOn(DateOnly today) =>
        today < OpensOn ? CallStatus.Upcoming : today > ClosesOn ? CallStatus.Closed : CallStatus.Open;

    public bool Accepts(string kindCode) => Kinds.Count == 0 || Kinds.Contains(kindCode, StringComparer.Ordinal);
}

public static class CallStatusCodes
{
    public static string ToCode(this CallStatus status) => status switch
    {
        CallStatus.Upcoming => "upcoming",
        CallStatus.Open => "open",
        _ => "closed",
    };
}
