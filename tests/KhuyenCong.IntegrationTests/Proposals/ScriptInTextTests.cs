using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Proposals;

/// <summary>Markup typed into a text field is stored as text and escaped wherever it is shown as HTML.</summary>
[Collection(IntakeCollection.Name)]
public class ScriptInTextTests(IntakeFixture fixture) : IntakeTestBase(fixture)
{
    private const string Script = "<script>alert(1)</script>";
    private const string Escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";

    [Fact]
    public async Task Submit_ScriptTagsInTitleAndOrganizationName_StoredVerbatimAndEscapedOnTheTrackingPageAndInTheEmail()
    {
        var email = ProposalForms.NewEmail();
        var form = ProposalForms.Valid()
            .With("title", Script)
            .With("organizationName", $"{Script} Cơ sở Hòa Bình")
            .With("email", email);

        var (id, code) = await AcceptedAsync(ProposalForms.Multipart(form).Build());

        var submission = (await GetProposalAsync(id)).GetProperty("submission");
        Assert.Equal(Script, submission.GetProperty("title").GetString());
        Assert.Equal($"{Script} Cơ sở Hòa Bình", submission.GetProperty("organizationName").GetString());

        using var client = Fixture.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.77");
        using var page = await client.GetAsync(new Uri($"/track/{code}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"<h2>{Escaped}</h2>", html, StringComparison.Ordinal);

        var message = await Eventually.GetAsync(
            async () => (await client.GetFromJsonAsync<List<JsonElement>>(new Uri("/dev/outbox/messages", UriKind.Relative)))!
                .FirstOrDefault(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString() == email)),
            m => m.ValueKind == JsonValueKind.Object,
            TimeSpan.FromSeconds(60),
            "the acknowledgement email");
        var emailHtml = message.GetProperty("html").GetString()!;
        Assert.DoesNotContain("<script", emailHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"<strong>{Escaped}</strong>", emailHtml, StringComparison.Ordinal);
        Assert.Contains($"({Escaped} Cơ sở Hòa Bình)", emailHtml, StringComparison.Ordinal);
        Assert.Contains(Script, message.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackingPage_MarkupAsTheCode_Returns404WithTheCodeEscaped()
    {
        using var client = Fixture.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.78");

        using var response = await client.GetAsync(new Uri($"/track/{Uri.EscapeDataString("<img src=x onerror=alert(1)>")}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<strong>&lt;img src", html, StringComparison.Ordinal);
    }
}
