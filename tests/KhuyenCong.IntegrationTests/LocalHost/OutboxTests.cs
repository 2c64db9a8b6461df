using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KhuyenCong.Application.Email;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.IntegrationTests.LocalHost;

[Collection(LocalHostCollection.Name)]
public class OutboxTests(LocalHostFixture fixture)
{
    private static async Task<List<JsonElement>> MessagesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<JsonElement>>(new Uri("/dev/outbox/messages", UriKind.Relative)))!;

    [Fact]
    public async Task Send_ThroughTheSendGridClient_IsListedInTheOutbox()
    {
        var to = $"nguoi.nhan+{Guid.NewGuid():N}@example.vn";
        var sender = fixture.Host.Services.GetRequiredService<IEmailSender>();

        await sender.SendAsync(new EmailMessage("send-1-" + to, [new EmailRecipient(to, "Nguyễn Văn A")],
            "Đã nhận đề án · Proposal received", "<p>Xin chào <a href=\"http://localhost/track/KC-1\">theo dõi</a></p>", "Xin chào"), CancellationToken.None);

        using var client = fixture.CreateClient();
        var message = (await MessagesAsync(client)).Single(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString() == to));
        Assert.Equal("Đã nhận đề án · Proposal received", message.GetProperty("subject").GetString());
        Assert.Contains("theo dõi", message.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal("Xin chào", message.GetProperty("text").GetString());
        Assert.Equal("send-1-" + to, message.GetProperty("sendId").GetString());
        Assert.True(message.TryGetProperty("id", out _));
        Assert.True(message.GetProperty("receivedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));

        var page = await client.GetStringAsync(new Uri("/dev/outbox", UriKind.Relative));
        Assert.Contains(to, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("href=\"http://localhost/track/KC-1\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_TwoMessages_ListsTheNewestFirst()
    {
        var to = $"thu.tu+{Guid.NewGuid():N}@example.vn";
        var sender = fixture.Host.Services.GetRequiredService<IEmailSender>();
        await sender.SendAsync(new EmailMessage("a", [new EmailRecipient(to)], "thứ nhất", "<p>1</p>", "1"), CancellationToken.None);
        await Task.Delay(20);
        await sender.SendAsync(new EmailMessage("b", [new EmailRecipient(to)], "thứ hai", "<p>2</p>", "2"), CancellationToken.None);

        using var client = fixture.CreateClient();
        var subjects = (await MessagesAsync(client))
            .Where(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString() == to))
            .Select(m => m.GetProperty("subject").GetString()).ToList();

        Assert.Equal(["thứ hai", "thứ nhất"], subjects);
    }

    [Theory]
    [InlineData("""{"personalizations":[{"to":[{"email":"a@example.vn"}]}],"subject":"s","content":[{"type":"text/plain","value":"x"}]}""", "from")]
    [InlineData("""{"from":{"email":"f@example.vn"},"subject":"s","content":[{"type":"text/plain","value":"x"}]}""", "personalizations")]
    [InlineData("""{"from":{"email":"f@example.vn"},"personalizations":[{"to":[]}],"subject":"s","content":[{"type":"text/plain","value":"x"}]}""", "personalizations.0.to")]
    [InlineData("""{"from":{"email":"f@example.vn"},"personalizations":[{"to":[{"email":"not-an-email"}]}],"subject":"s","content":[{"type":"text/plain","value":"x"}]}""", "personalizations.0.to.0.email")]
    [InlineData("""{"from":{"email":"f@example.vn"},"personalizations":[{"to":[{"email":"a@example.vn"}]}],"content":[{"type":"text/plain","value":"x"}]}""", "subject")]
    [InlineData("""{"from":{"email":"f@example.vn"},"personalizations":[{"to":[{"email":"a@example.vn"}]}],"subject":"s"}""", "content")]
    public async Task MailSend_InvalidPayload_Returns400InSendGridsErrorShape(string payload, string field)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/mail/send") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", "SG.test");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = json.RootElement.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task MailSend_WithoutApiKey_Returns401()
    {
        using var client = fixture.CreateClient();
        using var response = await client.PostAsync(new Uri("/v3/mail/send", UriKind.Relative),
            new StringContent("""{"from":{"email":"f@example.vn"}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
