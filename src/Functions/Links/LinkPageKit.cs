using System.Globalization;
using System.Text;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Links;
using KhuyenCong.Domain.Links;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Web;
using KhuyenCong.Web.Pages.Links;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace KhuyenCong.Functions.Links;

/// <summary>One request on an emailed link whose token is genuine and unexpired, for a proposal that exists.</summary>
public sealed class LinkRequest(HttpRequest request, string token, Language language, LinkClaims claims, Proposal proposal, LinkService links, StaffPrincipal? staff = null)
{
    public HttpRequest Http { get; } = request;

    /// <summary>The token as it is in the URL (pages build the download links of the review page from it).</summary>
    public string Token { get; } = token;

    public Language Language { get; } = language;

    public LinkClaims Claims { get; } = claims;

    public Proposal Proposal { get; } = proposal;

    /// <summary>The signed-in staff member who opened the link, if any (the director deciding on an approval).</summary>
    public StaffPrincipal? Staff { get; } = staff;

    /// <summary>The value the page puts in its forms' hidden <c>formToken</c> input.</summary>
    public string FormToken => links.FormToken(Claims);

    public bool IsValidFormToken(string? presented) => links.IsValidFormToken(Claims, presented);

    /// <summary>Where the page's forms post: the link itself (with its <c>?lang</c>), HTML-encoded.</summary>
    public string FormAction => PageLayout.Encode(Http.Path + Http.QueryString);

    public string T(string vietnamese, string english) => PageLayout.Choose(Language, vietnamese, english);
}

/// <summary>A page behind an emailed link, for one <see cref="LinkActions">action</see>.</summary>
public interface ILinkPage
{
    string Action { get; }

    /// <summary>
    /// The staff role a decision on this page needs (null: the link alone decides, as for reviewers and applicants).
    /// Viewing never needs it.
    /// </summary>
    string? DecidingRole => null;

    /// <summary>Shows the page. Never changes anything (mail scanners open links).</summary>
    Task<IActionResult> ShowAsync(LinkRequest link, CancellationToken cancellationToken);

    /// <summary>Decides, from the page's form (which must carry the form token).</summary>
    Task<IActionResult> DecideAsync(LinkRequest link, DurableTaskClient durableClient, CancellationToken cancellationToken);
}

/// <summary>What every link page shares: the response headers, the refusals, the summary of a proposal, the form parts.</summary>
public static class LinkPageKit
{
    public const string FormTokenField = "formToken";

    /// <summary>Longest free text (comments, statements, reasons, reports).</summary>
    public const int MaxCommentLength = 4000;

    public static string E(string? value) => PageLayout.Encode(value);

    public static ContentResult Page(LinkRequest link, string title, string main, int status = StatusCodes.Status200OK, string? endOfBody = null)
    {
        ArgumentNullException.ThrowIfNull(link);
        return Page(link.Http, link.Language, title, main, status, endOfBody);
    }

    public static ContentResult Page(HttpRequest request, Language language, string title, string main, int status = StatusCodes.Status200OK, string? endOfBody = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = PageLayout.Page(request, language, title, main, endOfBody, status);
        // Tokens are in the URL: never send them to another site in a Referer, never cache them.
        request.HttpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return page;
    }

