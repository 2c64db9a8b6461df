using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.Testing;
using static KhuyenCong.IntegrationTests.Cycle.CycleTestSupport;
using static KhuyenCong.IntegrationTests.Programmes.ProgrammeTestSupport;
using static KhuyenCong.IntegrationTests.Workflow.WorkflowProbe;

namespace KhuyenCong.IntegrationTests.Cycle;

/// <summary>
/// Its own Azurite and LocalHost for the yearly cycle driven only over HTTP and the outbox (issue 13's Proof): its
/// calls are open, so no other test's proposals land without a call.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CycleOverHttpCollection : ICollectionFixture<CycleOverHttpFixture>
{
    public const string Name = "CycleOverHttp";
}

public sealed class CycleOverHttpFixture : IAsyncLifetime
{
    public const string Director = "giam-doc.chu-ky@khuyencong.test";

    private readonly AzuriteFixture azurite = new();

    public LocalHostApplication Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        Host = await LocalHostFactory.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>
        {
            [LocalHostFactory.CycleWorkflow.Key] = LocalHostFactory.CycleWorkflow.Value,
            ["Workflow:OfficerEmails"] = "can-bo.chu-ky@khuyencong.test",
            ["Workflow:DirectorEmail"] = Director,
        });
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await azurite.DisposeAsync();
    }
}

/// <summary>
/// The steps of a yearly cycle as its users take them, each over HTTP: the officer's call and council, the applicants'
/// form, screening, the members' scores through their emailed links, the council's session, the ranking, the
/// selection and the director's emailed link, the plan's steps. Nothing is written to storage by the test.
/// </summary>
internal sealed partial class CycleOverHttpKit(CycleOverHttpFixture fixture)
{
    private static int nextYear = VietnamTime.Today(TimeProvider.System).Year + 30;

    public HttpClient Officer { get; } = fixture.Host.CreateClient(withFunctionKey: true);

    public HttpClient Web { get; } = fixture.Host.CreateClient();

    /// <summary>A plan year of its own, two apart from the others: a carry-over goes into the next year.</summary>
    public static int NewPlanYear() => Interlocked.Add(ref nextYear, 2);

    public static string TodayText => Day(Today);

    /// <summary>A call of <paramref name="source"/> for <paramref name="year"/> with a council of three members (quorum 3): the call's id, the council's url, the members' emails.</summary>
    public async Task<(string CallId, string Title, string CouncilUrl, string[] Members, string[] MemberEmails)> CallWithCouncilAsync(string source, int year)
    {
        var title = $"Đợt {source} năm {year} " + Guid.NewGuid().ToString("N")[..6];
        var body = Call(title, source: source);
        body["planYear"] = year;
        var callId = (await CreateCallAsync(Officer, body)).GetProperty("id").GetString()!;
        var emails = Enumerable.Range(1, 3).Select(i => $"thanh-vien{i}+{Guid.NewGuid():N}@khuyencong.test").ToArray();
        var members = new string[3];
        for (var i = 0; i < 3; i++)
        {
            members[i] = await AddReviewerAsync(Officer, "Thành viên hội đồng " + (i + 1), emails[i], "machinery", "Cơ khí chế tạo");
        }

        using var created = await Officer.PostAsync(Path("/api/councils"), Json(new
        {
            callIds = new[] { callId }, decisionNumber = "15/QĐ-SCT", decisionDate = Day(Today.AddDays(-1)),
            chairId = members[0], secretaryId = members[1], memberIds = members[2..], quorum = 3,
        }));
        var council = await JsonAsync(created, HttpStatusCode.Created);
        return (callId, title, council.GetProperty("url").GetString()!, members, emails);
    }

