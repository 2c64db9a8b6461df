using System.Net;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Proposals;

/// <summary>Sending submissions and checking that a rejected one stored nothing.</summary>
public abstract class IntakeTestBase(IntakeFixture fixture)
{
    protected IntakeFixture Fixture { get; } = fixture;

    /// <summary>
    /// Posts the body, expects a problem response with <paramref name="status"/> naming only <paramref name="field"/>
    /// with <paramref name="message"/> (null: any message), and checks that tables Proposals and ProposalIndex and
    /// container attachments hold exactly what they held before. Returns the message.
    /// </summary>
    protected async Task<string> RejectedAsync(Func<HttpContent> content, HttpStatusCode status, string field, string? message,
        bool english = false, LocalHostApplication? host = null, Action<HttpRequestMessage>? configure = null)
    {
        var before = await StorageCounts.TakeAsync(Fixture.StorageConnectionString);
        using var client = (host ?? Fixture.Host).CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, english ? ProposalForms.SubmitUriEnglish : ProposalForms.SubmitUri) { Content = content() };
        configure?.Invoke(request);

        using var response = await client.SendAsync(request);

        var first = await ProblemAssert.FieldAsync(response, status, field, message);
        Assert.Equal(before, await StorageCounts.TakeAsync(Fixture.StorageConnectionString));
        return first;
    }

    /// <summary><see cref="RejectedAsync"/> in Vietnamese (the default), then with <c>?lang=en</c>.</summary>
    protected async Task RejectedInBothLanguagesAsync(Func<HttpContent> content, HttpStatusCode status, string field, string vietnamese, string english,
        LocalHostApplication? host = null)
    {
        await RejectedAsync(content, status, field, vietnamese, host: host);
        await RejectedAsync(content, status, field, english, english: true, host: host);
    }

    /// <summary>Posts a submission that must be accepted; returns the 201 response's id and tracking code.</summary>
    protected async Task<(string Id, string TrackingCode)> AcceptedAsync(HttpContent content, bool withFunctionKey = false)
    {
        using var client = Fixture.CreateClient(withFunctionKey);
        using var response = await client.PostAsync(ProposalForms.SubmitUri, content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {body}");
        using var json = System.Text.Json.JsonDocument.Parse(body);
        return (json.RootElement.GetProperty("id").GetString()!, json.RootElement.GetProperty("trackingCode").GetString()!);
    }

    /// <summary>GET /api/proposals/{id} as an officer.</summary>
    protected async Task<System.Text.Json.JsonElement> GetProposalAsync(string id)
    {
        using var client = Fixture.CreateClient(withFunctionKey: true);
        using var response = await client.GetAsync(new Uri($"/api/proposals/{id}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        using var json = System.Text.Json.JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }
}
