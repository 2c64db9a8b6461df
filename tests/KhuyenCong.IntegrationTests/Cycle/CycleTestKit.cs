using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.IntegrationTests.Links;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.IntegrationTests.Cycle;

/// <summary>
/// One Azurite and LocalHost for the selection and plan tests: they submit proposals without a call and file them under
/// calls they put in storage, so they keep away from the calls tests' host, where open calls make a call required.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SelectionCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "Selection";
}

/// <summary>
/// What the yearly-cycle tests share. Calls and councils are another part of issue 13 (their routes are not in this
/// branch), so a test puts a call in storage with the app's own <see cref="ICallStore"/>, submits proposals through the
/// public API (their workflows run), files them under the call as the intake does (the record's <c>CallId</c> and
/// plan year), and concludes their appraisal as the council's session does (status appraised, the verdict with its
/// average). Everything after that goes over HTTP. Each test uses its own plan year, so budget lines are not shared.
/// </summary>
internal sealed partial class CycleTestKit(LocalHostFixture fixture)
{
    private static int planYear = 2040;

    public LinkTestKit Links { get; } = new(fixture);

    public HttpClient Staff() => fixture.CreateClient(withFunctionKey: true);

    public HttpClient Anonymous() => fixture.CreateClient();

    public static int NewPlanYear() => Interlocked.Increment(ref planYear);

    /// <summary>A call of <paramref name="source"/> for <paramref name="year"/>, open today.</summary>
    public async Task<Call> CallAsync(FundingSource source, int year)
    {
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(VietnamTime.Offset).DateTime);
        var call = new Call(Guid.NewGuid().ToString("N"), year, source, $"Đợt đăng ký đề án khuyến công năm {year}", today.AddDays(-10), today.AddDays(10),
            [], new Dictionary<string, IReadOnlyList<string>>(), null, "test", DateTimeOffset.UtcNow, 1);
        Assert.True(await fixture.Host.Services.GetRequiredService<ICallStore>().CreateAsync(call, CancellationToken.None));
        return call;
    }

    /// <summary>Submits a proposal to <paramref name="call"/> and concludes its appraisal with <paramref name="average"/>; its id.</summary>
    public async Task<string> AppraisedAsync(HttpClient client, Call call, decimal average, long requested = 100_000_000, string? title = null)
    {
        var id = await Links.SubmitAsync(client, form =>
        {
            // The call is open: the intake requires it to be named (issue 13 line 1).
            form["callId"] = call.Id;
            form["fundingSource"] = call.FundingSource.ToCode();
            form["kind"] = "training";
            form["totalCost"] = (requested * 3).ToString(System.Globalization.CultureInfo.InvariantCulture);
            form["requestedSupport"] = requested.ToString(System.Globalization.CultureInfo.InvariantCulture);
            form["ownContribution"] = (requested * 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
            form["title"] = title ?? $"Đào tạo nghề điểm {average}";
        });
        var record = new TableClient(fixture.StorageConnectionString, "Proposals");
        await record.UpdateEntityAsync(new TableEntity(id, "record") { ["CallId"] = call.Id, ["AssignedPlanYear"] = call.PlanYear }, Azure.ETag.All, TableUpdateMode.Merge);
        await Links.SetStatusAsync(id, ProposalStatus.Appraised);
        var rubric = await Links.Rubrics.GetCurrentAsync(CancellationToken.None);
        await Links.Cases.SaveVerdictAsync(id, new VerdictRecord(1, true, Recommendation.Approve, average, rubric.TotalPoints, rubric.Id, rubric.Version, DateTimeOffset.UtcNow, []),
            CancellationToken.None);
        return id;
    }

    public static async Task<JsonElement> RankingAsync(HttpClient staff, Call call)
    {
        using var response = await staff.GetAsync(new Uri($"/api/calls/{call.Id}/ranking", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> ProposeAsync(HttpClient staff, Call call, object body, string? lang = null)
    {
        using var response = await staff.PostAsJsonAsync(new Uri($"/api/calls/{call.Id}/selection{lang}", UriKind.Relative), body);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>The director's link in the latest selection email for the call (its path and query).</summary>
    public static async Task<string> DirectorLinkAsync(HttpClient client, Call call, int round)
    {
        var html = await Eventually.GetAsync(
            async () => (await client.GetFromJsonAsync<List<JsonElement>>(new Uri("/dev/outbox/messages", UriKind.Relative)))!
                .Where(m => m.GetProperty("subject").GetString()!.Contains(call.Title, StringComparison.Ordinal))
                .Select(m => m.GetProperty("html").GetString()!)
                .FirstOrDefault(h => h.Contains($"vòng {round})", StringComparison.Ordinal)),
            h => h is not null,
            what: "the director's selection email");
        var url = SelectionLink().Match(html!).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(url), "the email has no selection link");
        return new Uri(WebUtility.HtmlDecode(url)).PathAndQuery;
    }

    /// <summary>Posts the director's decision through the page's form (token read from the page, as a browser would).</summary>
    public static async Task<(HttpStatusCode Status, string Body)> DecideAsync(HttpClient client, string path, string decision, string comment = "")
    {
        var token = await LinkTestKit.FormTokenAsync(client, path);
        return await LinkTestKit.PostAsync(client, path, [new("formToken", token), new("decision", decision), new("comment", comment)]);
    }

    /// <summary>Proposes the default selection of <paramref name="call"/> and has the director approve it through the emailed link.</summary>
    public static async Task<JsonElement> ApprovedSelectionAsync(HttpClient staff, Call call)
    {
        var (status, body) = await ProposeAsync(staff, call, new { });
        Assert.Equal(HttpStatusCode.Created, status);
        var round = body.GetProperty("selection").GetProperty("round").GetInt32();
        var (approved, _) = await DecideAsync(staff, await DirectorLinkAsync(staff, call, round), "approve");
        Assert.Equal(HttpStatusCode.OK, approved);
        return body.GetProperty("selection");
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PlanStepAsync(HttpClient staff, Call call, string step, object body)
    {
        using var response = await staff.PostAsJsonAsync(new Uri($"/api/calls/{call.Id}/plan/{step}", UriKind.Relative), body);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>The payload of the one event named <paramref name="name"/> raised on the proposal's workflow (the history row's input).</summary>
    public async Task<JsonElement> RaisedAsync(string proposalId, string name) =>
        JsonDocument.Parse((await Links.RaisedEventsAsync(proposalId, name)).Single().GetString("Input")!).RootElement;

    [GeneratedRegex("href=\"(https?://[^\"]*/links/selection/[^\"]+)\"")]
    private static partial Regex SelectionLink();
}
