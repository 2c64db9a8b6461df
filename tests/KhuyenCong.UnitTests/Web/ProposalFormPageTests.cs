using System.Text.Json;
using KhuyenCong.Application.Caps;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Web;
using KhuyenCong.Web;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static KhuyenCong.UnitTests.Web.WebTestSupport;

namespace KhuyenCong.UnitTests.Web;

public class ProposalFormPageTests
{
    // 2026-03-10 00:30 in Vietnam is still 2026-03-09 in UTC.
    private static readonly DateTimeOffset Now = new(2026, 3, 9, 17, 30, 0, TimeSpan.Zero);

    /// <summary>The renderer as the app registers it, with the app's own asset URLs.</summary>
    private static readonly PageRenderer Renderer = new ServiceCollection()
        .AddWeb().AddSingleton<IAssetUrls, EmbeddedAssetUrls>().BuildServiceProvider().GetRequiredService<PageRenderer>();

    private static ProposalFormFunction Function(ICapStore caps) =>
        new(new ProposalFormPages(caps, new InMemoryCallStore(), new FixedTimeProvider(Now), Renderer, NullLogger<ProposalFormPages>.Instance));

    private static async Task<(string Html, Microsoft.AspNetCore.Http.HttpRequest Request, ContentResult Result)> Get(
        string url = "/", string? cookie = null, IEnumerable<SupportCap>? caps = null)
    {
        var request = Request(url, cookie);
        var function = Function(new InMemoryCapStore(caps ?? CapSeed.National));
        var result = Assert.IsType<ContentResult>(await function.ProposalFormPage(request, CancellationToken.None));
        return (result.Content!, request, result);
    }

    [Fact]
    public async Task Page_WithTheCentresSettings_NamesTheCentreWithItsAddressAndHotlineInHeaderAndFooter()
    {
        var centre = new KhuyenCong.Application.Documents.IssuerOptions
        {
            Superior = "SỞ CÔNG THƯƠNG HƯNG YÊN", Name = "TRUNG TÂM KHUYẾN CÔNG", Symbol = "TTKC",
            Address = "Số 3 Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên", Phone = "0221 3862 555",
        };
        var renderer = new ServiceCollection().AddWeb().AddSingleton<IAssetUrls, EmbeddedAssetUrls>()
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(new KhuyenCong.Application.Documents.DocumentsOptions { Centre = centre }))
            .BuildServiceProvider().GetRequiredService<PageRenderer>();
        var function = new ProposalFormFunction(new ProposalFormPages(new InMemoryCapStore(CapSeed.National), new InMemoryCallStore(),
            new FixedTimeProvider(Now), renderer, NullLogger<ProposalFormPages>.Instance));

        var result = Assert.IsType<ContentResult>(await function.ProposalFormPage(Request("/", null), CancellationToken.None));
        var html = result.Content!;

        Assert.Contains("<span class=\"site-agency\" id=\"agency-name\">TRUNG TÂM KHUYẾN CÔNG · <a class=\"hotline\" href=\"tel:02213862555\">Đường dây nóng 0221 3862 555</a></span>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>TRUNG TÂM KHUYẾN CÔNG</strong> – SỞ CÔNG THƯƠNG HƯNG YÊN", html, StringComparison.Ordinal);
        Assert.Contains("Địa chỉ: Số 3 Chùa Chuông, phường Phố Hiến, tỉnh Hưng Yên", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_OpenCallWithItsOwnDocuments_ListsThemForTheKindWithAFileInputEach()
    {
        // Issue 14 line 5: a call requires documents per kind; the form shows its list and a file input per document.
        var call = new KhuyenCong.Domain.Calls.Call("c2027", 2027, FundingSource.National, "Đợt KCQG 2027", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31),
            [], new Dictionary<string, IReadOnlyList<string>> { ["machinery"] = ["Bản vẽ mặt bằng nhà xưởng", "du-toan"] }, null, "test", Now, 1);
        var function = new ProposalFormFunction(new ProposalFormPages(new InMemoryCapStore(CapSeed.National), new InMemoryCallStore(call),
            new FixedTimeProvider(Now), Renderer, NullLogger<ProposalFormPages>.Instance));

        var html = Assert.IsType<ContentResult>(await function.ProposalFormPage(Request("/", null), CancellationToken.None)).Content!;

        Assert.Contains("<section id=\"documents-call-c2027-machinery\" class=\"documents-list\" data-call=\"c2027\" data-kind=\"machinery\"", html, StringComparison.Ordinal);
        Assert.Contains("<li data-document=\"call-ban-ve-mat-bang-nha-xuong\">Bản vẽ mặt bằng nhà xưởng</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li data-document=\"du-toan\">Dự toán kinh phí chi tiết</li>", html, StringComparison.Ordinal);
        Assert.Matches("<input type=\"file\" id=\"document-file-call-ban-ve-mat-bang-nha-xuong\" name=\"attachments.call-ban-ve-mat-bang-nha-xuong\"", html);
        Assert.Matches("<input type=\"file\" id=\"document-file-du-toan\" name=\"attachments.du-toan\"", html);
    }

