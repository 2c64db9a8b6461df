using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Exchange;

/// <summary>What an export asks for, as the query writes it: <c>format</c> (csv, xlsx), <c>year</c> or <c>from</c>/<c>to</c>, and the list's filters.</summary>
public sealed record ExportRequest(string? Format, string? Year, string? From, string? To, string? Status, string? Kind, string? FundingSource, string? Q)
{
    public static readonly Bilingual FormatInvalid = new("Định dạng phải là csv hoặc xlsx.", "format must be csv or xlsx.");

    public static readonly Bilingual YearAndRange = new("Chỉ chọn năm hoặc khoảng từ năm đến năm, không chọn cả hai.", "Give either year or from/to, not both.");

    public static readonly Bilingual FromAfterTo = new("Năm bắt đầu không được sau năm kết thúc.", "from must not be after to.");

    public static readonly Bilingual TooManyYears = new($"Mỗi lần xuất tối đa {ProposalExportQuery.MaxYears} năm.", $"An export covers at most {ProposalExportQuery.MaxYears} years.");

    /// <summary>
    /// The export's format and query. Without years, from this year (in Vietnam) back to the one given; with one year,
    /// that year; a range covers at most <see cref="ProposalExportQuery.MaxYears"/> years.
    /// </summary>
    public Decision<(SpreadsheetFormat Format, ProposalExportQuery Query)> Parse(TimeProvider time)
    {
        var errors = new BilingualErrors();
        var format = ParseFormat(errors);
        var year = YearOf("year", Year, errors);
        var from = YearOf("from", From, errors);
        var to = YearOf("to", To, errors);
        var (status, kind, source, terms) = (ProposalFilters.Status(Status, errors), ProposalFilters.Kind(Kind, errors), ProposalFilters.FundingSource(FundingSource, errors), ProposalFilters.Terms(Q, errors));
        if (year is not null && (from is not null || to is not null))
        {
            errors.Add("year", YearAndRange);
        }

        var thisYear = VietnamTime.Today(time).Year;
        var fromYear = year ?? from ?? to ?? thisYear;
        var toYear = year ?? to ?? Math.Max(fromYear, thisYear);
        if (fromYear > toYear)
        {
            errors.Add("from", FromAfterTo);
        }
        else if (toYear - fromYear + 1 > ProposalExportQuery.MaxYears)
        {
            errors.Add("to", TooManyYears);
        }

        return errors.IsEmpty
            ? Decision<(SpreadsheetFormat, ProposalExportQuery)>.Done((format, new ProposalExportQuery(fromYear, toYear, status, kind, source, terms)))
            : Decision<(SpreadsheetFormat, ProposalExportQuery)>.Invalid(errors);
    }

    private SpreadsheetFormat ParseFormat(BilingualErrors errors)
    {
        switch (Format?.Trim().ToLowerInvariant())
        {
            case null or "" or "csv":
                return SpreadsheetFormat.Csv;
            case "xlsx":
                return SpreadsheetFormat.Xlsx;
            default:
                errors.Add("format", FormatInvalid);
                return SpreadsheetFormat.Csv;
        }
    }

    private static int? YearOf(string name, string? text, BilingualErrors errors) =>
        ProposalFilters.Number(name, text, 2000, 2100, new("Năm phải từ 2000 đến 2100.", name + " must be a year between 2000 and 2100."), errors);
}
