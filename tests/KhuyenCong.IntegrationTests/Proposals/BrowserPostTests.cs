using System.Net;
using System.Net.Http.Headers;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Proposals;

/// <summary>The form's own post without JavaScript: the browser asks for HTML and gets pages, not JSON.</summary>
public class BrowserPostTests : IClassFixture<LocalHostFixture>
{
    private readonly LocalHostFixture fixture;

    public BrowserPostTests(LocalHostFixture fixture) => this.fixture = fixture;

    private static MultipartFormDataContent Form(string totalCost)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["organizationName"] = "Hộ kinh doanh Đỗ Văn Tâm", ["taxCode"] = "0101112223", ["entityType"] = "household-business", ["representative"] = "Đỗ Văn Tâm",
            ["email"] = "tam@example.vn", ["phone"] = "0911222333", ["address"] = "Thôn Bắc", ["commune"] = "Xã Yên Phú",
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
    public async Task Submit_FromABrowserWithErrors_ShowsAnHtmlPageListingThem()
    {
        using var client = BrowserClient();

        using var response = await client.PostAsync(new Uri("/api/proposals", UriKind.Relative), Form("100.000.000"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-field=\"requestedSupport\"", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
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