    /// <summary>A proposal submitted to the call through the public route and accepted at screening; its id and tracking code.</summary>
    public async Task<(string Id, string Code)> SubmittedAndScreenedAsync(string callId, string source, long requested)
    {
        using var response = await SubmitAsync(Web, f =>
        {
            f["callId"] = callId;
            f["fundingSource"] = source;
            f["requestedSupport"] = requested;
            f["totalCost"] = requested * 3;
            f["ownContribution"] = requested * 2;
            f["title"] = "Máy phay CNC " + Guid.NewGuid().ToString("N")[..6];
        });
        var created = await JsonAsync(response, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        await WaitForStatusAsync(Officer, id, "screening");
        using var screened = await Officer.PostAsJsonAsync($"/api/proposals/{id}/screening", new { decision = "accept" });
        Assert.Equal(HttpStatusCode.Accepted, screened.StatusCode);
        return (id, created.GetProperty("trackingCode").GetString()!);
    }

    /// <summary>Each member scores the proposal through the link in their invitation, at <paramref name="tenths"/>/10 of each criterion's points.</summary>
    public async Task ScoredByMembersAsync(string id, string code, string[] memberEmails, int tenths)
    {
        await WaitForStatusAsync(Officer, id, "in-review");
        foreach (var email in memberEmails)
        {
            var invitation = (await WaitForMessagesAsync(Web, m => m.To(email) && m.Subject().StartsWith("Mời thẩm định", StringComparison.Ordinal)
                && m.Subject().Contains(code, StringComparison.Ordinal), what: "the invitation of " + email)).Single();
            var path = new Uri(WebUtility.HtmlDecode(EmailLink().Match(invitation.GetProperty("html").GetString()!).Groups[1].Value)).PathAndQuery;
            var page = await Web.GetStringAsync(new Uri(path, UriKind.Relative));
            var form = new Dictionary<string, string>
            {
                ["formToken"] = FormToken().Match(page).Groups[1].Value, ["intent"] = "review", ["recommendation"] = "approve", ["comment"] = "Đề án khả thi.",
            };
            foreach (Match criterion in ScoreInput().Matches(page))
            {
                form[criterion.Groups[1].Value] = (int.Parse(criterion.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) * tenths / 10)
                    .ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            using var posted = await Web.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form));
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }
    }

    /// <summary>The council's session with all members present: 200, and every proposal appraised.</summary>
    public async Task SessionAsync(string councilUrl, string[] members, IEnumerable<string> ids)
    {
        using var session = await Officer.PostAsync(Path(councilUrl + "/session"), Json(new { heldOn = TodayText, presentMemberIds = members }));
        await JsonAsync(session, HttpStatusCode.OK);
        foreach (var id in ids)
        {
            await WaitForStatusAsync(Officer, id, "appraised");
        }
    }

    /// <summary>The default selection proposed and approved by the director through the emailed link.</summary>
    public async Task ApprovedSelectionAsync(string callId, string title)
    {
        using var proposed = await Officer.PostAsync(Path($"/api/calls/{callId}/selection"), Json(new { }));
        var selection = (await JsonAsync(proposed, HttpStatusCode.Created)).GetProperty("selection");
        var round = selection.GetProperty("round").GetInt32();
        var email = (await WaitForMessagesAsync(Web, m => m.Subject().Contains(title, StringComparison.Ordinal)
            && m.GetProperty("html").GetString()!.Contains($"vòng {round})", StringComparison.Ordinal), what: "the director's selection email")).Single();
        var path = new Uri(WebUtility.HtmlDecode(SelectionLink().Match(email.GetProperty("html").GetString()!).Groups[1].Value)).PathAndQuery;
        var (status, _) = await CycleTestKit.DecideAsync(Officer, path, "approve");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object body)
    {
        using var response = await Officer.PostAsync(Path(path), Json(body));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PutBudgetAsync(int year, string source, long allocated)
    {
        using var response = await Officer.PutAsync(Path($"/api/budgets/{year}/{source}"), Json(new { allocated }));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public async Task<JsonElement> BudgetAsync(int year, string source) =>
        (await Officer.GetFromJsonAsync<JsonElement>(new Uri($"/api/budgets?year={year}", UriKind.Relative)))
            .GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("fundingSource").GetString() == source);

    public async Task<JsonElement> RankingAsync(string callId) =>
        (await Officer.GetFromJsonAsync<JsonElement>(new Uri($"/api/calls/{callId}/ranking", UriKind.Relative))).GetProperty("entries");

    [GeneratedRegex("href=\"([^\"]*/links/[^\"?]+)\"")]
    private static partial Regex EmailLink();

    [GeneratedRegex("href=\"(https?://[^\"]*/links/selection/[^\"]+)\"")]
    private static partial Regex SelectionLink();

    [GeneratedRegex("name=\"formToken\" value=\"([0-9a-f]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("name=\"(points-[a-z0-9-]+)\" min=\"0\" max=\"([0-9]+)\"")]
    private static partial Regex ScoreInput();
}
