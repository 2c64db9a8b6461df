using System.Net;
using System.Text;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.IntegrationTests.Staff;
using KhuyenCong.Testing;
using UglyToad.PdfPig;
using static KhuyenCong.IntegrationTests.Workflow.WorkflowProbe;

namespace KhuyenCong.IntegrationTests.Documents;

/// <summary>
/// The receipt PDF for the applicant, without signing in: reachable with the tracking code, throttled like the tracking
/// page, linked from the tracking page and the acknowledgement email, and showing no personal data beyond the
/// establishment's name.
/// </summary>
[Collection(DocumentsCollection.Name)]
public sealed class ReceiptPdfRoutesTests(LocalHostFixture fixture)
{
    private readonly StaffScenario scenario = new(fixture.Host);

    private HttpClient Anonymous(string? address = null)
    {
        var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address ?? $"203.0.{System.Security.Cryptography.RandomNumberGenerator.GetInt32(0, 256)}.{System.Security.Cryptography.RandomNumberGenerator.GetInt32(1, 255)}");
        return client;
    }

    private async Task<string> TrackingCodeAsync(string id) => (await scenario.Proposals.GetAsync(id, default))!.TrackingCode;

    [Fact]
    public async Task ReceiptPdf_WithTheTrackingCode_ReadsBackWithTheCodeAndTheNameInNfc()
    {
        var code = await TrackingCodeAsync(await scenario.SubmitAsync("Xưởng sấy vải thiều Ân Thi"));
        using var client = Anonymous();

        using var response = await client.GetAsync(new Uri($"/track/{code}/receipt.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.StartsWith("giay-tiep-nhan-ho-so-" + code, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
        Assert.Contains(code, text, StringComparison.Ordinal);
        Assert.Contains("Công ty TNHH Cơ khí Phố Nối", text, StringComparison.Ordinal);
        Assert.Contains("Xưởng sấy vải thiều Ân Thi", text, StringComparison.Ordinal);
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ", text, StringComparison.Ordinal);
        // Nothing the tracking page does not show, but the establishment's name: no representative, tax code or contacts.
        Assert.DoesNotContain("Trần Văn Bình", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0101234567", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.vn", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiptPdf_UnknownCode_Is404AndRepeatedGuessesAreThrottled()
    {
        using var client = Anonymous();

        using (var first = await client.GetAsync(new Uri("/track/KC-2222-2222-2222-2222-22/receipt.pdf", UriKind.Relative)))
        {
            await ProblemAssert.StatusAsync(first, HttpStatusCode.NotFound);
        }

        HttpStatusCode last = HttpStatusCode.NotFound;
        for (var i = 0; i < 25 && last != HttpStatusCode.TooManyRequests; i++)
        {
            using var response = await client.GetAsync(new Uri($"/track/not-a-code-{i}/receipt.pdf", UriKind.Relative));
            last = response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
    }

    [Fact]
    public async Task TrackingPageAndAcknowledgementEmail_LinkTheReceipt()
    {
        using var web = Anonymous();
        var (_, code, email) = await SubmitAsync(web);

        var page = await web.GetStringAsync(new Uri($"/track/{code}?submitted=1", UriKind.Relative));
        Assert.Contains($"id=\"receipt-link\" href=\"/track/{code}/receipt.pdf\"", page, StringComparison.Ordinal);
        Assert.Contains("Tải giấy tiếp nhận hồ sơ (PDF)", page, StringComparison.Ordinal);

        var acknowledgement = (await WaitForMessagesAsync(web, m => m.To(email) && m.Subject().StartsWith("Đã nhận đề án", StringComparison.Ordinal), what: "the acknowledgement")).Single();
        Assert.Contains($"/track/{code}/receipt.pdf", acknowledgement.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Contains($"Giấy tiếp nhận hồ sơ (PDF): {fixture.Host.BaseAddress.ToString().TrimEnd('/')}/track/{code}/receipt.pdf", acknowledgement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
