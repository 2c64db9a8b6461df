using System.Text;
using KhuyenCong.Application.Exchange;
using KhuyenCong.Infrastructure.Exchange;
using KhuyenCong.Testing;

namespace KhuyenCong.UnitTests.Exchange;

/// <summary>
/// The capped XLSX reader reads what Excel and LibreOffice write, not only MiniExcel's exports: shared strings (rich
/// text runs, phonetic guides left out, spaces kept), inline strings, cached formula results, booleans, errors, dates
/// by built-in and custom formats (and the 1904 date system), rows and cells without references, the first sheet by
/// the workbook's order whatever its relationship id, strict-namespace parts.
/// </summary>
public class XlsxReadingTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string Package = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly SpreadsheetLimits Limits = new(2001, 32);

    private static readonly string Styles =
        $"<styleSheet xmlns=\"{Main}\"><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy;@\"/><numFmt numFmtId=\"165\" formatCode=\"#,##0\\ &quot;đ&quot;\"/></numFmts>"
        + "<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"22\"/></cellXfs></styleSheet>";

    private static readonly string SharedStrings =
        $"<sst xmlns=\"{Main}\" count=\"5\" uniqueCount=\"5\"><si><t>Tên đề án</t></si><si><t>Ngày bắt đầu</t></si>"
        + "<si><r><rPr><b/></rPr><t>Máy sấy </t></r><r><t xml:space=\"preserve\">long nhãn </t></r><rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh></si>"
        + "<si><t xml:space=\"preserve\">  khoảng trắng  </t></si><si><t>Tổng kinh phí (đồng)</t></si></sst>";

    private static readonly string Sheet =
        $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><dimension ref=\"A1:F6\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews><cols><col min=\"1\" max=\"1\" width=\"30\"/></cols><sheetData>"
        + "<row r=\"1\" spans=\"1:6\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>4</v></c><c r=\"D1\" t=\"inlineStr\"><is><t>Ghi chú</t></is></c><c r=\"E1\" t=\"inlineStr\"><is><t>Cờ</t></is></c><c r=\"F1\" t=\"inlineStr\"><is><t>Giờ</t></is></c></row>"
        + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" s=\"1\"><v>43466</v></c><c r=\"C2\" s=\"3\"><v>250000000</v></c><c r=\"D2\" t=\"str\"><f>A2&amp;\"x\"</f><v>Máy sấy long nhãn x</v></c><c r=\"E2\" t=\"b\"><v>1</v></c><c r=\"F2\" s=\"4\"><v>43466.5</v></c></row>"
        + "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>3</v></c><c r=\"B4\" s=\"2\"><v>43770</v></c><c r=\"C4\"><v>1.5</v></c><c r=\"D4\" t=\"e\"><v>#N/A</v></c><c r=\"E4\" s=\"1\"/></row>"
        + "<row r=\"5\"><c r=\"A5\" s=\"1\"/></row>"
        + "<row><c t=\"inlineStr\"><is><t>không r</t></is></c><c><v>7</v></c></row>"
        + "</sheetData><pageMargins left=\"0.7\"/></worksheet>";

    [Fact]
    public void Read_ExcelStyleWorkbook_GivesTheCellsAsExcelShowsThem()
    {
        var rows = new SpreadsheetFiles().Read(Workbook(date1904: false), SpreadsheetFormat.Xlsx, Limits, CancellationToken.None).ToList();

        Assert.Equal([1, 2, 4, 6], rows.Select(r => r.Number));
        Assert.Equal(["Tên đề án", "Ngày bắt đầu", "Tổng kinh phí (đồng)", "Ghi chú", "Cờ", "Giờ"], rows[0].Cells);
        Assert.Equal(["Máy sấy long nhãn ", "2019-01-01", "250000000", "Máy sấy long nhãn x", "true", "2019-01-01T12:00:00"], rows[1].Cells);
        Assert.Equal(["  khoảng trắng  ", "2019-11-01", "1.5", "#N/A"], rows[2].Cells);
        Assert.Equal(["không r", "7"], rows[3].Cells);
    }

    [Fact]
    public void Read_1904DateSystem_ShiftsDates()
    {
        var rows = new SpreadsheetFiles().Read(Workbook(date1904: true), SpreadsheetFormat.Xlsx, Limits, CancellationToken.None).ToList();

        Assert.Equal("2023-01-02", rows[1].Cells[1]);
    }

    [Fact]
    public void Read_RowsOutOfOrder_IsRefusedAsDamaged()
    {
        var file = HostileFiles.Workbook(HostileFiles.Sheet(null, [HostileFiles.Row(2, "a"), HostileFiles.Row(2, "b")]));

        var problem = Assert.Throws<SpreadsheetFormatException>(() => new SpreadsheetFiles().Read(file, SpreadsheetFormat.Xlsx, Limits, CancellationToken.None).ToList()).Problem;

        Assert.Equal(SpreadsheetProblemKind.Damaged, problem.Kind);
        Assert.Equal("xl/worksheets/sheet1.xml", problem.Part);
    }

    /// <summary>The workbook above, its sheet first in the workbook but second in the relationships, with absolute and relative targets.</summary>
    private static byte[] Workbook(bool date1904) => HostileFiles.Zip(
    [
        ("_rels/.rels", Utf8($"<Relationships xmlns=\"{Package}\"><Relationship Id=\"rId1\" Type=\"{Rel}/officeDocument\" Target=\"/xl/workbook.xml\"/></Relationships>")),
        ("xl/workbook.xml", Utf8($"<workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><workbookPr date1904=\"{(date1904 ? "1" : "0")}\"/>"
            + "<sheets><sheet name=\"Đề án\" sheetId=\"1\" r:id=\"rId3\"/><sheet name=\"Khác\" sheetId=\"2\" r:id=\"rId1\"/></sheets></workbook>")),
        ("xl/_rels/workbook.xml.rels", Utf8($"<Relationships xmlns=\"{Package}\"><Relationship Id=\"rId1\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
            + $"<Relationship Id=\"rId2\" Type=\"{Rel}/hyperlink\" Target=\"https://example.org\" TargetMode=\"External\"/>"
            + $"<Relationship Id=\"rId3\" Type=\"{Rel}/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/><Relationship Id=\"rId4\" Type=\"{Rel}/styles\" Target=\"styles.xml\"/>"
            + $"<Relationship Id=\"rId5\" Type=\"{Rel}/sharedStrings\" Target=\"./sharedStrings.xml\"/></Relationships>")),
        ("xl/styles.xml", Utf8(Styles)),
        ("xl/sharedStrings.xml", Utf8(SharedStrings)),
        ("xl/worksheets/sheet1.xml", Utf8(Sheet)),
        ("xl/worksheets/sheet2.xml", Utf8(HostileFiles.Sheet(null, [HostileFiles.Row(1, "trang khác")]))),
    ]);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
