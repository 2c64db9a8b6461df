using System.Globalization;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Reports;

/// <summary>The values of the <c>periodic-report</c> template (docs/documents.md): figures formatted as official documents write them.</summary>
public static class ReportValues
{
    public static DocumentValues Of(PeriodicReportFigures figures, string recipient, string filters)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var values = new DocumentValues()
            .Set("report.title", figures.Period.Title.Vietnamese)
            .Set("report.range", figures.Period.Range.Vietnamese)
            .Set("report.basis", figures.Basis == ReportBasis.PlanYear
                ? "Đề án thuộc kế hoạch năm " + figures.Period.Year.ToString(CultureInfo.InvariantCulture)
                : "Đề án có ngày quyết định phê duyệt trong kỳ")
            .Set("report.recipient", recipient)
            .Set("report.filters", filters)
            .Set("report.proposals", Number(figures.Proposals))
            .Set("report.approvedCount", Number(figures.ApprovedCount))
            .Set("report.requested", OfficialFormat.Money(figures.Requested))
            .Set("report.approved", OfficialFormat.Money(figures.Approved))
            .Set("report.paid", OfficialFormat.Money(figures.Paid))
            .Set("report.disbursement", figures.Report.DisbursementRate is { } rate ? DisplayFormat.Percent(rate * 100, Language.Vietnamese) + " %" : "—")
            .Set("report.trainees", Number(figures.Trainees))
            .Set("report.jobs", Number(figures.Jobs))
            .Set("report.models", Number(figures.Models))
            .Set("report.products", Number(figures.Products))
            .Set("report.beneficiaries", Number(figures.Beneficiaries))
            .Set("report.paidInPeriod", OfficialFormat.Money(figures.PaidInPeriod));
        foreach (var table in figures.Tables)
        {
            values.SetRows(table.Name, table.Lines.Select((line, i) => Row(i + 1, line)).ToList());
        }

        foreach (var table in figures.CountTables)
        {
            values.SetRows(table.Name, table.Lines.Select((line, i) => CountRow(i + 1, line)).ToList());
        }

        return values.SetRows("targets", figures.Targets.Select((t, i) => Target(i + 1, t)).ToList());
    }

    /// <summary>1.234.567 (Vietnamese thousands separator).</summary>
    public static string Number(long value) => DisplayFormat.Amount(value, Language.Vietnamese);

    private static IReadOnlyDictionary<string, string> Target(int index, ReportTargetLine line) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["index"] = index.ToString(CultureInfo.InvariantCulture),
        ["programme"] = line.Programme,
        ["target"] = line.Target,
        ["unit"] = line.Unit,
        ["goal"] = Number(line.Goal),
        ["actual"] = line.Actual is { } a ? Number(a) : "—",
        ["share"] = line.Share is { } share ? DisplayFormat.Percent(share * 100, Language.Vietnamese) + " %" : "—",
    };

    private static IReadOnlyDictionary<string, string> CountRow(int index, ReportLine line) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["index"] = index.ToString(CultureInfo.InvariantCulture),
        ["label"] = line.Label,
        ["value"] = Number(line.Figures[0]),
    };

    private static IReadOnlyDictionary<string, string> Row(int index, ReportLine line) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["index"] = index.ToString(CultureInfo.InvariantCulture),
        ["label"] = line.Label,
        ["count"] = Number(line.Figures[0]),
        ["approvedCount"] = Number(line.Figures[1]),
        ["requested"] = Number(line.Figures[2]),
        ["approved"] = Number(line.Figures[3]),
        ["paid"] = Number(line.Figures[4]),
    };
}
