using System.Text.RegularExpressions;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Email;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;

namespace KhuyenCong.UnitTests.Web.Staff;

/// <summary>Proposals, cases and staff members for the staff pages' tests.</summary>
internal static partial class StaffPageData
{
    public static readonly DateTimeOffset Submitted = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);

    public static StaffPrincipal Officer { get; } = new("can.bo@example.gov.vn", new HashSet<string> { StaffRoles.Officer });

    public static StaffPrincipal Finance { get; } = new("ke.toan@example.gov.vn", new HashSet<string> { StaffRoles.Finance });

    public static StaffPrincipal Admin { get; } = new("quan.tri@example.gov.vn", new HashSet<string> { StaffRoles.Admin });

    public static Proposal Proposal(ProposalStatus status, string title = "Máy chẻ nan Hưng Yên") => new()
    {
        Id = "p-1",
        TrackingCode = "KC-2026-ABCD",
        Status = status,
        SubmittedAt = Submitted,
        Channel = SubmissionChannel.Online,
        EnteredBy = "applicant",
        Attachments = [new AttachmentInfo("a 1", "báo giá <1>.pdf", "application/pdf", 1_234_567, "00", Submitted)],
        History = [new StatusChange(Submitted, null, ProposalStatus.Submitted, "applicant", null)],
        Submission = new ProposalSubmission
        {
            OrganizationName = "HTX <Tiên Lữ>", TaxCode = "0101234567", Representative = "Nguyễn Thị Hoa", Email = "hoa@example.vn", Phone = "0912345678",
            Address = "Thôn Đông", Commune = "Xã Thiện Phiến", Province = "hung-yen", Kind = ProposalKind.Machinery, Sector = "Chế biến nông sản",
            FundingSource = FundingSource.Local, Title = title, Summary = "Tóm tắt", TotalCost = 500_000_000, RequestedSupport = 200_000_000,
            OwnContribution = 300_000_000, StartDate = new DateOnly(2026, 4, 1), EndDate = new DateOnly(2026, 10, 31),
        },
    };

    public static ProposalCase Case(params ScreeningRecord[] screenings) => ProposalCase.Empty("p-1") with { Screenings = screenings };

    public static ScreeningRecord OpenScreening() =>
        new(1, [new ScreeningFinding("quote-missing", "Thiếu báo giá <thiết bị>", "The quote is missing", true)], Submitted);

    public static ReviewRecord Review(string reviewerId, ReviewState state) =>
        new("p-1", 1, reviewerId, "Ngô Văn <Mạnh>", state, Submitted, Submitted.AddDays(10));

    /// <summary>The page's model for <paramref name="staff"/>, with the choices their roles give.</summary>
    public static StaffProposalPageModel Model(Proposal proposal, ProposalCase @case, StaffPrincipal staff, IReadOnlyList<BudgetPayment>? payments = null,
        Commitment? commitment = null, string? functionKey = null, Language language = Language.Vietnamese) =>
        new(proposal, @case, payments ?? [], commitment, [new SentEmail("Xác nhận <đã nhận>", Submitted)],
            StaffActionChoices.For(proposal, @case, payments ?? [], staff), new StaffFormValues("tok.en\"<x>", "pay-1"), new StaffLinks(language, functionKey), Done: false);

    /// <summary>The ids of the forms of the page.</summary>
    public static IReadOnlyList<string> FormIds(string html) => FormTag().Matches(html).Select(m => m.Groups["id"].Value).ToList();

    /// <summary>Each form element's opening tag and content.</summary>
    public static IReadOnlyList<(string Tag, string Body)> Forms(string html) =>
        FormElement().Matches(html).Select(m => (m.Groups["tag"].Value, m.Groups["body"].Value)).ToList();

    [GeneratedRegex("<form [^>]*\\bid=\"(?<id>[^\"]+)\"")]
    private static partial Regex FormTag();

    [GeneratedRegex("(?<tag><form\\b[^>]*>)(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormElement();
}