    /// <summary>404: the token is not genuine or its proposal does not exist.</summary>
    public static IActionResult NotFound(HttpRequest request, Language language)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageResult.For<LinkNotFoundPage>(language, PageOptions.EmailedLink with { StatusCode = StatusCodes.Status404NotFound });
    }

    /// <summary>410: a genuine link past its expiry.</summary>
    public static IActionResult Expired(HttpRequest request, Language language)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageResult.For<LinkExpiredPage>(language, PageOptions.EmailedLink with { StatusCode = StatusCodes.Status410Gone });
    }

    /// <summary>
    /// 401 or 403: deciding on this link needs a signed-in staff member with the page's role (the director). In Azure the
    /// page offers App Service Authentication's sign-in, which brings the user back to the link; under LocalHost the
    /// function key signs in (the link opened with <c>?code=</c>).
    /// </summary>
    public static ContentResult StaffOnly(HttpRequest request, Language language, int status, bool localHost)
    {
        ArgumentNullException.ThrowIfNull(request);
        string T(string vi, string en) => PageLayout.Choose(language, vi, en);
        var back = Uri.EscapeDataString(request.Path + request.QueryString);
        var action = status == StatusCodes.Status401Unauthorized
            ? (localHost
                ? "<p id=\"sign-in\">" + E(T("LocalHost: mở lại đường liên kết kèm khóa chức năng (?code=…) để đăng nhập.", "LocalHost: open the link again with the function key (?code=…) to sign in.")) + "</p>"
                : "<p><a id=\"sign-in\" class=\"button\" href=\"/.auth/login/aad?post_login_redirect_uri=" + E(back) + "\">"
                    + E(T("Đăng nhập bằng tài khoản cơ quan", "Sign in with your organisation account")) + "</a></p>")
            : string.Empty;
        return Page(request, language, T("Cần đăng nhập", "Sign-in needed"),
            "<h1>" + E(T("Chỉ Giám đốc đã đăng nhập mới ghi nhận được quyết định này", "Only the signed-in director can record this decision")) + "</h1><p role=\"alert\" id=\"staff-only\">"
            + E(status == StatusCodes.Status401Unauthorized
                ? T("Đường liên kết chỉ cho xem đề án. Vui lòng đăng nhập rồi gửi lại quyết định; chưa có gì được ghi nhận.", "The link alone only shows the proposal. Sign in, then send the decision again; nothing was recorded.")
                : T("Tài khoản đang đăng nhập không có vai trò Giám đốc; chưa có gì được ghi nhận.", "The signed-in account does not have the director role; nothing was recorded."))
            + "</p>" + action, status);
    }

    /// <summary>400: a form posted without the link page's form token.</summary>
    public static IActionResult InvalidForm(LinkRequest link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return PageResult.For<LinkInvalidFormPage>(link.Language, PageOptions.EmailedLink with { StatusCode = StatusCodes.Status400BadRequest });
    }

    /// <summary>409: the proposal is not (or no longer) at the stage this link acts on.</summary>
    public static IActionResult Closed(LinkRequest link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return PageResult.For<LinkClosedPage, ProposalStatus>(link.Language, link.Proposal.Status,
            PageOptions.EmailedLink with { StatusCode = StatusCodes.Status409Conflict });
    }

    /// <summary>409: a decision was already recorded; <paramref name="whatHtml"/> says which (already encoded).</summary>
    public static ContentResult AlreadyDecided(LinkRequest link, string whatHtml, DateTimeOffset? at) =>
        Page(link, link.T("Đã có quyết định", "Already decided"),
            "<h1>" + E(link.T("Đường liên kết này đã được sử dụng", "This link has already been used")) + "</h1><p>"
            + E(link.T("Đã ghi nhận: ", "Recorded: ")) + "<strong id=\"recorded-decision\">" + whatHtml + "</strong>"
            + (at is { } when ? " (" + E(DateTime(when)) + ")" : string.Empty)
            + ", " + E(link.T("đề án ", "proposal ")) + E(link.Proposal.TrackingCode) + ".</p>",
            StatusCodes.Status409Conflict);

    /// <summary>The page shown when a request for a file or a form is refused as a whole (413, 415, 400), with its message.</summary>
    public static IActionResult Refused(LinkRequest link, int status, string message)
    {
        ArgumentNullException.ThrowIfNull(link);
        return PageResult.For<LinkRefusedPage, string>(link.Language, message,
            PageOptions.EmailedLink with { StatusCode = status });
    }

    public static string DateTime(DateTimeOffset at) =>
        at.ToOffset(VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Money(long amount, Language language) =>
        DisplayFormat.Amount(amount, language) + (language == Language.English ? " VND" : " đồng");

    public static string HiddenFormToken(LinkRequest link) =>
        "<input type=\"hidden\" name=\"" + FormTokenField + "\" value=\"" + E(link.FormToken) + "\">";

    /// <summary>
    /// The proposal as a reviewer or the director sees it: no email, phone or tax code of the applicant.
    /// </summary>
    public static string Summary(LinkRequest link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var s = link.Proposal.Submission;
        var l = link.Language;
        var html = new StringBuilder();
        html.Append("<section id=\"proposal-summary\" class=\"link-section\" aria-labelledby=\"proposal-summary-title\">")
            .Append("<h2 id=\"proposal-summary-title\">").Append(E(link.T("Thông tin đề án", "The proposal"))).Append("</h2><dl class=\"facts\">");
        Fact(html, "proposal-title", link.T("Tên đề án", "Title"), s.Title);
        Fact(html, "proposal-organization", link.T("Cơ sở đề xuất", "Establishment"), s.OrganizationName);
        Fact(html, "proposal-kind", link.T("Nội dung khuyến công", "Kind"), s.Kind.DisplayName(l));
        Fact(html, "proposal-sector", link.T("Lĩnh vực", "Sector"), s.Sector);
        Fact(html, "proposal-source", link.T("Nguồn kinh phí", "Funding source"), s.FundingSource.DisplayName(l));
        Fact(html, "proposal-total", link.T("Tổng kinh phí", "Total cost"), Money(s.TotalCost, l));
        Fact(html, "proposal-requested", link.T("Kinh phí đề nghị hỗ trợ", "Support requested"), Money(s.RequestedSupport, l));
        Fact(html, "proposal-own", link.T("Vốn đối ứng", "Own contribution"), Money(s.OwnContribution, l));
        Fact(html, "proposal-dates", link.T("Thời gian thực hiện", "Schedule"), Date(s.StartDate) + " – " + Date(s.EndDate));
        if (s.ExpectedJobs is { } jobs)
        {
            Fact(html, "proposal-jobs", link.T("Số việc làm dự kiến", "Expected jobs"), jobs.ToString(CultureInfo.InvariantCulture));
        }

        if (s.ExpectedTrainees is { } trainees)
        {
            Fact(html, "proposal-trainees", link.T("Số học viên dự kiến", "Expected trainees"), trainees.ToString(CultureInfo.InvariantCulture));
        }

        html.Append("</dl><h3>").Append(E(link.T("Tóm tắt", "Summary"))).Append("</h3><p id=\"proposal-text\" class=\"multiline\">")
            .Append(E(s.Summary)).Append("</p></section>");
        return html.ToString();
    }

    public static void Fact(StringBuilder html, string id, string label, string value)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Append("<div class=\"row\"><dt>").Append(E(label)).Append("</dt><dd id=\"").Append(E(id)).Append("\">").Append(E(value)).Append("</dd></div>");
    }

    /// <summary>The error summary at the top of a form posted with problems (422).</summary>
    public static string ErrorSummary(LinkRequest link, IReadOnlyDictionary<string, IReadOnlyList<string>> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<div id=\"error-summary\" class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>")
            .Append(E(link.T("Vui lòng sửa các mục sau", "Please correct the following"))).Append("</h2><ul>");
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                html.Append("<li><a href=\"#").Append(E(field)).Append("\">").Append(E(message)).Append("</a></li>");
            }
        }

        return html.Append("</ul></div>").ToString();
    }

    /// <summary>The messages of one field, next to it (empty paragraph when none).</summary>
    public static string FieldError(IReadOnlyDictionary<string, IReadOnlyList<string>> errors, string field)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : string.Empty;
        return "<p class=\"field-error\" id=\"" + E(field) + "-error\">" + E(text) + "</p>";
    }

    /// <summary>Free text from a form: normalised, at most <paramref name="max"/> characters.</summary>
    public static string Text(string? value, TextMode mode = TextMode.MultiLine) => VietnameseText.Normalize(value ?? string.Empty, mode);

    public static Dictionary<string, IReadOnlyList<string>> Errors() => new(StringComparer.Ordinal);

    public static void Add(Dictionary<string, IReadOnlyList<string>> errors, string field, string message)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
    }
}
