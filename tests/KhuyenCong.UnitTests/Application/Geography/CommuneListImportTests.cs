using KhuyenCong.Application.Geography;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Application.Geography;

/// <summary>Loading a commune file: all or nothing, errors by row and column in both languages.</summary>
[Collection(UseCaseCollection.Name)]
public class CommuneListImportTests(UseCaseStorage storage)
{
    private const string Header = "province_code,province_name,commune_code,commune_name,old_commune_names,effective_from\n";

    private CommuneListImport Import => storage.Get<CommuneListImport>();

    [Fact]
    public async Task ImportAsync_ABadRow_InvalidByRowAndColumnAndNothingLoaded()
    {
        var csv = Header + "lao-cai,Lào Cai,lc-101,Xã Bảo Hà,,2025-07-01\nlao-cai,Lào Cai,lc-102,Xã Bảo Yên,,1/7/2025x\n";

        var result = await Import.ImportAsync(new StringReader(csv), "admin", CancellationToken.None);

        var errors = DecisionAssert.InvalidFields(result, "rows[3].effective_from");
        Assert.Equal(["Ngày hiệu lực \"1/7/2025x\" không hợp lệ (yyyy-MM-dd, ví dụ 2025-07-01)."], errors.In(Language.Vietnamese)["rows[3].effective_from"]);
        Assert.Equal(["The effective date \"1/7/2025x\" is not valid (yyyy-MM-dd, for example 2025-07-01)."], errors.In(Language.English)["rows[3].effective_from"]);
        Assert.DoesNotContain(await storage.Get<GeographyService>().CurrentCommunesAsync("lao-cai", CancellationToken.None), c => c.CommuneCode == "lc-101");
    }

    [Fact]
    public async Task ImportAsync_GoodFile_LoadsEveryRow()
    {
        var csv = Header + "lao-cai,Lào Cai,lc-201,Xã Bảo Thắng,,2025-07-01\nlao-cai,Lào Cai,lc-202,Xã Bắc Hà,Bắc Hà Cũ,2025-07-01\n";

        var versions = DecisionAssert.Done(await Import.ImportAsync(new StringReader(csv), "admin", CancellationToken.None));

        Assert.Equal(["lc-201", "lc-202"], versions.Select(v => v.CommuneCode));
        Assert.Contains(await storage.Get<GeographyService>().CurrentCommunesAsync("lao-cai", CancellationToken.None), c => c.CommuneCode == "lc-202");
    }
}

/// <summary>Today's communes of a province named by a current or former name.</summary>
[Collection(UseCaseCollection.Name)]
public class ProvinceCommunesTests(UseCaseStorage storage)
{
    [Theory]
    [InlineData(null)]
    [InlineData("Atlantis")]
    public async Task CommunesOfAsync_NoOrUnknownProvince_InvalidNamingTheProvince(string? province)
    {
        DecisionAssert.Invalid(await storage.Get<GeographyService>().CommunesOfAsync(province, CancellationToken.None), "province", GeographyService.ProvinceRequired);
    }

    [Fact]
    public async Task CommunesOfAsync_FormerProvinceName_TodaysProvince()
    {
        var found = DecisionAssert.Done(await storage.Get<GeographyService>().CommunesOfAsync("Thái Bình", CancellationToken.None));

        Assert.Equal("hung-yen", found.Province.Code);
    }
}
