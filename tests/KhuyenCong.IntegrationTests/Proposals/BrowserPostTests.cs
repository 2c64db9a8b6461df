using System.Net;
using System.Net.Http.Headers;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Proposals;

/// <summary>
/// The form's own post without JavaScript: the browser asks for HTML and gets pages, not JSON: the confirmation, or the
/// form again with what was typed and every problem at its field, in one pass.
/// </summary>
public class BrowserPostTests : IClassFixture<LocalHostFixture>
{
    private readonly LocalHostFixture fixture;

    public BrowserPostTests(LocalHostFixture fixture) => this.fixture = fixture;

    private static MultipartFormDataContent Form(string totalCost, string taxCode = "0101112223")
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["organizationName"] = "Hộ kinh doanh Đỗ Văn Tâm", ["taxCode"] = taxCode, ["entityType"] = "household-business", ["representative"] = "Đỗ Văn Tâm",
            ["email"] = $"tam+{Guid.NewGuid():N}@example.vn", ["phone"] = "0911222333", ["address"] = "Thôn Bắc", ["commune"] = "Xã Yên Phú",
            ["province"] = "hung-yen", ["kind"] = "machinery", ["sector"] = "Chế biến gỗ", ["fundingSource"] = "national",
            ["title"] = "Máy bào gỗ", ["summary"] = "Đầu tư máy bào", ["totalCost"] = totalCost, ["requestedSupport"] = "200.000.000",
            ["ownContribution"] = "200.000.000", ["startDate"] = "2027-01-01", ["endDate"] = "2027-06-30",
        })
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    private HttpClient BrowserClient()
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.BaseAddress };
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return client;
    }

    [Fact]
    public async Task Submit_FromABrowserWithoutScript_RedirectsToTheConfirmationWith303()
    {
        using var client = BrowserClient();

        using var response = await client.PostAsync(new Uri("/api/proposals", UriKind.Relative), Form("400.000.000"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Matches("^/track/KC-[2-9A-HJKMNP-Z-]+\\?submitted=1$", location);
        using var page = await client.GetAsync(new Uri(location, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"tracking-code\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_FromABrowserWithErrors_ShowsTheFormAgainWithTheValuesAndEachErrorAtItsField()
    {
        using var client = BrowserClient();

        using var response = await client.PostAsync(new Uri("/api/proposals?lang=vi", UriKind.Relative), Form("100.000.000"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Lỗi: Đăng ký đề án khuyến công – Khuyến công</title>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#requestedSupport\">Kinh phí đề nghị hỗ trợ không được lớn hơn tổng kinh phí.</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"field has-error\" id=\"field-requestedSupport\">", html, StringComparison.Ordinal);
        Assert.Matches("<input [^>]*id=\"requestedSupport\"[^>]*value=\"200.000.000\"[^>]*aria-invalid=\"true\"", html);
        Assert.Matches("<input [^>]*id=\"organizationName\"[^>]*value=\"Hộ kinh doanh Đỗ Văn Tâm\"", html);
        Assert.Contains("<option value=\"hung-yen\" selected>Hưng Yên</option>", html, StringComparison.Ordinal);
        Assert.Contains(">Đầu tư máy bào</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"form-rules\"", html, StringComparison.Ordinal);
        // The post's address answers no GET: the language switch opens the form.
        Assert.Contains("<a class=\"language-switch\" href=\"/?lang=en\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_FromABrowserNearlyEmpty_EveryFieldsErrorInOnePass()
    {
        using var client = BrowserClient();
        using var form = new MultipartFormDataContent { { new StringContent("Hộ kinh doanh Lê Thị Hồng"), "organizationName" } };

        using var response = await client.PostAsync(new Uri("/api/proposals?lang=vi", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var rule in ProposalFieldRules.All.Where(r => r.Required && r.Name != ProposalFields.OrganizationName))
        {
            Assert.Contains($"<div class=\"field has-error\" id=\"field-{rule.Name}\">", html, StringComparison.Ordinal);
            Assert.Contains($"<li><a href=\"#{rule.Name}\">", html, StringComparison.Ordinal);
        }

        Assert.Contains("<div class=\"field\" id=\"field-organizationName\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_FromABrowserWithARefusedFile_FormKeptWithTheFilesErrorAndTheFieldsErrorsInOnePass()
    {
        using var client = BrowserClient();
        var form = Form("100.000.000");
        var exe = new ByteArrayContent([(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
        exe.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(exe, "attachments", "thuyet-minh.pdf");

        using var response = await client.PostAsync(new Uri("/api/proposals?lang=vi", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<div class=\"field has-error\" id=\"field-attachments\">", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#attachments\">", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#requestedSupport\">Kinh phí đề nghị hỗ trợ không được lớn hơn tổng kinh phí.</a></li>", html, StringComparison.Ordinal);
        Assert.Matches("<input [^>]*id=\"taxCode\"[^>]*value=\"0101112223\"", html);
        Assert.Contains("Các tệp đã chọn lần trước chưa được lưu", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_FromABrowserInEnglish_ErrorsInEnglishThenTheConfirmationInEnglish()
    {
        using var client = BrowserClient();

        using var refused = await client.PostAsync(new Uri("/api/proposals?lang=en", UriKind.Relative), Form("100.000.000"));
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#requestedSupport\">The requested support cannot exceed the total cost.</a></li>", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("<a class=\"language-switch\" href=\"/?lang=vi\"", refusedHtml, StringComparison.Ordinal);

        using var accepted = await client.PostAsync(new Uri("/api/proposals?lang=en", UriKind.Relative), Form("400.000.000", taxCode: "0101112224"));
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        using var page = await client.GetAsync(accepted.Headers.Location);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Your proposal has been received", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_AskingForJson_StillGetsTheApiAnswer()
    {
        using var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await client.PostAsync(new Uri("/api/proposals", UriKind.Relative), Form("100.000.000"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
