using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Infrastructure.Proposals;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;
using static KhuyenCong.IntegrationTests.Programmes.ProgrammeTestSupport;

namespace KhuyenCong.IntegrationTests.Programmes;

/// <summary>
/// Records stored before issue 14 stay readable and countable (ADR 0023): read by the documented rule, then written
/// down by the migration, which a second run leaves unchanged; officers merge stray commune and sector values, with history.
/// </summary>
[Collection(ProgrammesCollection.Name)]
public class ReferenceDataMigrationTests(LocalHostFixture fixture)
{
    private static readonly string[] NewColumns =
        ["EntityType", "Activity", "CommuneCode", "CommuneAsSubmitted", "SectorCode", "Priorities", "Beneficiaries", "BeneficiaryCount", "RoundLevel", "RecordVersion",
         "ActualTrainees", "ActualJobs", "ModelsBuilt", "ProductsCertified"];

    private TableClient Proposals => new(fixture.StorageConnectionString, "Proposals");

    /// <summary>A record as the code before issue 14 wrote it: none of the new columns.</summary>
    private async Task<string> StoreLegacyAsync(string organization, string commune, string sector, ProposalKind kind = ProposalKind.DemonstrationModel)
    {
        var id = Guid.NewGuid().ToString("N");
        var proposal = new Proposal
        {
            Id = id, TrackingCode = "KC-" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant() + "-AAAA-BBBB-CCCC-DD", Status = ProposalStatus.Settled,
            SubmittedAt = new DateTimeOffset(2016, 3, 1, 2, 0, 0, TimeSpan.Zero), Channel = SubmissionChannel.Imported, EnteredBy = "import",
            Submission = new ProposalSubmission
            {
                OrganizationName = organization, TaxCode = ProposalsTestCodes.NewTaxCode(), Representative = "Lê Văn Dũng", Email = "dung@hungyen.example",
                Phone = "0912345678", Address = "Thôn Nam", Commune = commune, Province = "hung-yen", Kind = kind, Sector = sector,
                FundingSource = FundingSource.Local, Title = "Đề án cũ", Summary = "Tóm tắt", TotalCost = 1_000_000_000, RequestedSupport = 300_000_000,
                OwnContribution = 700_000_000, StartDate = new DateOnly(2016, 4, 1), EndDate = new DateOnly(2016, 10, 1),
            },
        };
        await fixture.Host.Services.GetRequiredService<TableProposalRepository>().CreateAsync(proposal, CancellationToken.None);
        var record = (await Proposals.GetEntityAsync<TableEntity>(id, "record")).Value;
        foreach (var column in NewColumns)
        {
            record.Remove(column);
        }

        await Proposals.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace);
        return id;
    }

    private async Task<JsonElement> SubmissionAsync(HttpClient staff, string id) =>
        (await staff.GetFromJsonAsync<JsonElement>(Path($"/api/proposals/{id}"))).GetProperty("submission");

    [Fact]
    public async Task Migration_RunTwice_ReadsOldRecordsByTheRuleThenWritesThemOnceAndChangesNothingTheSecondTime()
    {
        using var staff = fixture.CreateClient(withFunctionKey: true);
        var id = await StoreLegacyAsync("Hợp tác xã Cơ khí Quang Vinh", "Thị trấn Như Quỳnh", "Cơ khí chế tạo");

        // Readable before the migration: the rule gives the values (no commune code yet).
        var before = await SubmissionAsync(staff, id);
        Assert.Equal(("cooperative", "demonstration-model-new", "other"), (before.GetProperty("entityType").GetString(), before.GetProperty("activity").GetString(), before.GetProperty("sectorCode").GetString()));
        Assert.Equal(JsonValueKind.Null, before.GetProperty("communeCode").ValueKind);

        using var first = await staff.PostAsync(Path("/api/migrations/reference-data"), null);
        var firstRun = await JsonAsync(first, HttpStatusCode.OK);
        using var second = await staff.PostAsync(Path("/api/migrations/reference-data"), null);
        var secondRun = await JsonAsync(second, HttpStatusCode.OK);

        Assert.True(firstRun.GetProperty("proposalsUpdated").GetInt32() >= 1);
        Assert.Equal((0, 0, 0), (secondRun.GetProperty("proposalsUpdated").GetInt32(), secondRun.GetProperty("capRowsChanged").GetInt32(), secondRun.GetProperty("communesLoaded").GetInt32()));
        var after = await SubmissionAsync(staff, id);
        Assert.Equal("12004", after.GetProperty("communeCode").GetString());
        Assert.Equal("Thị trấn Như Quỳnh", after.GetProperty("commune").GetString()); // a historical record keeps the name it was submitted under
        var record = (await Proposals.GetEntityAsync<TableEntity>(id, "record")).Value;
        Assert.Equal((2, "cooperative"), (record.GetInt32("RecordVersion"), record.GetString("EntityType")));
    }

    [Fact]
    public async Task Migration_Anonymous_Returns401AndAnOfficerWithoutAdmin403()
    {
        using var anonymous = fixture.CreateClient();
        using var response = await anonymous.PostAsync(Path("/api/migrations/reference-data"), null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task MergeCommuneAndSector_StrayValues_BecomeTheOfficialOnesKeepingWhatWasSubmittedWithHistory()
    {
        using var staff = fixture.CreateClient(withFunctionKey: true);
        var stray = "Như Quỳnh (cũ) " + Guid.NewGuid().ToString("N")[..4];
        var sector = "Cơ khí nhỏ " + Guid.NewGuid().ToString("N")[..4];
        var id = await StoreLegacyAsync("Công ty TNHH Cơ khí Phố Nối", stray, sector, ProposalKind.Machinery);

        using var place = await staff.PostAsync(Path("/api/places/merge"), Json(new { province = "hung-yen", from = stray.ToUpperInvariant(), to = "12004" }));
        var placeMerge = await JsonAsync(place, HttpStatusCode.OK);
        using var sectorResponse = await staff.PostAsync(Path("/api/sectors/merge"), Json(new { from = sector, to = "mechanical-electrical-electronic-supporting" }));
        await JsonAsync(sectorResponse, HttpStatusCode.OK);
        using var wrong = await staff.PostAsync(Path("/api/places/merge"), Json(new { province = "hung-yen", from = stray, to = "00001" }));
        await ProblemAsync(wrong, HttpStatusCode.BadRequest);

        Assert.Equal([id], placeMerge.GetProperty("proposalIds").EnumerateArray().Select(p => p.GetString()));
        var after = await SubmissionAsync(staff, id);
        Assert.Equal(("Xã Như Quỳnh", "12004", stray), (after.GetProperty("commune").GetString(), after.GetProperty("communeCode").GetString(), after.GetProperty("communeAsSubmitted").GetString()));
        Assert.Equal(("mechanical-electrical-electronic-supporting", sector), (after.GetProperty("sectorCode").GetString(), after.GetProperty("sector").GetString()));
        var history = (await staff.GetFromJsonAsync<List<JsonElement>>(Path("/api/places/merges")))!;
        Assert.Contains(history, h => h.GetProperty("what").GetString() == "commune" && h.GetProperty("to").GetString() == "12004" && h.GetProperty("proposals").GetInt32() == 1);
        Assert.Contains(history, h => h.GetProperty("what").GetString() == "sector" && h.GetProperty("from").GetString() == sector);
    }
}

internal static class ProposalsTestCodes
{
    public static string NewTaxCode() => "0" + System.Security.Cryptography.RandomNumberGenerator.GetInt32(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
