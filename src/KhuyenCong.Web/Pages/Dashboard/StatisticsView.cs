using KhuyenCong.Application.Statistics;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Web.Pages.Dashboard;

/// <summary>The statistics report as JSON and as table rows (exports), in Vietnamese or English (labels: <see cref="StatisticsLabels"/>).</summary>
public static class StatisticsView
{
    /// <summary>The body of <c>GET /api/stats</c>: the filters, the totals, the facet tables and the breakdowns, in that order.</summary>
    public static object Json(StatisticsReport report, StatisticsFilter filter, Language language, IReadOnlyList<object>? programmeTargets = null, PlannedMoney? planned = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(filter);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["filters"] = new
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
            ["cellsRead"] = report.CellsRead,
            ["programmeTargets"] = programmeTargets ?? Array.Empty<object>(),
            ["count"] = report.Count,
        };
        Totals(body, report.Total, report);
        body["planned"] = planned is null ? null : new
        {
            years = planned.Years,
            total = planned.Total,
            bySource = planned.Sources.Select(p => new { fundingSource = p.Source.ToCode(), label = p.Source.DisplayName(language), planned = p.Planned }),
        };
        Facets(body, report, filter, language);
        Breakdowns(body, report, language);
        SourceSectorPlaceAndProgrammeBreakdowns(body, report, language);
        return body;
    }

    private static void Totals(Dictionary<string, object?> body, StatisticsMeasures t, StatisticsReport report)
    {
        body["requested"] = t[StatisticsMeasures.Requested];
        body["approved"] = t[StatisticsMeasures.Approved];
        body["approvedCount"] = t[StatisticsMeasures.ApprovedCount];
        body["paid"] = t[StatisticsMeasures.Paid];
        body["paidDirect"] = t[StatisticsMeasures.PaidDirect];
        body["directShare"] = report.DirectShare;
        body["disbursementRate"] = report.DisbursementRate;
        body["trainees"] = t[StatisticsMeasures.Trainees];
        body["jobs"] = t[StatisticsMeasures.Jobs];
        body["actualTrainees"] = t[StatisticsMeasures.ActualTrainees];
        body["actualJobs"] = t[StatisticsMeasures.ActualJobs];
        body["modelsBuilt"] = t[StatisticsMeasures.Models];
        body["productsCertified"] = t[StatisticsMeasures.ProductsCertified];
        body["beneficiaries"] = t[StatisticsMeasures.Beneficiaries];
        body["counterpart"] = t[StatisticsMeasures.Counterpart];
        body["approvedCounterpart"] = t[StatisticsMeasures.ApprovedCounterpart];
    }

    /// <summary>Beneficiaries by entity type and place, and the money paid within the period (ADR 0029).</summary>
    private static void Facets(Dictionary<string, object?> body, StatisticsReport report, StatisticsFilter filter, Language language)
    {
        body["byEntityType"] = report.ByEntityType.Select(g => new
        {
            entityType = g.Key,
            label = StatisticsLabels.EntityType(g.Key, language),
            beneficiaries = g.Measures[StatisticsMeasures.Beneficiaries],
        });
        body["byBeneficiaryPlace"] = report.ByBeneficiaryPlace.Select(g => new
        {
            province = StatisticsLabels.ProvinceCode(g.Key),
            provinceName = StatisticsLabels.ProvinceOfCommune(g.Key, language),
            commune = g.Label,
            beneficiaries = g.Measures[StatisticsMeasures.Beneficiaries],
        });
        body["paidInPeriod"] = filter.PaidIn is null ? (long?)null : report.PaidInPeriod;
        body["paidInPeriodBySource"] = report.PaidInPeriodBySource.Select(g => new
        {
            fundingSource = g.Key,
            label = StatisticsLabels.FundingSource(g.Key, language),
            paid = g.Measures[StatisticsMeasures.Paid],
        });
    }

    /// <summary>By status, plan year and kind.</summary>
    private static void Breakdowns(Dictionary<string, object?> body, StatisticsReport report, Language language)
    {
        var t = report.Total;
        body["byStatus"] = Enum.GetValues<ProposalStatus>()
            .Select(s => new { status = s.ToCode(), label = ProposalStatusLabels.Label(s, language), count = t.StatusCount(s) })
            .Where(s => s.count != 0);
        body["byYear"] = report.ByYear.Select(g => new
        {
            year = int.Parse(g.Key, System.Globalization.CultureInfo.InvariantCulture),
            count = g.Count,
            requested = g.Measures[StatisticsMeasures.Requested],
            approved = g.Measures[StatisticsMeasures.Approved],
            paid = g.Measures[StatisticsMeasures.Paid],
        });
        body["byKind"] = report.ByKind.Select(g => new
        {
            kind = g.Key,
            label = StatisticsLabels.Kind(g.Key, language),
            count = g.Count,
            requested = g.Measures[StatisticsMeasures.Requested],
            approved = g.Measures[StatisticsMeasures.Approved],
            paid = g.Measures[StatisticsMeasures.Paid],
        });
    }

    private static void SourceSectorPlaceAndProgrammeBreakdowns(Dictionary<string, object?> body, StatisticsReport report, Language language)
    {
        body["byFundingSource"] = report.ByFundingSource.Select(g => new
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
            counterpart = g.Measures[StatisticsMeasures.Counterpart],
            approvedCounterpart = g.Measures[StatisticsMeasures.ApprovedCounterpart],
        });
        body["bySector"] = report.BySector.Select(g => new { sectorCode = StatisticsLabels.SectorCode(g.Key), sector = StatisticsLabels.Sector(g.Key, g.Label, language), count = g.Count });
        body["byCommune"] = report.ByCommune.Select(g => new
        {
            province = StatisticsLabels.ProvinceCode(g.Key),
            provinceName = StatisticsLabels.ProvinceOfCommune(g.Key, language),
            commune = g.Label,
            count = g.Count,
        });
        body["programmes"] = report.ByProgramme.Select(g => new
        {
            programmeId = g.Key.Length == 0 ? null : g.Key,
            count = g.Count,
            requested = g.Measures[StatisticsMeasures.Requested],
            approved = g.Measures[StatisticsMeasures.Approved],
            paid = g.Measures[StatisticsMeasures.Paid],
        });
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
