using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Requests;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.UnitTests.Web.Staff;

/// <summary>The list's orders and the exports' report variant (Vietnamese labels, dd/MM/yyyy in Vietnam time, grouped amounts).</summary>
public class StaffExportTests
{
    private static ProposalSummary Summary(string id, string title, DateTimeOffset at, long asked, DateTimeOffset? changed = null) =>
        new(id, "KC-" + id, title, "HTX Tiên Lữ", ProposalStatus.Screening, ProposalKind.Machinery, FundingSource.Local, "hung-yen", at, asked, "")
        {
            StatusChangedAt = changed,
        };

    private static readonly DateTimeOffset Day = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ProposalSummary[] Three =
    [
        Summary("a", "Ươm tơ", Day, 100, Day.AddDays(9)),
        Summary("b", "Ấp trứng", Day.AddDays(2), 300, Day.AddDays(3)),
        Summary("c", "Dệt chiếu", Day.AddDays(1), 200, Day.AddDays(5)),
    ];

    [Theory]
    [InlineData("newest", "b,c,a")]
    [InlineData("oldest", "a,c,b")]
    [InlineData("waiting", "b,c,a")]
    [InlineData("amount", "b,c,a")]
    [InlineData("title", "b,c,a")]
    public void Sort_Code_OrdersTheList(string code, string expected)
    {
        Assert.Equal(expected, string.Join(',', ProposalListSort.Apply(Three, code).Select(p => p.Id)));
    }

    [Fact]
    public void ReportRow_Proposal_VietnameseLabelsAndProvinceName()
    {
        var row = ProposalExportRows.Row(Three[0]);

        Assert.Equal(["KC-a", "Ươm tơ", "HTX Tiên Lữ", ProposalStatusLabels.Label(ProposalStatus.Screening, KhuyenCong.Domain.Text.Language.Vietnamese)], row[..4]);
        Assert.Equal("Hưng Yên", row[6]);
        Assert.Equal(ProposalExportRows.Header.Count, row.Length);
    }

    [Fact]
    public async Task ReportCsv_InstantAndAmount_DateInVietnamTimeAndGroupedAmount()
    {
        var lateEvening = new DateTimeOffset(2026, 3, 31, 18, 30, 0, TimeSpan.Zero);
        var file = await new SpreadsheetExport("csv", ExportVariant.Report).FileAsync(["Ngày", "Tiền", "Mã"], [[lateEvening, 1_234_567L, "=1+1"]], "Đề án", "de-an", CancellationToken.None);

        var result = Assert.IsType<FileContentResult>(file);
        Assert.Equal("de-an-bao-cao.csv", result.FileDownloadName);
        Assert.Equal("\uFEFFNgày,Tiền,Mã\r\n01/04/2026,1.234.567,'=1+1\r\n", System.Text.Encoding.UTF8.GetString(result.FileContents));
    }

    [Fact]
    public async Task DataCsv_SameCells_IsoInstantAndPlainNumber()
    {
        var at = new DateTimeOffset(2026, 3, 31, 18, 30, 0, TimeSpan.Zero);
        var file = await new SpreadsheetExport("csv", ExportVariant.Data).FileAsync(["at", "amount"], [[at, 1_234_567L]], "x", "de-an", CancellationToken.None);

        var csv = System.Text.Encoding.UTF8.GetString(Assert.IsType<FileContentResult>(file).FileContents);
        Assert.Equal("\uFEFFat,amount\r\n2026-03-31T18:30:00.0000000+00:00,1234567\r\n", csv);
    }
}
