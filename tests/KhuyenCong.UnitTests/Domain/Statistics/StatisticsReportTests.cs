using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Statistics;
using static KhuyenCong.UnitTests.Domain.Statistics.StatisticsSnapshotTests;

namespace KhuyenCong.UnitTests.Domain.Statistics;

public class StatisticsReportTests
{
    private static StatisticsCell Cell(StatisticsSnapshot s, int year) =>
        new(year, s.Cell, s.Commune, s.Sector, s.Measures());

    [Fact]
    public void From_Cells_SumsTotalsAndBreakdownsAndRates()
    {
        var cells = new[]
        {
            Cell(Snapshot(ProposalStatus.Approved, ProposalKind.Machinery, 300, 200, 100), 2025),
            Cell(Snapshot(ProposalStatus.Submitted, ProposalKind.Training, 100, null, 0, "Xã Tân Lập"), 2026),
            Cell(Snapshot(ProposalStatus.Settled, ProposalKind.Training, 100, 100, 100), 2026),
        };

        var report = StatisticsReport.From(cells);

        Assert.Equal(3, report.Count);
        Assert.Equal(500, report.Total[StatisticsMeasures.Requested]);
        Assert.Equal(300, report.Total[StatisticsMeasures.Approved]);
        Assert.Equal(200, report.Total[StatisticsMeasures.Paid]);
        Assert.Equal(0.5m, report.DirectShare);
        Assert.Equal(0.6667m, report.DisbursementRate);
        Assert.Equal(["2025", "2026"], report.ByYear.Select(g => g.Key));
        Assert.Equal(["training", "machinery"], report.ByKind.Select(g => g.Key));
        Assert.Equal(2, report.ByCommune.Count);
        Assert.Equal(2, report.ByCommune[0].Count);
        Assert.Equal(3, report.CellsRead);
    }

    [Fact]
    public void From_NoCells_ZeroCountAndNoRates()
    {
        var report = StatisticsReport.From([]);

        Assert.Equal(0, report.Count);
        Assert.Null(report.DirectShare);
        Assert.Null(report.DisbursementRate);
        Assert.Empty(report.ByYear);
    }
}
