using System.Net;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.IntegrationTests.Proposals;

/// <summary>
/// The public form's list fields posted without JavaScript (issue 14 line 2): the beneficiary rows of a đề án nhóm and the
/// priority checkboxes are read into what the API takes; a duplicate beneficiary comes back at its field with every row
/// and tick kept.
/// </summary>
public class BrowserListFieldsTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    private static MultipartFormDataContent CentreForm(params (string Name, string TaxCode, string Type, string Commune)[] rows)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["organizationName"] = "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp", ["taxCode"] = ProposalForms.NewTaxCode(),
            ["entityType"] = "service-provider", ["representative"] = "Trần Thị Lan", ["email"] = ProposalForms.NewEmail(), ["phone"] = "0221 3862 555",
            ["address"] = "Số 3 Chùa Chuông", ["commune"] = "Phường Phố Hiến", ["province"] = "hung-yen", ["activity"] = "fair-participation",
            ["sector"] = "Thủ công mỹ nghệ", ["fundingSource"] = "local", ["title"] = "Hỗ trợ cơ sở tham gia hội chợ hàng công nghiệp nông thôn",
            ["summary"] = "Thuê gian hàng cho ba cơ sở.", ["totalCost"] = "300.000.000", ["requestedSupport"] = "150.000.000",
            ["ownContribution"] = "150.000.000", ["startDate"] = "01/03/2027", ["endDate"] = "30/9/2027",
        })
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new StringContent("women-owned"), "priorities");
        form.Add(new StringContent("ethnic-minority-owned"), "priorities");
        foreach (var (name, taxCode, type, commune) in rows.Append((string.Empty, string.Empty, string.Empty, string.Empty)))
        {
            form.Add(new StringContent(name), "beneficiaryName");
            form.Add(new StringContent(taxCode), "beneficiaryTaxCode");
            form.Add(new StringContent(type), "beneficiaryEntityType");
            form.Add(new StringContent(commune), "beneficiaryCommune");
        }

        return form;
    }

    private HttpClient BrowserClient()
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.BaseAddress };
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        return client;
    }

    [Fact]
    public async Task Submit_GroupDeAnRowsPrioritiesAndDayMonthYearDatesWithoutScript_StoresEachBeneficiaryPriorityAndDay()
    {
        using var client = BrowserClient();

        using var response = await client.PostAsync(new Uri("/api/proposals", UriKind.Relative), CentreForm(
            ("HTX Mây tre Phú Vinh", "0101234567", "cooperative", "Xã Tân Hưng"),
            ("Hộ kinh doanh Nguyễn Văn Bình", "001089012345", "household-business", "Mỹ Hào")));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var code = response.Headers.Location!.ToString().Split('/', '?')[2];
        var proposal = (await fixture.Host.Services.GetRequiredService<IProposalRepository>().FindByTrackingCodeAsync(code, CancellationToken.None))!;
        Assert.Equal(["0101234567", "001089012345"], proposal.Submission.Beneficiaries.Select(b => b.TaxCode));
        Assert.Equal("Phường Mỹ Hào", proposal.Submission.Beneficiaries[1].Commune);
        Assert.Equal(["women-owned", "ethnic-minority-owned"], proposal.Submission.Priorities);
        // Dates typed day/month/year (issue 16 item 4) are the same days.
        Assert.Equal(new DateOnly(2027, 3, 1), proposal.Submission.StartDate);
        Assert.Equal(new DateOnly(2027, 9, 30), proposal.Submission.EndDate);
    }

    [Fact]
    public async Task Submit_DuplicateBeneficiaryWithoutScript_ShowsTheFormWithTheMessageAtBeneficiariesAndEveryRowKept()
    {
        using var client = BrowserClient();

        using var response = await client.PostAsync(new Uri("/api/proposals", UriKind.Relative), CentreForm(
            ("HTX Mây tre Phú Vinh", "0101234567", "cooperative", "Xã Tân Hưng"),
            ("Công ty TNHH Nhựa Lạc Đạo", "0101234567", "sme", "Xã Lạc Đạo")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        const string message = "Cơ sở thụ hưởng có mã số thuế 0101234567 được kê khai nhiều lần: mỗi cơ sở chỉ kê khai một lần.";
        Assert.Contains("<li><a href=\"#beneficiaries\">" + message + "</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"field-error\" aria-live=\"polite\" id=\"beneficiaries-error\">" + message + "</p>", html, StringComparison.Ordinal);
        Assert.Matches("<input [^>]*id=\"beneficiaries\"[^>]*value=\"HTX Mây tre Phú Vinh\"", html);
        Assert.Matches("<input [^>]*name=\"beneficiaryName\"[^>]*value=\"Công ty TNHH Nhựa Lạc Đạo\"", html);
        Assert.Matches("<input type=\"checkbox\" name=\"priorities\" id=\"priorities-women-owned\" value=\"women-owned\" checked", html);
        Assert.Matches("<input type=\"checkbox\" name=\"priorities\" id=\"priorities-difficult-area\" value=\"difficult-area\"(?! checked)", html);
    }
}
