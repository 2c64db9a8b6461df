using KhuyenCong.Application.Statistics;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Web.Pages.Dashboard;

/// <summary>The statistics report as JSON and as table rows (exports), in Vietnamese or English (labels: <see cref="StatisticsLabels"/>).</summary>
public static class StatisticsView
{
    private static object Money(StatisticsMeasures m) => new
    {
        count = m[StatisticsMeasures.Count],
        requested = m[StatisticsMeasures.Requested],
        approved = m[StatisticsMeasures.Approved],
        paid = m[StatisticsMeasures.Paid],
    };

    /// <summary>The body of <c>GET /api/stats</c>.</summary>
    public static object Json(StatisticsReport report, StatisticsFilter filter, Language language, IReadOnlyList<object>? programmeTargets = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(filter);
        var t = report.Total;
        return new
        {
            filters = new
            {
                from = filter.From,
                to = filter.To,
                fundingSource = filter.FundingSource?.ToCode(),
                province = filter.Province,
                commune = filter.Commune,
                kind = filter.Kind?.ToCode(),
                sector = filter.Sector,
                period = filter.Decided?.Code,
                decidedFrom = filter.Decided?.From,
                decidedTo = filter.Decided?.To,
                paidFrom = filter.PaidIn?.From,
                paidTo = filter.PaidIn?.To,
            },
            cellsRead = report.CellsRead,
            programmeTargets = programmeTargets ?? [],
            count = report.Count,
            requested = t[StatisticsMeasures.Requested],
            approved = t[StatisticsMeasures.Approved],
            approvedCount = t[StatisticsMeasures.ApprovedCount],
            paid = t[StatisticsMeasures.Paid],
            paidDirect = t[StatisticsMeasures.PaidDirect],
            directShare = report.DirectShare,
            disbursementRate = report.DisbursementRate,
            trainees = t[StatisticsMeasures.Trainees],
            jobs = t[StatisticsMeasures.Jobs],
            actualTrainees = t[StatisticsMeasures.ActualTrainees],
            actualJobs = t[StatisticsMeasures.ActualJobs],
            modelsBuilt = t[StatisticsMeasures.Models],
            productsCertified = t[StatisticsMeasures.ProductsCertified],
            beneficiaries = t[StatisticsMeasures.Beneficiaries],
            byEntityType = report.ByEntityType.Select(g => new
            {
                entityType = g.Key,
                label = StatisticsLabels.EntityType(g.Key, language),
                beneficiaries = g.Measures[StatisticsMeasures.Beneficiaries],
            }),
            byBeneficiaryPlace = report.ByBeneficiaryPlace.Select(g => new
            {
                province = StatisticsLabels.ProvinceCode(g.Key),
                provinceName = StatisticsLabels.ProvinceOfCommune(g.Key, language),
                commune = g.Label,
                beneficiaries = g.Measures[StatisticsMeasures.Beneficiaries],
            }),
            paidInPeriod = filter.PaidIn is null ? (long?)null : report.PaidInPeriod,
            paidInPeriodBySource = report.PaidInPeriodBySource.Select(g => new
            {
                fundingSource = g.Key,
                label = StatisticsLabels.FundingSource(g.Key, language),
                paid = g.Measures[StatisticsMeasures.Paid],
            }),
            byStatus = Enum.GetValues<ProposalStatus>()
                .Select(s => new { status = s.ToCode(), label = ProposalStatusLabels.Label(s, language), count = t.StatusCount(s) })
                .Where(s => s.count != 0),
            byYear = report.ByYear.Select(g => new
            {
                year = int.Parse(g.Key, System.Globalization.CultureInfo.InvariantCulture),
                count = g.Count,
                requested = g.Measures[StatisticsMeasures.Requested],
                approved = g.Measures[StatisticsMeasures.Approved],
                paid = g.Measures[StatisticsMeasures.Paid],
            }),
            byKind = report.ByKind.Select(g => new
            {
                kind = g.Key,
                label = StatisticsLabels.Kind(g.Key, language),
                count = g.Count,
                requested = g.Measures[StatisticsMeasures.Requested],
                approved = g.Measures[StatisticsMeasures.Approved],
                paid = g.Measures[StatisticsMeasures.Paid],
            }),
            byFundingSource = report.ByFundingSource.Select(g => new
            {
                fundingSource = g.Key,
                label = StatisticsLabels.FundingSource(g.Key, language),
                count = g.Count,
                requested = g.Measures[StatisticsMeasures.Requested],
                approved = g.Measures[StatisticsMeasures.Approved],
                paid = g.Measures[StatisticsMeasures.Paid],
                paidDirect = g.Measures[StatisticsMeasures.PaidDirect],
                directShare = StatisticsReport.Ratio(g.Measures[StatisticsMeasures.PaidDirect], g.Measures[StatisticsMeasures.Paid]),
                disbursementRate = StatisticsReport.Ratio(g.Measures[StatisticsMeasures.Paid], g.Measures[StatisticsMeasures.Approved]),
            }),
            bySector = report.BySector.Select(g => new { sectorCode = StatisticsLabels.SectorCode(g.Key), sector = StatisticsLabels.Sector(g.Key, g.Label, language), count = g.Count }),
            byCommune = report.ByCommune.Select(g => new
            {
                province = StatisticsLabels.ProvinceCode(g.Key),
                provinceName = StatisticsLabels.ProvinceOfCommune(g.Key, language),
                commune = g.Label,
                count = g.Count,
            }),
            programmes = report.ByProgramme.Select(g => new
            {
                programmeId = g.Key.Length == 0 ? null : g.Key,
                count = g.Count,
                requested = g.Measures[StatisticsMeasures.Requested],
                approved = g.Measures[StatisticsMeasures.Approved],
                paid = g.Measures[StatisticsMeasures.Paid],
            }),
        };
    }