    [Fact]
    public async Task Page_Vietnamese_IsAnHtmlDocumentWithLayoutLandmarksAndSecurityHeaders()
    {
        var (html, request, result) = await Get();

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("text/html; charset=utf-8", result.ContentType);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Đăng ký đề án khuyến công – Khuyến công</title>", html, StringComparison.Ordinal);
        // The renderer closes a void element it writes with attributes as "<link … />".
        Assert.Matches("<link rel=\"stylesheet\" href=\"/assets/base\\.css\\?v=[0-9a-f]{12}\" ?/?>", html);
        Assert.Matches("<link rel=\"stylesheet\" href=\"/assets/print\\.css\\?v=[0-9a-f]{12}\" ?/?>", html);
        Assert.Contains("<a class=\"skip-link\" href=\"#main\">", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
        Assert.Contains("<footer", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"site-name\" href=\"/\">Khuyến công</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/?lang=en\" lang=\"en\" hreflang=\"en\">English</a>", html, StringComparison.Ordinal);
        var headers = request.HttpContext.Response.Headers;
        Assert.Contains("script-src 'self'", headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        Assert.Equal("Cookie", headers.Vary.ToString());
    }

    [Fact]
    public async Task Page_EveryFieldRule_HasALabelledControlWithHintAndErrorDescribedBy()
    {
        var (html, _, _) = await Get();

        // The list fields (ProposalChoices.ListFields: priority checkboxes, beneficiary rows) have several controls: tested on their own.
        foreach (var rule in ProposalFieldRules.All.Where(r => !ProposalChoices.ListFields.Contains(r.Name)))
        {
            var label = LabelFor(html, rule.Name);
            Assert.Contains(PageRenderer.Encoder.Encode(rule.VietnameseLabel), label, StringComparison.Ordinal);
            Assert.Contains(rule.Required ? "(bắt buộc)" : "(không bắt buộc)", label, StringComparison.Ordinal);

            var tag = TagWithId(html, rule.Name);
            Assert.Equal(rule.Name, Attribute(tag, "name"));
            var describedBy = Attribute(tag, "aria-describedby")!.Split(' ');
            Assert.Contains(rule.Name + "-error", describedBy);
            foreach (var id in describedBy)
            {
                Assert.Contains("id=\"" + id + "\"", html, StringComparison.Ordinal);
            }

            Assert.Contains($"aria-live=\"polite\" id=\"{rule.Name}-error\"", html, StringComparison.Ordinal);
            Assert.Equal(rule.Required, Attribute(tag, "required") is not null);
            Assert.NotNull(Attribute(tag, "autocomplete"));
            if (rule.Kind != FieldValueKind.Choice)
            {
                Assert.Equal(rule.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), Attribute(tag, "maxlength"));
            }
        }
    }

    [Theory]
    [InlineData(ProposalFields.TaxCode, "numeric", "text")]
    [InlineData(ProposalFields.TotalCost, "numeric", "text")]
    [InlineData(ProposalFields.RequestedSupport, "numeric", "text")]
    [InlineData(ProposalFields.OwnContribution, "numeric", "text")]
    [InlineData(ProposalFields.Phone, "tel", "tel")]
    [InlineData(ProposalFields.Email, "email", "email")]
    [InlineData(ProposalFields.StartDate, "numeric", "text")]
    public async Task Page_Inputs_HaveTheInputModeAndTypeOfTheirKind(string field, string? inputMode, string type)
    {
        var (html, _, _) = await Get();

        var tag = TagWithId(html, field);

        Assert.Equal(inputMode, Attribute(tag, "inputmode"));
        Assert.Equal(type, Attribute(tag, "type"));
    }

    [Fact]
    public async Task Page_Fields_AreGroupedInTheSixFieldsetsInOrder()
    {
        var (html, _, _) = await Get();

        var legends = System.Text.RegularExpressions.Regex.Matches(html, "<fieldset id=\"group-[^\"]+\"[^>]*>\\s*<legend>(.*?)</legend>").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(["Cơ sở đề xuất", "Nội dung đề án", "Cơ sở thụ hưởng (đề án nhóm)", "Kinh phí", "Thời gian và kết quả", "Hồ sơ đính kèm"], legends);
        Assert.True(html.IndexOf("id=\"organizationName\"", StringComparison.Ordinal) < html.IndexOf("<legend>Nội dung đề án", StringComparison.Ordinal));
        Assert.True(html.IndexOf("<legend>Kinh phí", StringComparison.Ordinal) < html.IndexOf("id=\"cap-box\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Page_Form_PostsMultipartToTheApiInThePageLanguageWithAFileInput()
    {
        var (html, _, _) = await Get();

        Assert.Contains("method=\"post\" action=\"/api/proposals?lang=vi\" enctype=\"multipart/form-data\"", html, StringComparison.Ordinal);
        var file = TagWithId(html, "attachments");
        Assert.Equal("file", Attribute(file, "type"));
        Assert.Equal("attachments", Attribute(file, "name"));
        Assert.NotNull(Attribute(file, "multiple"));
        Assert.Equal(".pdf,.docx,.xlsx,.jpg,.jpeg,.png", Attribute(file, "accept"));
        Assert.Contains("<label for=\"attachments\">", html, StringComparison.Ordinal);
        Assert.Matches("<script src=\"/assets/form\\.js\\?v=[0-9a-f]{12}\" defer></script>", html);
        Assert.Contains("<progress id=\"upload-progress\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ProvinceSelect_ListsThe34CurrentProvincesInVietnameseAlphabeticalOrder()
    {
        var (html, _, _) = await Get("/?lang=en");

        var select = System.Text.RegularExpressions.Regex.Match(html, "<select[^>]*id=\"province\".*?</select>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        var options = System.Text.RegularExpressions.Regex.Matches(select, "<option value=\"([^\"]+)\">([^<]+)</option>")
            .Select(m => (Code: m.Groups[1].Value, Name: m.Groups[2].Value)).ToList();

        Assert.Equal(34, options.Count);
        Assert.Equal(ProvinceCatalog.Current.Select(p => p.Code).Order(StringComparer.Ordinal), options.Select(o => o.Code).Order(StringComparer.Ordinal));
        Assert.Contains(("hung-yen", "Hưng Yên"), options);
        var names = options.Select(o => o.Name).ToList();
        Assert.Equal(["An Giang", "Bắc Ninh", "Cà Mau", "Cao Bằng", "Cần Thơ"], names.Take(5));
        // Đ comes after D and before E-G in Vietnamese order (ordinal order would put it after every ASCII letter).
        Assert.True(names.IndexOf("Đà Nẵng") < names.IndexOf("Gia Lai"), string.Join(", ", names));
    }

    [Fact]
    public async Task Page_LangEn_ShowsEnglishTextsAndLinksBackToVietnamese()
    {
        var (html, request, _) = await Get("/?lang=en");

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Organization name <span class=\"required\">(required)</span>", LabelFor(html, ProposalFields.OrganizationName), StringComparison.Ordinal);
        Assert.Contains("<legend>Proposing establishment</legend>", html, StringComparison.Ordinal);
        Assert.Contains("Submit proposal", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/api/proposals?lang=en\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/?lang=vi\" lang=\"vi\" hreflang=\"vi\">Tiếng Việt</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Tên tổ chức", html, StringComparison.Ordinal);
        Assert.DoesNotContain("bắt buộc", html, StringComparison.Ordinal);
        Assert.StartsWith("lang=en;", request.HttpContext.Response.Headers.SetCookie.ToString(), StringComparison.Ordinal);
        using var rules = FormRules(html);
        Assert.Equal("en", rules.RootElement.GetProperty("language").GetString());
        var taxCode = rules.RootElement.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "taxCode");
        Assert.Equal("Please enter the tax code.", taxCode.GetProperty("messages").GetProperty("required").GetString());
    }

    [Fact]
    public async Task Page_LangCookie_ChoosesEnglishWithoutQuery()
    {
        var (html, _, _) = await Get("/", cookie: "lang=en");

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_QueryString_IsEncodedInTheLanguageLink()
    {
        var (html, _, _) = await Get("/?x=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E&y=%C4%91");

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"><script", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/?x=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E&amp;y=%C4%91&amp;lang=en\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_CapBasisFromStaff_IsEncodedInTheListAndCannotEndTheJsonBlock()
    {
        const string basis = "Nghị quyết </script><script>alert(1)</script> & <b>Hưng Yên</b>";
        var caps = CapSeed.National.Append(new SupportCap(FundingSource.Local, "hung-yen", ProposalKind.Machinery, new DateOnly(2025, 1, 1), null, 40m, 250_000_000, basis));

        var (html, _, _) = await Get(caps: caps);

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Hưng Yên</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Hưng Yên&lt;/b&gt;", html, StringComparison.Ordinal);
        using var rules = FormRules(html);
        var local = rules.RootElement.GetProperty("caps").EnumerateArray().Single(c => c.GetProperty("fundingSource").GetString() == "local");
        Assert.Equal(basis, local.GetProperty("basis").GetString());
        Assert.Equal("hung-yen", local.GetProperty("province").GetString());
    }

    [Fact]
    public async Task Page_Vietnamese_IsReadableUtf8NotCharacterReferences()
    {
        var (html, _, _) = await Get();

        Assert.Contains("Khuyến công quốc gia", html, StringComparison.Ordinal);
        Assert.Contains("Mức hỗ trợ tối đa", html, StringComparison.Ordinal);
        // Only ASCII punctuation (quotes, +, ` in patterns) is written as a character reference; letters never are.
        var references = System.Text.RegularExpressions.Regex.Matches(html, "&#x([0-9A-Fa-f]+);")
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(references, r => Assert.True(r < 0x80 && !char.IsAsciiLetterOrDigit((char)r), $"U+{r:X4} was encoded"));
        Assert.DoesNotContain("\\u1EBF", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Page_FormRules_HoldFieldsCapsForTodayInVietnamAndAttachmentLimits()
    {
        var expired = new SupportCap(FundingSource.National, null, ProposalKind.Training, new DateOnly(2020, 1, 1), new DateOnly(2026, 3, 10), 70m, 100_000_000, "hết hiệu lực từ 10/3/2026");
        var future = new SupportCap(FundingSource.National, null, ProposalKind.Brand, new DateOnly(2026, 3, 11), null, 60m, 90_000_000, "hiệu lực từ 11/3/2026");

        var (html, _, _) = await Get(caps: CapSeed.National.Append(expired).Append(future));

        using var rules = FormRules(html);
        var root = rules.RootElement;
        Assert.Equal("vi", root.GetProperty("language").GetString());
        Assert.Equal("2026-03-10", root.GetProperty("capsDate").GetString());
        Assert.False(root.GetProperty("capsUnavailable").GetBoolean());
        Assert.Equal(ProposalFieldRules.All.Select(r => r.Name), root.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        var caps = root.GetProperty("caps").EnumerateArray().ToList();
        // One cap per kind's default activity in force today (no territory caps): the national caps of TT 28/2018.
        Assert.Equal(CapSeed.National.Count(c => c.IsEffectiveOn(new DateOnly(2026, 3, 10)) && KhuyenCong.Domain.Activities.ActivityCatalog.DefaultFor(c.Kind).Code == c.Activity), caps.Count);
        Assert.DoesNotContain(caps, c => c.GetProperty("kind").GetString() is "training" or "brand");
        var machinery = caps.Single(c => c.GetProperty("kind").GetString() == "machinery");
        Assert.Equal("national", machinery.GetProperty("fundingSource").GetString());
        Assert.Equal(JsonValueKind.Null, machinery.GetProperty("province").ValueKind);
        Assert.Equal(50m, machinery.GetProperty("maxPercent").GetDecimal());
        Assert.Equal(300_000_000, machinery.GetProperty("maxAmount").GetInt64());
        Assert.Contains("28/2018/TT-BTC", machinery.GetProperty("basis").GetString(), StringComparison.Ordinal);
        var attachments = root.GetProperty("attachments");
        Assert.Equal(20 * 1024 * 1024, attachments.GetProperty("maxFileBytes").GetInt64());
        Assert.Equal(100 * 1024 * 1024, attachments.GetProperty("maxTotalBytes").GetInt64());
        Assert.Equal(10, attachments.GetProperty("maxFiles").GetInt32());
        Assert.Equal([".pdf", ".docx", ".xlsx", ".jpg", ".jpeg", ".png"], attachments.GetProperty("allowedExtensions").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Page_CapStoreDown_StillRendersTheFormAndSaysCapsAreUnavailable()
    {
        var request = Request("/");
        var function = Function(new FailingCapStore());

        var result = Assert.IsType<ContentResult>(await function.ProposalFormPage(request, CancellationToken.None));

        Assert.Equal(200, result.StatusCode);
        Assert.Contains("Tạm thời không tải được mức hỗ trợ tối đa", result.Content, StringComparison.Ordinal);
        using var rules = FormRules(result.Content!);
        Assert.True(rules.RootElement.GetProperty("capsUnavailable").GetBoolean());
        Assert.Empty(rules.RootElement.GetProperty("caps").EnumerateArray());
    }
}
