using KhuyenCong.Application.Councils;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Councils;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Components.Documents;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;

namespace KhuyenCong.Web.Pages.Cycle;

/// <summary>What <c>/staff/calls</c> shows: every call with its status today, and the form for a new call or the one edited.</summary>
/// <param name="Editing">The call edited (<c>?edit={id}</c>), or null for the new-call form.</param>
/// <param name="Token">The CSRF token the form carries (ADR 0011).</param>
/// <param name="Documents">The edited call's "Văn bản" section (its tờ trình and draft plan decision), or null.</param>
public sealed record CallsPageModel(IReadOnlyList<Call> Calls, DateOnly Today, Call? Editing, string Token, StaffLinks Links, DocumentsSectionModel? Documents = null);

/// <summary>What <c>/staff/councils</c> shows: every council, and the form to set one up by decision.</summary>
/// <param name="Roster">The active reviewers, to choose the chair, the secretary and the members from.</param>
public sealed record CouncilsPageModel(IReadOnlyList<Council> Councils, IReadOnlyList<Call> Calls, IReadOnlyList<Reviewer> Roster, string Token, StaffLinks Links);

/// <summary>What <c>/staff/councils/{id}</c> shows: the council, its calls, and its session (or the form to record it).</summary>
/// <param name="Names">Reviewer names by id (members no longer on the roster show their id).</param>
/// <param name="Documents">The council's "Văn bản" section (its establishing decision, its session's minutes), or null.</param>
public sealed record CouncilPageModel(Council Council, IReadOnlyList<Call> Calls, IReadOnlyDictionary<string, string> Names, SessionRecord? Session, string Token,
    StaffLinks Links, DocumentsSectionModel? Documents = null)
{
    public string NameOf(string reviewerId) => Names.TryGetValue(reviewerId, out var name) ? name : reviewerId;
}

/// <summary>Labels shared by the call and council pages.</summary>
public static class CycleText
{
    public static Bilingual Status(CallStatus status) => status switch
    {
        CallStatus.Upcoming => new("Sắp nhận hồ sơ", "Upcoming"),
        CallStatus.Open => new("Đang nhận hồ sơ", "Open"),
        _ => new("Đã kết thúc", "Closed"),
    };
}
