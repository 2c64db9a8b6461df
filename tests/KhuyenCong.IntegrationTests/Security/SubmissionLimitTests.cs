using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Security;

/// <summary>A LocalHost whose public form takes 3 submissions per client address and 2 per email address an hour.</summary>
public sealed class LimitedIntakeFixture : LocalHostFixture
{
    public const int PerAddress = 3;
    public const int PerEmail = 2;

    public static readonly Dictionary<string, string?> Limits = new(StringComparer.Ordinal)
    {
        ["Intake:MaxSubmissionsPerAddress"] = PerAddress.ToString(CultureInfo.InvariantCulture),
        ["Intake:MaxSubmissionsPerEmail"] = PerEmail.ToString(CultureInfo.InvariantCulture),
        ["Intake:AddressWindow"] = "01:00:00",
        ["Intake:EmailWindow"] = "01:00:00",
    };

    protected override IDictionary<string, string?>? Settings => Limits;
}

/// <summary>
/// Abuse of the public form (issue 11, finding 5): each submission emails the address given and the officers, so one
/// client address and one email address may only submit so many an hour (429 with Retry-After, nothing stored). The
/// counts live in storage, so they hold across instances; the client address is the front end's, without its port.
/// </summary>
public class SubmissionLimitTests(LimitedIntakeFixture fixture) : IClassFixture<LimitedIntakeFixture>
{
    private static string NewAddress() => $"198.51.{Random.Shared.Next(0, 255)}.{Random.Shared.Next(1, 255)}";

    private static async Task<HttpResponseMessage> SubmitAsync(KhuyenCong.LocalHost.Hosting.LocalHostApplication host, string forwardedFor, Dictionary<string, object?> form,
        string query = "", bool withKey = false)
    {
        using var client = host.CreateClient(withKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/proposals" + query) { Content = ProposalForms.Multipart(form).File("ho-so.pdf", SampleFiles.Pdf()).Build() };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Submit_OverTheLimitPerAddress_Returns429WithRetryAfterAndStoresNothing()
    {
        var address = NewAddress();
        for (var i = 0; i < LimitedIntakeFixture.PerAddress; i++)
        {
            using var accepted = await SubmitAsync(fixture.Host, $"10.0.0.{i}, {address}:{40000 + i}", ProposalForms.Valid());
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }

        var blobs = (await StorageCounts.TakeAsync(fixture.StorageConnectionString)).Attachments;
        var refusedForm = ProposalForms.Valid();
        // Another port, another forged first entry: the same client.
        using var refused = await SubmitAsync(fixture.Host, $"6.6.6.6, {address}:51234", refusedForm);

        await ProblemAssert.StatusAsync(refused, HttpStatusCode.TooManyRequests);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { } wait && wait > TimeSpan.Zero && wait <= TimeSpan.FromHours(1), $"Retry-After {retryAfter}");
        Assert.Equal(0, await StorageCounts.CountProposalRecordsAsync(fixture.StorageConnectionString, (string)refusedForm["taxCode"]!));
        Assert.Equal(blobs, (await StorageCounts.TakeAsync(fixture.StorageConnectionString)).Attachments);

        using var otherClient = await SubmitAsync(fixture.Host, NewAddress(), ProposalForms.Valid());
        Assert.Equal(HttpStatusCode.Created, otherClient.StatusCode);
    }

    [Fact]
    public async Task Submit_OverTheLimitPerEmail_Returns429NamingTheEmailInEnglish()
    {
        var email = ProposalForms.NewEmail();
        for (var i = 0; i < LimitedIntakeFixture.PerEmail; i++)
        {
            using var accepted = await SubmitAsync(fixture.Host, NewAddress(), ProposalForms.Valid().With("email", email));
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }

        var blobs = (await StorageCounts.TakeAsync(fixture.StorageConnectionString)).Attachments;
        var refusedForm = ProposalForms.Valid().With("email", "  " + email.ToUpperInvariant() + " ");
        using var refused = await SubmitAsync(fixture.Host, NewAddress(), refusedForm, "?lang=en");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Too many requests: try again later.", problem.GetProperty("title").GetString());
        Assert.StartsWith("Too many proposals were sent with this email address", problem.GetProperty("errors").GetProperty("email")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await StorageCounts.CountProposalRecordsAsync(fixture.StorageConnectionString, (string)refusedForm["taxCode"]!));
        Assert.Equal(blobs, (await StorageCounts.TakeAsync(fixture.StorageConnectionString)).Attachments);
    }

    [Fact]
    public async Task Submit_ByAnOfficer_IsNotLimited()
    {
        var address = NewAddress();
        var email = ProposalForms.NewEmail();
        for (var i = 0; i < LimitedIntakeFixture.PerAddress + 1; i++)
        {
            using var entered = await SubmitAsync(fixture.Host, address, ProposalForms.Valid().With("email", email), withKey: true);
            Assert.Equal(HttpStatusCode.Created, entered.StatusCode);
        }
    }

    [Fact]
    public async Task Submit_CountedInStorage_HoldsAcrossInstances()
    {
        var settings = new Dictionary<string, string?>(LimitedIntakeFixture.Limits) { ["KhuyenCong:TaskHubName"] = "KhuyenCongSecond" };
        await using var second = await LocalHostFactory.StartAsync(fixture.StorageConnectionString, settings);
        var address = NewAddress();

        foreach (var host in new[] { fixture.Host, second, fixture.Host })
        {
            using var accepted = await SubmitAsync(host, address, ProposalForms.Valid());
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }

        using var refused = await SubmitAsync(second, address, ProposalForms.Valid());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }
}
