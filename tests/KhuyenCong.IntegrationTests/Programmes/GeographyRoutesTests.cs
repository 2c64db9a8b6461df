using System.Net;
using System.Text;
using Azure.Data.Tables;
using KhuyenCong.Application.Geography;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;
using static KhuyenCong.IntegrationTests.Programmes.ProgrammeTestSupport;

namespace KhuyenCong.IntegrationTests.Programmes;

/// <summary>Communes loaded from a CSV file (all or nothing, history kept) and resolution of old names to today's places.</summary>
[Collection(ProgrammesCollection.Name)]
public class GeographyRoutesTests(LocalHostFixture fixture)
{
    private const string Header = "province_code,province_name,commune_code,commune_name,old_commune_names,effective_from\n";

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private IGeography Geography => fixture.Host.Services.GetRequiredService<IGeography>();

    private async Task<List<TableEntity>> RowsAsync(string province)
    {
        var table = new TableClient(fixture.StorageConnectionString, "Communes");
        await table.CreateIfNotExistsAsync();
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {province}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    // NQ 1666/NQ-UBTVQH15 (16/6/2025): Hưng Yên's 104 communes after 1/7/2025, with the statistics office's codes (CV 1027/CTK-CSCL).
    [Fact]
    public async Task ImportCommunes_OfficialHungYenFile_LoadsEveryRowAndResolvesOldNamesWithAndWithoutDiacritics()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var official = await File.ReadAllTextAsync(System.IO.Path.Combine(RepositoryLayout.FindRoot(), "data", "geography", "hung-yen-2025.csv"));

        using var response = await client.PostAsync(Path("/api/geography/communes"), Csv(official));
        var loaded = await JsonAsync(response, HttpStatusCode.OK);
        using var list = await client.GetAsync(Path("/api/geography/communes?province=Th%C3%A1i%20B%C3%ACnh"));
        var communes = await JsonAsync(list, HttpStatusCode.OK);

        Assert.Equal(104, loaded.GetProperty("loaded").GetInt32());
        Assert.Equal("hung-yen", communes.GetProperty("province").GetProperty("code").GetString());
        Assert.Equal(104, communes.GetProperty("communes").GetArrayLength());
        Assert.Contains(communes.GetProperty("communes").EnumerateArray(), c => c.GetProperty("name").GetString() == "Phường Thái Bình");

        var withMarks = Geography.ResolveToday("Thái Bình", "Phường Bồ Xuyên");
        var withoutMarks = Geography.ResolveToday("thai binh", "bo xuyen");
        var byOldName = Geography.ResolveToday("thai-binh", "Xa Trung Nghia");
        Assert.Equal(("hung-yen", "Hưng Yên", "13225", "Phường Thái Bình"), (withMarks.ProvinceCode, withMarks.ProvinceName, withMarks.CommuneCode, withMarks.CommuneName));
        Assert.Equal(withMarks, withoutMarks);
        Assert.Equal("Phường Phố Hiến", byOldName.CommuneName);
        Assert.Equal(Geography.ResolveToday("hung-yen", "Mỹ Hào").CommuneCode, Geography.ResolveToday("hung-yen", "Phường Mỹ Hào").CommuneCode);
        Assert.Null(Geography.ResolveToday("hung-yen", "Xã Minh Tân").CommuneCode); // four former communes had this name
    }

    [Fact]
    public void ResolveToday_UnknownCommuneAndProvince_KeepsTheOriginalNames()
    {
        var unknownCommune = Geography.ResolveToday("Thái Bình", "Xã Không Có");
        var unknownProvince = Geography.ResolveToday("Atlantis", "Xã A");

        Assert.Equal(("hung-yen", "Hưng Yên", null, "Xã Không Có"), (unknownCommune.ProvinceCode, unknownCommune.ProvinceName, unknownCommune.CommuneCode, unknownCommune.CommuneName));
        Assert.Equal((null, "Atlantis", null, "Xã A"), (unknownProvince.ProvinceCode, unknownProvince.ProvinceName, unknownProvince.CommuneCode, unknownProvince.CommuneName));
    }

    [Fact]
    public async Task ImportCommunes_OneBadRow_Returns422NamingRowAndColumnAndLoadsNothing()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var csv = Header
            + "ca-mau,Cà Mau,cm-001,Phường An Xuyên,Phường 1;Phường 2,2025-07-01\n"
            + "ca-mau,Cà Mau,cm-002,Phường Lý Văn Lâm,Phường 8,1/7/2025x\n"
            + "ca-mau,Bạc Liêu,cm-003,Phường Bạc Liêu,Phường 3,2025-07-01\n";

        using var vi = await client.PostAsync(Path("/api/geography/communes"), Csv(csv));
        using var en = await client.PostAsync(Path("/api/geography/communes?lang=en"), Csv(csv));

        var problem = await ProblemAsync(vi, (HttpStatusCode)422);
        Assert.Equal("Tệp danh sách xã có lỗi: chưa nạp dòng nào.", problem.GetProperty("title").GetString());
        Assert.Equal(["rows[3].effective_from", "rows[4].province_name"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["Ngày hiệu lực \"1/7/2025x\" không hợp lệ (yyyy-MM-dd, ví dụ 2025-07-01)."], Messages(problem, "rows[3].effective_from"));
        var english = await ProblemAsync(en, (HttpStatusCode)422);
        Assert.Equal(["The effective date \"1/7/2025x\" is not valid (yyyy-MM-dd, for example 2025-07-01)."], Messages(english, "rows[3].effective_from"));
        Assert.Empty(await RowsAsync("ca-mau"));
    }

    [Fact]
    public async Task ImportCommunes_LaterVersion_AddsAVersionAndKeepsTheOldOne()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        using (var first = await client.PostAsync(Path("/api/geography/communes"), Csv(Header + "lao-cai,Lào Cai,lc-001,Xã Yên Thế,Yên Thế Cũ,2025-07-01\n")))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var second = await client.PostAsync(Path("/api/geography/communes"), Csv(Header + "lao-cai,Lào Cai,lc-001,Xã Yên Thế Mới,,2026-01-01\n")))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        using var list = await client.GetAsync(Path("/api/geography/communes?province=lao-cai"));
        var communes = (await JsonAsync(list, HttpStatusCode.OK)).GetProperty("communes").EnumerateArray().ToList();

        Assert.Equal(2, (await RowsAsync("lao-cai")).Count);
        Assert.Equal(["Xã Yên Thế Mới"], communes.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("Xã Yên Thế Mới", Geography.ResolveToday("Yên Bái", "Xã Yên Thế").CommuneName);
        Assert.Equal("Xã Yên Thế Mới", Geography.ResolveToday("Lao Cai", "yen the cu").CommuneName);
    }

    [Fact]
    public async Task ListProvinces_Public_Lists34WithFormerProvinces()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(Path("/api/geography/provinces"));
        var provinces = (await JsonAsync(response, HttpStatusCode.OK)).EnumerateArray().ToList();

        Assert.Equal(34, provinces.Count);
        var hungYen = provinces.Single(p => p.GetProperty("code").GetString() == "hung-yen");
        Assert.Equal(["hung-yen", "thai-binh"], hungYen.GetProperty("formerProvinces").EnumerateArray().Select(f => f.GetProperty("code").GetString()).Order());
    }

    [Fact]
    public async Task ListCommunes_UnknownProvince_Returns400OnProvince()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(Path("/api/geography/communes?province=atlantis"));

        Assert.Single(Messages(await ProblemAsync(response, HttpStatusCode.BadRequest), "province"));
    }
}
