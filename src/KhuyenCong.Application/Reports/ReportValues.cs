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
            .Set("report.actualTrainees", Number(figures.ActualTrainees))
            .Set("report.actualJobs", Number(figures.ActualJobs))
            .Set("report.modelsBuilt", Number(figures.ModelsBuilt))
            .Set("report.productsCertified", Number(figures.ProductsCertified))
            .Set("report.beneficiaries", Number(figures.Beneficiaries))
            .Set("report.paidInPeriod", OfficialFormat.Money(figures.PaidInPeriod))
            .Set("report.planYears", figures.PlanYears)
            .Set("report.planned", figures.Planned?.Total is { } planned ? OfficialFormat.Money(planned) : "—")
            .Set("report.counterpart", OfficialFormat.Money(figures.ApprovedCounterpart));
        foreach (var table in figures.Tables.Concat(figures.CountTables))
        {
            values.SetRows(table.Name, table.Lines.Select((line, i) => Row(i + 1, table.Keys, line)).ToList());
        }

        return values.SetRows("targets", figures.Targets.Select((t, i) => Target(i + 1, t)).ToList());
    }

    /// <summary>1.234.567 (Vietnamese thousands separator).</summary>
    public static string Number(long value) => DisplayFormat.Amount(value, Language.Vietnamese);

    /// <summary>1.234.567, or "—" where the table has no such figure.</summary>
    public static string Number(long? value) => value is { } v ? Number(v) : "—";

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

    /// <summary>A table's row: its number, label and each figure under the template's name of its column.</summary>
    private static IReadOnlyDictionary<string, string> Row(int index, IReadOnlyList<string> keys, ReportLine line)
    {
        var row = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["index"] = index.ToString(CultureInfo.InvariantCulture),
            ["label"] = line.Label,
        };
        for (var i = 0; i < keys.Count; i++)
        {
            row[keys[i]] = Number(line.Figures[i]);
        }

        return row;
    }
}
