using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using KhuyenCong.Application.Links;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.IntegrationTests.Security;

/// <summary>
/// Malformed input answers 400, 413 or 415 with a problem (or page) in the user's language, never 500, and a body the
/// client stopped sending is a bad request, never a storage outage (issue 11, finding 3).
/// </summary>
public class MalformedBodyTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    [Theory]
    [InlineData("", "title", "Trường này chứa ký tự không hợp lệ (không phải văn bản).")]
    [InlineData("?lang=en", "representative", "This field holds a character that is not text (a lone surrogate).")]
    public async Task Submit_JsonWithALoneSurrogate_Returns400NamingTheField(string query, string field, string message)
    {
        var json = JsonSerializer.Serialize(ProposalForms.Valid()).Replace($"\"{field}\":\"", $"\"{field}\":\"\\ud800", StringComparison.Ordinal);
        using var client = fixture.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/proposals" + query, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

        await ProblemAssert.FieldAsync(response, HttpStatusCode.BadRequest, field, message);
    }

    [Fact]
    public async Task LinkPage_MoreThan1024UrlencodedFields_Returns413Page()
    {
        var path = await WithdrawLinkAsync();
        var fields = Enumerable.Range(0, 1500).Select(i => new KeyValuePair<string, string>("f" + i, "x")).Append(new("formToken", "x"));
        using var client = fixture.CreateClient();

        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Biểu mẫu có quá nhiều mục hoặc quá lớn.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkPage_MultipartWithoutBoundary_Returns400PageInEnglish()
    {
        var path = await WithdrawLinkAsync();
        using var client = fixture.CreateClient();
        var content = new StringContent("formToken=x&reason=y");
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("multipart/form-data");

        using var response = await client.PostAsync(new Uri(path + "?lang=en", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The form data is malformed.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkPage_TruncatedMultipart_Returns400NotAnOutage()
    {
        var path = await WithdrawLinkAsync();
        using var client = fixture.CreateClient();
        var content = new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"formToken\"\r\n\r\nabc\r\n--xyz\r\nContent-Disposition: form-data; name=\"reason\"\r\n\r\nthe body ends her");
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");

        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Submit_BodyThatStopsArriving_Returns400NotAnOutage()
    {
        var answer = await SendThenStallAsync("POST", "/api/proposals", "application/json", "{\"title\":\"Máy sấy", declaredLength: 4000);

        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Retry-After", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("application/problem+json", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffRoute_BodyThatStopsArriving_Returns400NotAnOutage()
    {
        var answer = await SendThenStallAsync("PUT", "/api/caps?lang=en", "application/json", "{\"fundingSource\":\"local\"", declaredLength: 4000,
            ("x-functions-key", LocalHostFactory.FunctionKey));

        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Retry-After", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("incomplete", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_TenThousandExtraFields_Returns413AndStoresNothing()
    {
        var form = ProposalForms.Valid();
        var body = ProposalForms.Multipart(form);
        for (var i = 0; i < 10_000; i++)
        {
            body.Field("extra" + i, "x");
        }

        using var client = fixture.CreateClient();
        using var response = await client.PostAsync(ProposalForms.SubmitUri, body.File("ho-so.pdf", SampleFiles.Pdf()).Build());

        await ProblemAssert.FieldAsync(response, HttpStatusCode.RequestEntityTooLarge, "body", "Biểu mẫu có quá 100 mục.");
        Assert.Equal(0, await StorageCounts.CountProposalRecordsAsync(fixture.StorageConnectionString, (string)form["taxCode"]!));
    }

    [Fact]
    public async Task Submit_FiveMegabytesOfUnknownFields_Returns413AndStoresNothing()
    {
        var form = ProposalForms.Valid();
        var body = ProposalForms.Multipart(form);
        for (var i = 0; i < 80; i++)
        {
            body.Field("unknown" + i, new string('x', 64 * 1000));
        }

        using var client = fixture.CreateClient();
        using var response = await client.PostAsync(ProposalForms.SubmitUri + "?lang=en", body.Build());

        await ProblemAssert.FieldAsync(response, HttpStatusCode.RequestEntityTooLarge, "body", "The form's fields together are larger than 256 KB.");
        Assert.Equal(0, await StorageCounts.CountProposalRecordsAsync(fixture.StorageConnectionString, (string)form["taxCode"]!));
    }

    /// <summary>A withdraw link of a fresh proposal, as its acknowledgement email carries it.</summary>
    private async Task<string> WithdrawLinkAsync()
    {
        using var client = fixture.CreateClient();
        using var submitted = await client.PostAsync(ProposalForms.SubmitUri, ProposalForms.Json(ProposalForms.Valid()));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return new Uri(fixture.Host.Services.GetRequiredService<LinkService>().CreateUrl(LinkActions.Withdraw, id, "applicant")).AbsolutePath;
    }

    /// <summary>
    /// Sends the headers and the start of a body over a raw connection, then nothing more (the connection stays open):
    /// the server stops waiting by its minimum data rate. Returns the status line and headers of the answer.
    /// </summary>
    private async Task<string> SendThenStallAsync(string method, string pathAndQuery, string contentType, string start, int declaredLength,
        params (string Name, string Value)[] headers)
    {
        var address = fixture.Host.BaseAddress;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        var head = new StringBuilder()
            .Append(method).Append(' ').Append(pathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(address.Authority).Append("\r\n")
            .Append("Content-Type: ").Append(contentType).Append("\r\n")
            .Append("Content-Length: ").Append(declaredLength).Append("\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        await stream.WriteAsync(Encoding.UTF8.GetBytes(start));
        await stream.FlushAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var answer = new StringBuilder();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
        {
            answer.Append(Encoding.UTF8.GetString(buffer, 0, read));
            if (answer.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && answer.ToString().Contains("\"status\"", StringComparison.Ordinal))
            {
                break;
            }
        }

        return answer.ToString();
    }
}
