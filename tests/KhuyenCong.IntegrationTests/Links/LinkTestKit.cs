using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Attachments;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Links;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KhuyenCong.IntegrationTests.Links;

/// <summary>
/// What the link tests share. The emails that carry review, approve, revise and report links are sent by the
/// orchestration (written elsewhere), so these tests make the links with the app's own <see cref="LinkService"/> and
/// put the proposal in the needed state with the app's own storage classes. Status changes use high sequence numbers,
/// so they stay ahead of whatever the orchestration records for a fresh proposal.
/// </summary>
internal sealed partial class LinkTestKit(LocalHostFixture fixture)
{
    private static int sequence = 100;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public IServiceProvider Services => fixture.Host.Services;

    public LinkService Links => Services.GetRequiredService<LinkService>();

    public IProposalRepository Proposals => Services.GetRequiredService<IProposalRepository>();

    public IProposalCaseStore Cases => Services.GetRequiredService<IProposalCaseStore>();

    public IBudgetLedger Ledger => Services.GetRequiredService<IBudgetLedger>();

    public IRubricStore Rubrics => Services.GetRequiredService<IRubricStore>();

    public IAttachmentStore Attachments => Services.GetRequiredService<IAttachmentStore>();

    public HttpClient Client() => fixture.CreateClient();

    /// <summary>A client signed in as staff with every role, the director's included (LocalHost's function key).</summary>
    public HttpClient DirectorClient() => fixture.CreateClient(withFunctionKey: true);

    /// <summary>Submits a valid proposal (through the public API, so its workflow runs) with the given files; its id.</summary>
    public async Task<string> SubmitAsync(HttpClient client, Action<Dictionary<string, object?>>? change = null, params (string Name, byte[] Content)[] files)
    {
        var form = ProposalForms.Valid();
        change?.Invoke(form);
        var body = ProposalForms.Multipart(form);
        foreach (var (name, content) in files)
        {
            body.File(name, content);
        }

        using var response = await client.PostAsync(ProposalForms.SubmitUri, body.Build());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        // The workflow runs on: wait until it rests at the screening decision (its checks stored, its status set), so a
        // test that then moves the proposal by hand or compares snapshots never races the workflow's own writes.
        await Eventually.GetAsync(
            async () => (await Proposals.GetAsync(id, CancellationToken.None))?.Status == ProposalStatus.Screening
                && (await Cases.GetAsync(id, CancellationToken.None)).Screenings.Any(s => s.Round == 1) ? (bool?)true : null,
            ready => ready == true,
            TimeSpan.FromSeconds(60),
            "the workflow waiting for screening");
        return id;
    }

    public async Task SetStatusAsync(string proposalId, ProposalStatus to)
    {
        var current = (await Proposals.GetAsync(proposalId, CancellationToken.None))!.Status;
        await Proposals.ChangeStatusAsync(proposalId, Interlocked.Increment(ref sequence), new StatusChange(DateTimeOffset.UtcNow, current, to, "test", null), CancellationToken.None);
    }

    public async Task<Rubric> InviteAsync(string proposalId, string reviewerId, string name = "Nguyễn Thị Hoa", int round = 1)
    {
        var rubric = await Rubrics.GetCurrentAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        await Cases.InviteAsync(new ReviewRecord(proposalId, round, reviewerId, name, ReviewState.Invited, now, now.AddDays(10), RubricId: rubric.Id, RubricVersion: rubric.Version), CancellationToken.None);
        return rubric;
    }

    /// <summary>A link's path and query ("/links/…"), as the email would carry it.</summary>
    public string Link(string action, string proposalId, string subject, int round = 1) =>
        new Uri(Links.CreateUrl(action, proposalId, subject, round)).PathAndQuery;

    /// <summary>A genuine link that expired a minute ago.</summary>
    public string ExpiredLink(string action, string proposalId, string subject, int round = 1)
    {
        var keys = LinkSigningKeys.Parse(Services.GetRequiredService<IOptions<LinksOptions>>().Value.SigningKeys);
        return "/links/" + LinkToken.Create(new LinkClaims(LinkToken.NewLinkId(), action, proposalId, subject, round, DateTimeOffset.UtcNow.AddMinutes(-1)), keys);
    }

    public static string Tampered(string path)
    {
        var token = path[(path.LastIndexOf('/') + 1)..];
        var parts = token.Split('.');
        return "/links/" + $"{parts[0]}.{parts[1]}.{(parts[2][0] == 'A' ? 'B' : 'A')}{parts[2][1..]}";
    }

    /// <summary>The case as JSON, to compare before and after.</summary>
    public async Task<string> CaseJsonAsync(string proposalId) =>
        JsonSerializer.Serialize(await Cases.GetAsync(proposalId, CancellationToken.None), Json);

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<string> FormTokenAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var token = FormTokenPattern().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "the page has no form token");
        return token;
    }

    public static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient client, string path, MultipartBody body)
    {
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), body.Build());
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Sets the budget of <paramref name="key"/> so exactly <paramref name="remaining"/> is left to commit.</summary>
    public async Task SetRemainingAsync(BudgetKey key, long remaining)
    {
        var line = await Ledger.GetAsync(key, CancellationToken.None);
        var result = await Ledger.SetAllocationAsync(key, line.Committed + remaining, "test", CancellationToken.None);
        Assert.True(result.IsSet);
    }

    /// <summary>
    /// The events named <paramref name="name"/> raised on the proposal's workflow instance, read from the task hub's
    /// history table (an event the orchestration does not wait for yet is still recorded there as it arrives).
    /// </summary>
    public async Task<IReadOnlyList<TableEntity>> RaisedEventsAsync(string proposalId, string name)
    {
        var table = new TableServiceClient(fixture.StorageConnectionString).GetTableClient("KhuyenCongHistory");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {proposalId} and EventType eq {"EventRaised"} and Name eq {name}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Waits until exactly <paramref name="count"/> events of the name were raised, then checks no more arrive for a moment.</summary>
    public async Task ExpectRaisedAsync(string proposalId, string name, int count = 1)
    {
        await Eventually.GetAsync(async () => (int?)(await RaisedEventsAsync(proposalId, name)).Count, n => n >= count, TimeSpan.FromSeconds(30), $"{count} {name} event(s)");
        await Task.Delay(1000);
        Assert.Equal(count, (await RaisedEventsAsync(proposalId, name)).Count);
    }

    public static BudgetKey BudgetOf(Proposal proposal) => new(proposal.Year, proposal.Submission.FundingSource);

    [GeneratedRegex("name=\"formToken\" value=\"([0-9a-f]+)\"")]
    private static partial Regex FormTokenPattern();
}