    private static readonly IReadOnlyList<Bilingual> Header =
    [
        new("Thống kê theo", "Breakdown"), new("Nhóm", "Group"), new("Số đề án", "Proposals"), new("Kinh phí đề nghị (đồng)", "Requested (VND)"),
        new("Kinh phí phê duyệt (đồng)", "Approved (VND)"), new("Đã thanh toán (đồng)", "Paid (VND)"),
        new("Thanh toán trực tiếp cho cơ sở (đồng)", "Paid directly to establishments (VND)"),
        new("Số người được đào tạo (dự kiến)", "Trainees (planned)"), new("Số việc làm (dự kiến)", "Jobs (planned)"),
        new("Số người được đào tạo (thực tế)", "Trainees (actual)"), new("Số việc làm (thực tế)", "Jobs (actual)"),
        new("Số mô hình đã xây dựng", "Models built"), new("Số sản phẩm được công nhận", "Products certified"),
        new("Số lượt cơ sở thụ hưởng", "Beneficiary establishments"),
    ];

    /// <summary>The header of the export table.</summary>
    public static IReadOnlyList<string> ExportHeader(Language language) => Header.Select(h => h.In(language)).ToList();

    /// <summary>The export table's rows: the totals, then every breakdown (numbers as numbers, text as text).</summary>
    public static IReadOnlyList<object?[]> ExportRows(StatisticsReport report, Language language)
    {
        ArgumentNullException.ThrowIfNull(report);
        string L(string vi, string en) => new Bilingual(vi, en).In(language);
        var rows = new List<object?[]>();
        void Add(string breakdown, string group, StatisticsMeasures m) => rows.Add([breakdown, group, m[StatisticsMeasures.Count], m[StatisticsMeasures.Requested],
            m[StatisticsMeasures.Approved], m[StatisticsMeasures.Paid], m[StatisticsMeasures.PaidDirect], m[StatisticsMeasures.Trainees], m[StatisticsMeasures.Jobs],
            m[StatisticsMeasures.ActualTrainees], m[StatisticsMeasures.ActualJobs], m[StatisticsMeasures.Models], m[StatisticsMeasures.ProductsCertified], m[StatisticsMeasures.Beneficiaries]]);

        Add(L("Tổng cộng", "Total"), L("Tất cả", "All"), report.Total);
        foreach (var status in Enum.GetValues<ProposalStatus>().Where(s => report.Total.StatusCount(s) != 0))
        {
            rows.Add([L("Tình trạng", "Status"), ProposalStatusLabels.Label(status, language), report.Total.StatusCount(status), .. new object?[ExportHeader(language).Count - 3]]);
        }

        report.ByYear.ToList().ForEach(g => Add(L("Năm", "Year"), g.Key, g.Measures));
        report.ByKind.ToList().ForEach(g => Add(L("Nội dung", "Kind"), StatisticsLabels.Kind(g.Key, language), g.Measures));
        report.ByFundingSource.ToList().ForEach(g => Add(L("Nguồn kinh phí", "Funding source"), StatisticsLabels.FundingSource(g.Key, language), g.Measures));
        report.BySector.ToList().ForEach(g => Add(L("Lĩnh vực", "Sector"), StatisticsLabels.Sector(g.Key, g.Label, language), g.Measures));
        report.ByCommune.ToList().ForEach(g => Add(L("Xã, phường", "Commune"), g.Label + ", " + StatisticsLabels.ProvinceOfCommune(g.Key, language), g.Measures));
        report.ByProgramme.ToList().ForEach(g => Add(L("Chương trình", "Programme"), StatisticsLabels.Programme(g.Key, language), g.Measures));
        return rows;
    }
}
