using KhuyenCong.Application.Documents;
using KhuyenCong.Application.Reports;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Reports;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.UnitTests.Documents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static KhuyenCong.Testing.DocxReading;

namespace KhuyenCong.UnitTests.Reports;

public sealed class PeriodicReportDocxTests : IDisposable
{
    private readonly ServiceProvider services = DocumentsTestServices.Create();

    public void Dispose() => services.Dispose();

    /// <summary>The cells of one proposal: its own, its beneficiary (a household business at its commune) and its payment ten days after the decision.</summary>
    private static IEnumerable<StatisticsCell> Cell(ProposalKind kind, FundingSource source, string commune, long requested, long? approved, long paid, int trainees, DateOnly decided)
    {
        var snapshot = new StatisticsSnapshot
        {
            Year = decided.Year, Status = ProposalStatus.Approved, Kind = kind, FundingSource = source, Sector = "Cơ khí", Province = "hung-yen",
            Commune = commune, ProgrammeId = "KCDP-HY-2016-2020", Requested = requested, Approved = approved, Paid = paid, Trainees = trainees, OwnContribution = requested / 2,
            ActualTrainees = trainees / 2, Models = kind == ProposalKind.DemonstrationModel ? 1 : 0,
            DecisionDate = decided,
            BeneficiaryPlaces = new([new BeneficiaryPlace("household-business", "hung-yen", commune, 1)]),
            Payments = new([new DatedPayment(decided.AddDays(10), paid)]),
        };
        return StatisticsSnapshot.Delta(null, snapshot).Select(c => new StatisticsCell(snapshot.Year, c.Key, c.Commune, c.Sector, c.Measures));
    }

    private static PeriodicReportFigures Figures(PlannedMoney? planned = null) => PeriodicReportFigures.From(ReportingPeriod.SixMonth(2019), ReportBasis.DecisionDate, StatisticsReport.From(
    [
        .. Cell(ProposalKind.Training, FundingSource.Local, "Xã Lạc Đạo", 200_000_000, 180_000_000, 134_567_000, 35, new DateOnly(2019, 4, 10)),
        .. Cell(ProposalKind.DemonstrationModel, FundingSource.National, "Phường Hiến Nam", 1_300_000_000, 1_054_000_000, 1_100_000_000, 0, new DateOnly(2019, 5, 2)),
    ]), planned);

    private byte[] Render(PeriodicReportFigures figures)
    {
        var kind = services.GetRequiredService<PeriodicReportDocument>();
        var options = services.GetRequiredService<IOptions<DocumentsOptions>>().Value;
        var values = CommonPlaceholders.Values(kind.Info, options, "…/BC-SCT", new DateOnly(2019, 6, 20))
            .Merge(ReportValues.Of(figures, "Bộ Công Thương", string.Empty));
        return services.GetRequiredService<IDocxTemplates>().Render(services.GetRequiredService<IShippedTemplates>().Get(PeriodicReportDocument.Code)!, values);
    }

    /// <summary>The report's four figure tables (the header and signature blocks are borderless tables too).</summary>
    private static List<List<List<string>>> ReportTables(byte[] docx) => Tables(docx).Where(t => t[0][0] == "STT").ToList();

