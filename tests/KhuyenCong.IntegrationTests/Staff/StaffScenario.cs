using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.IntegrationTests.Staff;

[CollectionDefinition(Name)]
public sealed class StaffCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "Staff";
}

/// <summary>
/// Puts proposals in the state a test needs directly through the app's storage classes (the orchestration owns the
/// statuses; its own status changes use low sequence numbers, these use high ones so they are never overwritten).
/// </summary>
internal sealed class StaffScenario(LocalHostApplication host)
{
    private int sequence = 100;

    public IProposalRepository Proposals => host.Services.GetRequiredService<IProposalRepository>();

    public IProposalCaseStore Cases => host.Services.GetRequiredService<IProposalCaseStore>();

    public IBudgetLedger Ledger => host.Services.GetRequiredService<IBudgetLedger>();

    public IReviewerRoster Roster => host.Services.GetRequiredService<IReviewerRoster>();

    public HttpClient Staff() => host.CreateClient(withFunctionKey: true);

    /// <summary>Submits a proposal through the public route; returns its id.</summary>
    public async Task<string> SubmitAsync(string? title = null)
    {
        using var client = host.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/proposals", new Dictionary<string, object>
        {
            ["organizationName"] = "Công ty TNHH Cơ khí Phố Nối",
            ["taxCode"] = "0101234567", ["entityType"] = "sme",
            ["representative"] = "Trần Văn Bình",
            ["email"] = $"co.khi+{Guid.NewGuid():N}@example.vn",
            ["phone"] = "0912345678",
            ["address"] = "Khu công nghiệp Phố Nối A",
            ["commune"] = "Xã Lạc Hồng",
            ["province"] = "hung-yen",
            ["kind"] = "demonstration-model",
            ["sector"] = "Cơ khí",
            ["fundingSource"] = "national",
            ["title"] = title ?? "Máy cắt CNC " + Guid.NewGuid().ToString("N")[..8],
            ["summary"] = "Đầu tư máy cắt CNC cho xưởng cơ khí",
            ["totalCost"] = 2_000_000_000,
            ["requestedSupport"] = 600_000_000,
            ["ownContribution"] = 1_400_000_000,
            ["startDate"] = "2027-05-01",
            ["endDate"] = "2027-12-31",
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    public Task SetStatusAsync(string id, ProposalStatus status) => SetStatusAsync(id, status, DateTimeOffset.UtcNow);

    /// <summary>Puts the proposal in <paramref name="status"/> as if changed at <paramref name="at"/>.</summary>
    public async Task SetStatusAsync(string id, ProposalStatus status, DateTimeOffset at)
    {
        var current = (await Proposals.GetAsync(id, CancellationToken.None))!.Status;
        await Proposals.ChangeStatusAsync(id, Interlocked.Increment(ref sequence), new StatusChange(at, current, status, "test", null), CancellationToken.None);
    }

    /// <summary>A proposal in screening with an undecided round-1 screening record.</summary>
    public async Task<string> InScreeningAsync(string? title = null)
    {
        var id = await SubmitAsync(title);
        await Cases.SaveScreeningAsync(id, new ScreeningRecord(1, [new ScreeningFinding("complete", "Hồ sơ đủ", "Complete", false)], DateTimeOffset.UtcNow), CancellationToken.None);
        await SetStatusAsync(id, ProposalStatus.Screening);
        return id;
    }

    public async Task<string> NewReviewerAsync(string name)
    {
        var id = Guid.NewGuid().ToString("N");
        await Roster.CreateAsync(new Reviewer(id, name, $"tham.dinh+{id}@example.vn", null, "Trường Cao đẳng Công nghiệp", [ProposalKind.Machinery], ["Cơ khí"], [], [], true),
            "test", CancellationToken.None);
        return id;
    }

    public Task InviteAsync(string proposalId, string reviewerId, string reviewerName, DateTimeOffset dueAt, int round = 1) =>
        Cases.InviteAsync(new ReviewRecord(proposalId, round, reviewerId, reviewerName, ReviewState.Invited, DateTimeOffset.UtcNow.AddDays(-1), dueAt, RubricId: "khuyen-cong", RubricVersion: 1),
            CancellationToken.None);

    /// <summary>A proposal with an approved commitment of <paramref name="approved"/> in the ledger and the given status.</summary>
    public async Task<(string Id, BudgetKey Key)> CommittedAsync(long approved, ProposalStatus status)
    {
        var id = await SubmitAsync();
        var proposal = (await Proposals.GetAsync(id, CancellationToken.None))!;
        var key = new BudgetKey(proposal.Year, proposal.Submission.FundingSource);
        var line = await Ledger.GetAsync(key, CancellationToken.None);
        if (line.Allocated - line.Committed < approved)
        {
            Assert.True((await Ledger.SetAllocationAsync(key, line.Committed + 1_000_000_000_000, "test", CancellationToken.None)).IsSet);
        }

        Assert.Equal(CommitOutcome.Committed, (await Ledger.CommitAsync(key, id, approved, "director", CancellationToken.None)).Outcome);
        await SetStatusAsync(id, status);
        return (id, key);
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async Task<HttpResponseMessage> PostAsync(string path, object body)
    {
        using var client = Staff();
        return await client.PostAsJsonAsync(path, body);
    }

    public async Task<HttpResponseMessage> PostRawAsync(string path, string body)
    {
        using var client = Staff();
        return await client.PostAsync(new Uri(path, UriKind.Relative), Json(body));
    }

    public async Task<JsonElement> GetProposalJsonAsync(string id)
    {
        using var client = Staff();
        using var response = await client.GetAsync(new Uri($"/api/proposals/{id}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }
}
