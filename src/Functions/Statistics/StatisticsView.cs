using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Functions.Statistics;

/// <summary>The statistics report as JSON, table rows (exports) and labels, in Vietnamese or English.</summary>
public static class StatisticsView
{
    public static string KindLabel(string code, Language language) =>
        ProposalCatalog.TryParseKind(code, out var kind) ? kind.DisplayName(language) : code;

    public static string SourceLabel(string code, Language language) =>
        ProposalCatalog.TryParseFundingSource(code, out var source) ? source.DisplayName(language) : code;

    public static string ProvinceLabel(string code, Language language) =>
        ProvinceCatalog.FindCurrent(code) is { } p ? (language == Language.English ? p.EnglishName : p.Name) : code;

    public static string ProgrammeLabel(string id, Language language) =>
        id.Length == 0 ? (language == Language.English ? "(no programme)" : "(chưa gắn chương trình)") : id;

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
                label = KindLabel(g.Key, language),
                count = g.Count,
                requested = g.Measures[StatisticsMeasures.Requested],
                approved = g.Measures[StatisticsMeasures.Approved],
                paid = g.Measures[StatisticsMeasures.Paid],
            }),
            byFundingSource = report.ByFundingSource.Select(g => new
            {
                fundingSource = g.Key,
                label = SourceLabel(g.Key, language),
                count = g.Count,
                requested = g.Measures[StatisticsMeasures.Requested],
                approved = g.Measures[StatisticsMeasures.Approved],
                paid = g.Measures[StatisticsMeasures.Paid],
                paidDirect = g.Measures[StatisticsMeasures.PaidDirect],
                directShare = StatisticsReport.Ratio(g.Measures[StatisticsMeasures.PaidDirect], g.Measures[StatisticsMeasures.Paid]),
                disbursementRate = StatisticsReport.Ratio(g.Measures[StatisticsMeasures.Paid], g.Measures[StatisticsMeasures.Approved]),
            }),
            bySector = report.BySector.Select(g => new { sectorCode = SectorCode(g.Key), sector = SectorLabel(g.Key, g.Label, language), count = g.Count }),
            byCommune = report.ByCommune.Select(g =>
            {
                var province = g.Key[..g.Key.IndexOf('|', StringComparison.Ordinal)];
                return new { province, provinceName = ProvinceLabel(province, language), commune = g.Label, count = g.Count };
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

    /// <summary>The listed sector group a cell's sector key names, or null for a free-text ("other") key.</summary>
    public static string? SectorCode(string key) =>
        Domain.Sectors.SectorCatalog.TryParse(key, out var sector) && !sector.FreeText ? sector.Code : null;

    /// <summary>A sector group's short name for a listed key, otherwise the text as recorded.</summary>
    public static string SectorLabel(string key, string label, Language language) =>
        Domain.Sectors.SectorCatalog.TryParse(key, out var sector) && !sector.FreeText ? sector.ShortName(language) : label;

    /// <summary>The header of the export table.</summary>
    public static IReadOnlyList<string> ExportHeader(Language language) => language == Language.English
        ? ["Breakdown", "Group", "Proposals", "Requested (VND)", "Approved (VND)", "Paid (VND)", "Paid directly to establishments (VND)", "Trainees (planned)", "Jobs (planned)",
            "Trainees (actual)", "Jobs (actual)", "Models built", "Products certified", "Beneficiary establishments"]
        : ["Thống kê theo", "Nhóm", "Số đề án", "Kinh phí đề nghị (đồng)", "Kinh phí phê duyệt (đồng)", "Đã thanh toán (đồng)", "Thanh toán trực tiếp cho cơ sở (đồng)",
            "Số người được đào tạo (dự kiến)", "Số việc làm (dự kiến)", "Số người được đào tạo (thực tế)", "Số việc làm (thực tế)", "Số mô hình đã xây dựng", "Số sản phẩm được công nhận",
            "Số lượt cơ sở thụ hưởng"];

    /// <summary>The export table's rows: the totals, then every breakdown (numbers as numbers, text as text).</summary>
    public static IReadOnlyList<object?[]> ExportRows(StatisticsReport report, Language language)
    {
        ArgumentNullException.ThrowIfNull(report);
        string L(string vi, string en) => language == Language.English ? en : vi;
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
        report.ByKind.ToList().ForEach(g => Add(L("Nội dung", "Kind"), KindLabel(g.Key, language), g.Measures));
        report.ByFundingSource.ToList().ForEach(g => Add(L("Nguồn kinh phí", "Funding source"), SourceLabel(g.Key, language), g.Measures));
        report.BySector.ToList().ForEach(g => Add(L("Lĩnh vực", "Sector"), SectorLabel(g.Key, g.Label, language), g.Measures));
        report.ByCommune.ToList().ForEach(g => Add(L("Xã, phường", "Commune"),
            g.Label + ", " + ProvinceLabel(g.Key[..g.Key.IndexOf('|', StringComparison.Ordinal)], language), g.Measures));
        report.ByProgramme.ToList().ForEach(g => Add(L("Chương trình", "Programme"), ProgrammeLabel(g.Key, language), g.Measures));
        return rows;
    }
}
