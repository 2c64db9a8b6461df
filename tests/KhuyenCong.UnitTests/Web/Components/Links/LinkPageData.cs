using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.UnitTests.Domain;
using KhuyenCong.Web.Pages.Links;
using KhuyenCong.Web.Rendering;

namespace KhuyenCong.UnitTests.Web.Components.Links;

/// <summary>What the link pages' component tests render: a proposal, a rubric, a review, and the renderer.</summary>
internal static class LinkPageData
{
    public static readonly DateTimeOffset Now = new(2026, 3, 31, 13, 5, 0, TimeSpan.Zero);

    public static readonly LinkFormTarget Form = new("/links/abc.def?lang=en", "0123abcd");

    public static Proposal Proposal(string title = "Ứng dụng máy may công nghiệp tự động", params AttachmentInfo[] files) => new()
    {
        Id = "p1",
        TrackingCode = "KC-2026-ABCD",
        Submission = ProposalValidator.Validate(ProposalValidatorTests.ValidForm() with { Title = title }).Submission!,
        Status = ProposalStatus.InReview,
        SubmittedAt = Now,
        Channel = SubmissionChannel.Online,
        EnteredBy = "applicant",
        Attachments = files,
    };

    public static Rubric TheRubric { get; } = DefaultRubric.Create();

    public static ReviewRecord Review(string name = "Nguyễn Thị Hoa") =>
        new("p1", 1, "r1", name, ReviewState.Invited, Now, Now.AddDays(10), RubricId: TheRubric.Id, RubricVersion: TheRubric.Version);

    public static PostedValues Posted(params (string Field, string Value)[] values) =>
        new(values.ToDictionary(v => v.Field, v => v.Value, StringComparer.Ordinal));

    public static async Task<string> PageAsync<TPage, TModel>(TModel model, Language language = Language.Vietnamese)
        where TPage : KhuyenCong.Web.Rendering.PageComponent<TModel>
    {
        var page = await ComponentRendering.Renderer.PageAsync<TPage, TModel>(WebTestSupport.Request("/links/abc.def"), language, model, PageOptions.EmailedLink);
        return page.Content!;
    }
}