    [Fact]
    public void SixMonthReport_Rendered_IsValidOpenXmlWithTheFiguresInVietnameseFormats()
    {
        var output = Render(Figures());

        Assert.Empty(ValidationErrors(output));
        var text = Text(output);
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Bộ Công Thương", text, StringComparison.Ordinal);
        Assert.Contains("Kết quả thực hiện công tác khuyến công 6 tháng đầu năm 2019", text, StringComparison.Ordinal);
        Assert.Contains("Thời gian chốt số liệu: từ ngày 15/12/2018 đến ngày 14/06/2019.", text, StringComparison.Ordinal);
        Assert.Contains("Số đề án: 2, trong đó được phê duyệt: 2.", text, StringComparison.Ordinal);
        Assert.Contains("kinh phí được phê duyệt: 1.234.000.000 đồng; kinh phí đã thanh toán: 1.234.567.000 đồng", text, StringComparison.Ordinal);
        Assert.Contains("(tỷ lệ giải ngân 100,05 %)", text, StringComparison.Ordinal); // a ratio shown as a percentage, not "1"
        Assert.Contains("Kinh phí đề nghị hỗ trợ: 1.500.000.000 đồng", text, StringComparison.Ordinal);
        Assert.Contains("Số người được đào tạo: dự kiến trong đề án 35, thực tế khi nghiệm thu 17;", text, StringComparison.Ordinal);
        Assert.Contains("mô hình trình diễn: 1 đề án được phê duyệt, 1 mô hình đã xây dựng;", text, StringComparison.Ordinal);
        Assert.Contains("Hưng Yên, ngày 20 tháng 6 năm 2019", text, StringComparison.Ordinal);
        Assert.Contains("Số: …/BC-SCT", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SixMonthReport_Tables_HoldOneRowPerKindSourceAndPlace()
    {
        var tables = ReportTables(Render(Figures()));

        // Activities, sources, paid within the period, beneficiaries by type and by place, proposals by place, programmes:
        // the header row, then one row per group, figures grouped with dots.
        var activities = tables[0];
        Assert.Equal(["1", "Đào tạo nghề, truyền nghề", "1", "1", "200.000.000", "180.000.000", "134.567.000"], activities[1]);
        Assert.Equal(3, activities.Count);
        // Money by source: planned ("—" without plans), requested, approved, paid; then the establishments' own money.
        Assert.Equal(["STT", "Nguồn kinh phí", "Kế hoạch năm 2019 (đồng)", "Kinh phí đề nghị (đồng)", "Kinh phí được duyệt (đồng)", "Đã thanh toán (đồng)"], tables[1][0]);
        Assert.Contains(tables[1], row => row.Skip(1).SequenceEqual(["Khuyến công quốc gia", "—", "1.300.000.000", "1.054.000.000", "1.100.000.000"]));
        Assert.Equal(["3", "Vốn đối ứng của cơ sở", "—", "750.000.000", "750.000.000", "—"], tables[1][^1]);
        Assert.Contains(tables[2], row => row.SequenceEqual(["1", "Khuyến công quốc gia", "1.100.000.000"]));
        Assert.Equal([["STT", "Loại hình", "Số đơn vị thụ hưởng"], ["1", "Hộ kinh doanh", "2"]], tables[3]);
        Assert.Contains(tables[4], row => row.SequenceEqual(["2", "Xã Lạc Đạo (Hưng Yên)", "1"]) || row.SequenceEqual(["1", "Xã Lạc Đạo (Hưng Yên)", "1"]));
        Assert.Contains(tables[5], row => row[1] == "Xã Lạc Đạo (Hưng Yên)");
        Assert.Contains(tables[6], row => row[1] == "KCDP-HY-2016-2020" && row[6] == "1.234.567.000");
    }

    [Fact]
    public void EmptyPeriod_Rendered_IsValidWithZeroFiguresAndNoRows()
    {
        var output = Render(PeriodicReportFigures.From(ReportingPeriod.Annual(2030), ReportBasis.PlanYear, StatisticsReport.From([])));

        Assert.Empty(ValidationErrors(output));
        var text = Text(output);
        Assert.Contains("Số đề án: 0", text, StringComparison.Ordinal);
        Assert.Contains("kinh phí đã thanh toán: 0 đồng", text, StringComparison.Ordinal);
        Assert.Contains("Đề án thuộc kế hoạch năm 2030", text, StringComparison.Ordinal);
        Assert.Equal(8, ReportTables(output).Count);
        Assert.All(ReportTables(output).Where((_, i) => i != 1), t => Assert.Single(t));
        Assert.Equal(["1", "Vốn đối ứng của cơ sở", "—", "0", "0", "—"], ReportTables(output)[1][1]); // the own money's line, with nothing in it
    }

    [Fact]
    public void SixMonthReport_WithThePlansOfOneSource_ShowsItsPlannedMoneyAndADashForTheOther()
    {
        var planned = new PlannedMoney([2019], [new SourcePlan(FundingSource.Local, 5_000_000_000), new SourcePlan(FundingSource.National, null)]);

        var output = Render(Figures(planned));

        Assert.Empty(ValidationErrors(output));
        var text = Text(output);
        Assert.Contains("Kinh phí kế hoạch năm 2019: 5.000.000.000 đồng.", text, StringComparison.Ordinal);
        Assert.Contains("Vốn đối ứng của cơ sở trong các đề án được phê duyệt: 750.000.000 đồng.", text, StringComparison.Ordinal);
        var sources = ReportTables(output)[1];
        Assert.Contains(sources, row => row.Skip(1).SequenceEqual(["Khuyến công địa phương", "5.000.000.000", "200.000.000", "180.000.000", "134.567.000"]));
        Assert.Contains(sources, row => row.Skip(1).Take(2).SequenceEqual(["Khuyến công quốc gia", "—"]));
    }

    [Fact]
    public void SixMonthReport_WithProgrammeTargets_ShowsEachTargetWithWhatTheCellsReachedAndItsShare()
    {
        var figures = Figures();
        var programme = new KhuyenCong.Domain.Programmes.Programme("KCDP-HY-2016-2020", "Chương trình khuyến công Hưng Yên 2016-2020", 2016, 2020, FundingSource.Local,
            "88/QĐ-UBND",
            [
                new("approved-amount", "Kinh phí được phê duyệt", "Approved amount", "đồng", 2_468_000_000),
                new("machinery", "Ứng dụng máy móc thiết bị", "Machinery", "đề án", 10),
            ]);

        var output = Render(figures.WithTargets(ReportTargets.Lines([programme], figures.Report)));

        Assert.Empty(ValidationErrors(output));
        var targets = ReportTables(output)[7];
        Assert.Equal(["STT", "Chương trình", "Chỉ tiêu", "Đơn vị", "Chỉ tiêu giao", "Đạt được", "Tỷ lệ"], targets[0]);
        Assert.Equal(["1", "Chương trình khuyến công Hưng Yên 2016-2020", "Kinh phí được phê duyệt", "đồng", "2.468.000.000", "1.234.000.000", "50 %"], targets[1]);
        Assert.Equal(["2", "Chương trình khuyến công Hưng Yên 2016-2020", "Ứng dụng máy móc thiết bị", "đề án", "10", "—", "—"], targets[2]);
    }
}
