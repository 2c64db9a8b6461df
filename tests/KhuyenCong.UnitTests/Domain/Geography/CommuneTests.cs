using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Domain.Geography;

public class CommuneTests
{
    private const string Header = "province_code,province_name,commune_code,commune_name,old_commune_names,effective_from\n";

    [Fact]
    public void Parse_ValidFileWithQuotesAndBom_ReadsEveryVersion()
    {
        var text = "\uFEFF" + Header
            + "hung-yen,Tỉnh Hưng Yên,01,Phường Phố Hiến,\"An Tảo; Hiến Nam;;Lê Lợi\",2025-07-01\r\n"
            + "hung-yen,hung yen,02,\"Xã Tân Hưng, mới\",,01/07/2025\r\n";

        var (versions, errors) = CommuneCsv.Parse(text);

        Assert.Empty(errors);
        Assert.Equal(2, versions.Count);
        Assert.Equal(["An Tảo", "Hiến Nam", "Lê Lợi"], versions[0].OldNames);
        Assert.Equal("Xã Tân Hưng, mới", versions[1].CommuneName);
        Assert.Equal(new DateOnly(2025, 7, 1), versions[1].EffectiveFrom);
    }

    [Fact]
    public void Parse_BadRows_ReportsRowColumnAndBothLanguagesAndReturnsNoVersion()
    {
        var text = Header
            + "thai-binh,Thái Bình,01,Phường A,,2025-07-01\n"
            + "hung-yen,Hưng Yên,0 1,,,2025-13-01\n"
            + "hung-yen,Hưng Yên,05,Phường B,,2025-07-01\n"
            + "hung-yen,Hưng Yên,05,Phường B,,2025-07-01\n"
            + "hung-yen,Hưng Yên\n";

        var (versions, errors) = CommuneCsv.Parse(text);

        Assert.Empty(versions);
        Assert.Equal([(2, "province_code"), (3, "commune_code"), (3, "commune_name"), (3, "effective_from"), (5, "commune_code"), (6, "row")],
            errors.Select(e => (e.Row, e.Column)));
        Assert.Equal("Commune 05 with effective date 2025-07-01 is already on line 4.", errors[4].Message(Language.English));
        Assert.Equal("Xã 05 với ngày hiệu lực 2025-07-01 đã có ở dòng 4.", errors[4].Message(Language.Vietnamese));
    }

    [Fact]
    public void Parse_WrongHeader_ReportsLine1()
    {
        var (_, errors) = CommuneCsv.Parse("code,name\nx,y\n");

        Assert.Equal((1, "header"), (errors.Single().Row, errors.Single().Column));
    }

    [Fact]
    public void Directory_OldNamesAndRenames_ResolveToTodaysCommune()
    {
        var versions = new[]
        {
            new CommuneVersion("hung-yen", "01", "Phường Phố Hiến", ["An Tảo", "Minh Khai"], new DateOnly(2025, 7, 1)),
            new CommuneVersion("hung-yen", "02", "Phường Trần Hưng Đạo", ["Đề Thám", "Minh Khai"], new DateOnly(2025, 7, 1)),
            new CommuneVersion("hung-yen", "03", "Xã Cũ", [], new DateOnly(2025, 7, 1)),
            new CommuneVersion("hung-yen", "03", "Xã Mới", [], new DateOnly(2026, 1, 1)),
            new CommuneVersion("hung-yen", "04", "Xã Tương Lai", [], new DateOnly(2030, 1, 1)),
        };

        var directory = new CommuneDirectory(versions, new DateOnly(2026, 6, 1));

        Assert.Equal("Phường Phố Hiến", directory.Resolve("phuong an tao")?.CommuneName);
        Assert.Equal("Phường Phố Hiến", directory.Resolve("P. Phố  Hiến")?.CommuneName);
        Assert.Equal("Phường Trần Hưng Đạo", directory.Resolve("Xã Đề Thám")?.CommuneName);
        Assert.Null(directory.Resolve("Minh Khai"));
        Assert.Equal("Xã Mới", directory.Resolve("Xã Cũ")?.CommuneName);
        Assert.Null(directory.Resolve("Xã Tương Lai"));
        Assert.Equal(["Phường Phố Hiến", "Phường Trần Hưng Đạo", "Xã Mới"], directory.Current.Select(c => c.CommuneName).Order(StringComparer.Ordinal));
    }
}
