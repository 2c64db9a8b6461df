using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Statistics;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Infrastructure.Proposals;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.IntegrationTests.Statistics;

/// <summary>The statistics tests share one LocalHost (and its Azurite); each test uses its own years, so aggregates never mix.</summary>
[CollectionDefinition(Name)]
public sealed class StatisticsCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "Statistics";
}

/// <summary>A proposal of a test dataset, with the facts the expected figures are computed from.</summary>
internal sealed record Case(int Year, ProposalKind Kind, FundingSource Source, string Province, string Commune, string Sector, long Requested,
    int Trainees = 0, int Jobs = 0, ProposalStatus Status = ProposalStatus.Submitted, long? Approved = null, long Paid = 0, string? Programme = null)
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}

internal static class StatisticsTestSupport
{
    public static IProposalRepository Proposals(this LocalHostFixture fixture) => fixture.Host.Services.GetRequiredService<IProposalRepository>();

    /// <summary>The repository without the statistics decorator: writes that leave the statistics behind, as a failed refresh would.</summary>
    public static TableProposalRepository PlainProposals(this LocalHostFixture fixture) => fixture.Host.Services.GetRequiredService<TableProposalRepository>();

    public static IStatisticsStore Statistics(this LocalHostFixture fixture) => fixture.Host.Services.GetRequiredService<IStatisticsStore>();

    /// <summary>Contributions (one row per proposal).</summary>
    public static TableClient StatisticsTable(this LocalHostFixture fixture) => new(fixture.StorageConnectionString, "Statistics");

    /// <summary>Aggregate cells and the years partition.</summary>
    public static TableClient StatisticsCellsTable(this LocalHostFixture fixture) => new(fixture.StorageConnectionString, "StatisticsCells");

    public static Proposal ToProposal(this Case c) => new()
    {
        Id = c.Id,
        TrackingCode = "KC-" + c.Id[..16].ToUpperInvariant(),
        Status = ProposalStatus.Submitted,
        SubmittedAt = new DateTimeOffset(c.Year, 6, 15, 3, 0, 0, TimeSpan.Zero),
        Channel = SubmissionChannel.Imported,
        EnteredBy = "tester",
        Submission = new ProposalSubmission
        {
            OrganizationName = "Hộ kinh doanh Nguyễn Văn Thử",
            TaxCode = "0101234567",
            Representative = "Nguyễn Văn Thử",
            Email = "thu@example.vn",
            Phone = "0912345678",
            Address = "Thôn Đông",
            Commune = c.Commune,
            Province = c.Province,
            Kind = c.Kind,
            Sector = c.Sector,
            FundingSource = c.Source,
            Title = "Đề án thử " + c.Id[..6],
            Summary = "Thử",
            TotalCost = c.Requested * 2,
            RequestedSupport = c.Requested,
            OwnContribution = c.Requested,
            StartDate = new DateOnly(c.Year, 7, 1),
            EndDate = new DateOnly(c.Year, 12, 31),
            ExpectedJobs = c.Jobs,
            ExpectedTrainees = c.Trainees,
        },
    };

    /// <summary>Stores the case through the app's repository: created, then its status, funding and programme as the workflow would.</summary>
    public static async Task StoreAsync(this IProposalRepository repository, Case c)
    {
        await repository.CreateAsync(c.ToProposal(), CancellationToken.None);
        if (c.Status != ProposalStatus.Submitted)
        {
            await repository.ChangeStatusAsync(c.Id, 2, new StatusChange(DateTimeOffset.UtcNow, ProposalStatus.Submitted, c.Status, "tester", null), CancellationToken.None);
        }

        if (c.Approved is not null || c.Paid != 0)
        {
            await repository.SaveFundingAsync(c.Id, new ProposalFunding { ApprovedAmount = c.Approved, PaidAmount = c.Paid }, CancellationToken.None);
        }

        if (c.Programme is not null)
        {
            await repository.SetProgrammeAsync(c.Id, c.Programme, CancellationToken.None);
        }
    }

    public static async Task<JsonElement> StatsAsync(this LocalHostFixture fixture, string query)
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        using var response = await client.GetAsync(new Uri("/api/stats?" + query, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<List<TableEntity>> RowsAsync(this LocalHostFixture fixture, int year)
    {
        var rows = new List<TableEntity>();
        var partition = year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var table in new[] { fixture.StatisticsTable(), fixture.StatisticsCellsTable() })
        {
            await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary>No change is left half-done: no contribution pending, no cell journal entry.</summary>
    public static async Task AssertSettledAsync(this LocalHostFixture fixture, int year)
    {
        var rows = await fixture.RowsAsync(year);
        Assert.DoesNotContain(rows, r => !string.IsNullOrEmpty(r.GetString("PendingOp")));
        Assert.DoesNotContain(rows, r => !string.IsNullOrEmpty(r.GetString("Journal")));
    }

    public static long Long(this JsonElement e, string name) => e.GetProperty(name).GetInt64();

    public static Dictionary<string, long> Counts(this JsonElement e, string array, string key, string value = "count") =>
        e.GetProperty(array).EnumerateArray().ToDictionary(x => x.GetProperty(key).ToString(), x => x.GetProperty(value).GetInt64());
}
