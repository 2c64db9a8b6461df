using System.Globalization;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Calls;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Councils;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Documents.Kinds;

/// <summary>A council member as its documents name them: the roster's name and organisation, the role in the council.</summary>
public sealed record CouncilMember(string Id, string Name, string Organization, string Role);

/// <summary>
/// What the council's and the call's documents share: the council's placeholders and values (its decision, its calls,
/// its members by role), the call's, and the per-proposal lines of a selection or plan (establishment, đề án, place,
/// amount). Numbers are in Vietnamese formats (1.234.567 đồng, 85,5).
/// </summary>
public static class CycleFacts
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static IEnumerable<Placeholder> Council(params string[] required) => ProposalFacts.Mark(required,
    [
        new("council.decisionNumber", false, "Số quyết định thành lập hội đồng", "215/QĐ-SCT"),
        new("council.decisionDate", false, "Ngày quyết định thành lập hội đồng (dd/MM/yyyy)", "10/10/2026"),
        new("council.calls", false, "Các đợt đăng ký hội đồng thẩm định", "Đợt đăng ký đề án khuyến công địa phương năm 2027"),
        new("council.planYears", false, "Năm kế hoạch của các đợt", "2027"),
        new("council.quorum", false, "Số thành viên tối thiểu phải có mặt để họp", "3"),
        new("council.memberCount", false, "Số thành viên của hội đồng", "5"),
        new("council.chairName", false, "Chủ tịch hội đồng", "Nguyễn Văn An"),
        new("council.secretaryName", false, "Thư ký hội đồng", "Lê Thị Hoa"),
    ]);

    public static IEnumerable<Placeholder> CallGroup(params string[] required) => ProposalFacts.Mark(required,
    [
        new("call.title", false, "Tên đợt đăng ký", "Đợt đăng ký đề án khuyến công địa phương năm 2027"),
        new("call.planYear", false, "Năm kế hoạch", "2027"),
        new("call.fundingSource", false, "Nguồn kinh phí", "Khuyến công địa phương"),
    ]);

    /// <summary>The rows of the council's members: index, name, role, organisation.</summary>
    public static RowsPlaceholder Members(bool required) => new("members", required, "Thành viên hội đồng (mỗi người một hàng: chủ tịch, thư ký, ủy viên)",
    [
        new("index", false, "Số thứ tự", "1"),
        new("name", true, "Họ và tên", "Nguyễn Văn An"),
        new("role", true, "Nhiệm vụ trong hội đồng", "Chủ tịch hội đồng"),
        new("organization", false, "Nơi công tác", "Sở Công Thương Hưng Yên"),
    ]);

    /// <summary>The rows of proposals with their amounts (a selection, a plan's annex).</summary>
    public static RowsPlaceholder Lines(string name, string description) => new(name, true, description,
    [
        new("index", false, "Số thứ tự", "1"),
        new("establishment", true, "Cơ sở thực hiện (đơn vị thụ hưởng)", "Công ty TNHH Cơ khí Phố Nối"),
        new("title", true, "Tên đề án", "Mô hình trình diễn máy cắt CNC"),
        new("place", true, "Địa điểm thực hiện (xã, phường; tỉnh)", "Xã Lạc Hồng, Hưng Yên"),
        new("kind", false, "Nội dung khuyến công", "Mô hình trình diễn kỹ thuật"),
        new("amount", true, "Kinh phí khuyến công hỗ trợ", "590.000.000 đồng"),
    ]);

    /// <summary>The council's members in order (chair, secretary, members), named from the roster.</summary>
    public static async Task<IReadOnlyList<CouncilMember>> MembersAsync(Council council, IReviewerRoster roster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(council);
        ArgumentNullException.ThrowIfNull(roster);
        var members = new List<CouncilMember>();
        foreach (var id in council.AllMemberIds)
        {
            var reviewer = (await roster.GetAsync(id, cancellationToken))?.Reviewer;
            var role = id == council.ChairId ? "Chủ tịch hội đồng" : id == council.SecretaryId ? "Thư ký hội đồng" : "Ủy viên";
            members.Add(new CouncilMember(id, reviewer?.Name ?? CommonPlaceholders.Blank, reviewer?.Organization ?? string.Empty, role));
        }

        return members;
    }

    /// <summary>The council's values: its decision, its calls (titles, plan years), quorum and members.</summary>
    public static async Task<DocumentValues> CouncilValuesAsync(Council council, IReadOnlyList<CouncilMember> members, ICallStore calls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(council);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(calls);
        var found = new List<Call>();
        foreach (var id in council.CallIds)
        {
            if (await calls.GetAsync(id, cancellationToken) is { } call)
            {
                found.Add(call);
            }
        }

        return new DocumentValues()
            .Set("council.decisionNumber", council.DecisionNumber)
            .Set("council.decisionDate", OfficialFormat.ShortDate(council.DecisionDate))
            .Set("council.calls", CommonPlaceholders.OrBlank(string.Join("; ", found.Select(c => c.Title))))
            .Set("council.planYears", CommonPlaceholders.OrBlank(string.Join(", ", found.Select(c => c.PlanYear).Distinct().Order())))
            .Set("council.quorum", council.Quorum.ToString(CultureInfo.InvariantCulture))
            .Set("council.memberCount", members.Count.ToString(CultureInfo.InvariantCulture))
            .Set("council.chairName", members.First(m => m.Id == council.ChairId).Name)
            .Set("council.secretaryName", members.First(m => m.Id == council.SecretaryId).Name)
            .SetRows("members", members.Select((m, i) => Row(("index", Index(i)), ("name", m.Name), ("role", m.Role), ("organization", m.Organization))).ToList());
    }

    public static DocumentValues CallValues(Call call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new DocumentValues()
            .Set("call.title", call.Title)
            .Set("call.planYear", call.PlanYear.ToString(CultureInfo.InvariantCulture))
            .Set("call.fundingSource", call.FundingSource.DisplayName(Language.Vietnamese));
    }

    /// <summary>One proposal's line with its amount.</summary>
    public static IReadOnlyDictionary<string, string> Line(int index, Proposal proposal, long amount)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var s = proposal.Submission;
        return Row(("index", Index(index)), ("establishment", s.OrganizationName), ("title", s.Title), ("place", ProposalFacts.Place(s)),
            ("kind", s.Kind.DisplayName(Language.Vietnamese)), ("amount", OfficialFormat.Money(amount)));
    }

    /// <summary>A score or an average as read in Vietnamese: "85,5".</summary>
    public static string Score(decimal value) => value.ToString("0.##", Vietnamese);

    public static string Index(int zeroBased) => (zeroBased + 1).ToString(CultureInfo.InvariantCulture);

    public static IReadOnlyDictionary<string, string> Row(params (string Field, string Value)[] fields) =>
        fields.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal);
}
