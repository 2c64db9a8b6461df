using System.Globalization;
using KhuyenCong.Application.Exchange;
using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Functions.Proposals;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Exchange;

/// <summary>Export and import of proposals in the exchange file (docs/import.md): thin triggers over Application.Exchange.</summary>
public sealed class ProposalExchangeFunctions(ProposalExport export, ProposalImport import, StaffEndpoint staff, TimeProvider time)
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The types a raw import body may be sent as (the content decides between CSV and XLSX).</summary>
    public static readonly IReadOnlyList<string> ImportMediaTypes = ["text/csv", "application/csv", "application/vnd.ms-excel", XlsxContentType, "application/octet-stream"];

    /// <summary>
    /// <c>GET /api/proposals/export?format=csv|xlsx</c> (officer): the filters of <c>GET /api/proposals</c> (<c>year</c>,
    /// <c>status</c>, <c>kind</c>, <c>fundingSource</c>, <c>q</c>) or a range of years <c>from</c>/<c>to</c>; a download.
    /// </summary>
    [Function(nameof(ExportProposals))]
    public Task<IActionResult> ExportProposals(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/proposals/export")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, StaffRoles.Officer, c => ExportAsync(c, cancellationToken));

    private async Task<IActionResult> ExportAsync(StaffRequest c, CancellationToken cancellationToken)
    {
        var (request, language, en) = (c.Http, c.Language, c.En);
        var filters = new ProposalFilterReader(request, language);
        var format = SpreadsheetFormat.Csv;
        switch (request.Query["format"].ToString().Trim().ToLowerInvariant())
        {
            case "" or "csv":
                break;
            case "xlsx":
                format = SpreadsheetFormat.Xlsx;
                break;
            default:
                filters.Errors["format"] = [en ? "format must be csv or xlsx." : "Định dạng phải là csv hoặc xlsx."];
                break;
        }

        const string yearVi = "Năm phải từ 2000 đến 2100.";
        const string yearEn = "must be a year between 2000 and 2100.";
        var year = filters.Number("year", 2000, 2100, yearVi, "year " + yearEn);
        var from = filters.Number("from", 2000, 2100, yearVi, "from " + yearEn);
        var to = filters.Number("to", 2000, 2100, yearVi, "to " + yearEn);
        var thisYear = VietnamTime.Today(time).Year;
        var status = filters.Status();
        var kind = filters.Kind();
        var source = filters.FundingSource();
        var terms = filters.Terms();
        if (year is not null && (from is not null || to is not null))
        {
            filters.Errors["year"] = [en ? "Give either year or from/to, not both." : "Chỉ chọn năm hoặc khoảng từ năm đến năm, không chọn cả hai."];
        }

        var fromYear = year ?? from ?? to ?? thisYear;
        var toYear = year ?? to ?? Math.Max(fromYear, thisYear);
        if (fromYear > toYear)
        {
            filters.Errors["from"] = [en ? "from must not be after to." : "Năm bắt đầu không được sau năm kết thúc."];
        }
        else if (toYear - fromYear + 1 > ProposalExportQuery.MaxYears)
        {
            filters.Errors["to"] = [en
                ? $"An export covers at most {ProposalExportQuery.MaxYears} years."
                : $"Mỗi lần xuất tối đa {ProposalExportQuery.MaxYears} năm."];
        }

        if (filters.Errors.Count > 0)
        {
            return Problems.Fields(filters.Errors, language);
        }

        var query = new ProposalExportQuery(fromYear, toYear, status, kind, source, terms);
        using var buffer = new MemoryStream();
        await export.WriteAsync(buffer, format, query, cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        // FileContentResult writes Content-Disposition: attachment with the (ASCII) file name.
        return new FileContentResult(buffer.ToArray(), format == SpreadsheetFormat.Xlsx ? XlsxContentType : "text/csv; charset=utf-8")
        {
            FileDownloadName = ProposalExport.FileName(query, format),
        };
    }

    /// <summary>
    /// <c>POST /api/import/proposals</c> (officer or admin): a CSV or XLSX file in the export's columns, as the raw body
    /// or as the one file of a multipart form. 201 with what was stored, 200 when everything was already imported,
    /// 422 with row errors (nothing stored); a file refused before its rows are checked (docs/import.md, limits):
    /// 413 over a limit (size, rows with blank ones, zip entries, unpacked size, compression ratio, cell length),
    /// 422 when malformed (damaged, a DTD, columns beyond the template, a quote never closed), 415 for another kind of file.
    /// </summary>
    [Function(nameof(ImportProposals))]
    public Task<IActionResult> ImportProposals(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/import/proposals")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.FileAsync(request, StaffRoles.Officer, new StaffFileRule(import.Limits.MaxImportBytes, ImportMediaTypes),
            (c, content) => ImportAsync(c, content, cancellationToken), cancellationToken);

    private async Task<IActionResult> ImportAsync(StaffRequest c, byte[] content, CancellationToken cancellationToken)
    {
        var (request, language, en) = (c.Http, c.Language, c.En);
        var maxBytes = import.Limits.MaxImportBytes;
        var tooLarge = Problems.Status(StatusCodes.Status413PayloadTooLarge, en
            ? $"The file is larger than {DisplayFormat.Amount(maxBytes / 1024, language)} KB."
            : $"Tệp lớn hơn {DisplayFormat.Amount(maxBytes / 1024, language)} KB.", language);
        if (content.Length == 0)
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "file", en
                ? "Send a CSV or XLSX file (the request body, or a file in a multipart form)."
                : "Vui lòng gửi một tệp CSV hoặc XLSX (trong nội dung yêu cầu hoặc một tệp trong biểu mẫu multipart).", language);
        }

        // The function's token (the host stopping) and the client's (a disconnect) both stop the parse.
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, request.HttpContext.RequestAborted);
        var outcome = await import.ImportAsync(content, c.Staff.Actor, language, aborted.Token);
        switch (outcome)
        {
            case ImportCompleted done:
                request.HttpContext.Response.Headers.CacheControl = "no-store";
                var message = (done.Imported.Count, done.AlreadyImported.Count, en) switch
                {
                    (0, var a, false) => $"Tệp này đã được nhập trước đây: {a} đề án đã có, không có đề án mới.",
                    (0, var a, true) => $"This file was already imported: {a} proposals already stored, none new.",
                    (var n, 0, false) => $"Đã nhập {n} đề án.",
                    (var n, 0, true) => $"{n} proposals imported.",
                    (var n, var a, false) => $"Đã nhập {n} đề án; {a} dòng đã được nhập từ trước nên được giữ nguyên.",
                    (var n, var a, true) => $"{n} proposals imported; {a} rows were already imported and were left as they are.",
                };
                var body = new
                {
                    format = done.Format == SpreadsheetFormat.Xlsx ? "xlsx" : "csv",
                    imported = done.Imported.Count,
                    alreadyImported = done.AlreadyImported.Count,
                    message,
                    proposals = done.Imported.Select(p => new { p.Row, p.Id, p.TrackingCode, url = $"/api/proposals/{p.Id}" }),
                    alreadyImportedProposals = done.AlreadyImported.Select(p => new { p.Row, p.Id, p.TrackingCode, url = $"/api/proposals/{p.Id}" }),
                };
                return done.Imported.Count > 0 ? new ObjectResult(body) { StatusCode = StatusCodes.Status201Created } : new OkObjectResult(body);
            case ImportRejected rejected:
                return Problems.Extended(StatusCodes.Status422UnprocessableEntity,
                    en ? "The import file has errors." : "Tệp nhập có lỗi.",
                    en ? "Nothing was imported. Correct the rows and columns listed in rowErrors and send the file again."
                       : "Chưa đề án nào được nhập. Vui lòng sửa các dòng, cột được nêu trong rowErrors rồi gửi lại tệp.",
                    new Dictionary<string, object?>
                    {
                        ["dataRows"] = rejected.DataRows,
                        ["errorCount"] = rejected.Errors.Count,
                        ["rowErrors"] = rejected.Errors.Select(e => new { row = e.Row, column = e.Column, field = e.Field, message = e.Message }).ToList(),
                    });
            case ImportTooLarge:
                return tooLarge;
            case ImportFileRefused refused:
                return Refused(refused.Problem, language);
            case ImportConflict conflict:
                return Problems.Status(StatusCodes.Status409Conflict, en
                    ? $"Another import stored proposal {conflict.TrackingCode} at the same time; nothing of this file was imported. Send it again."
                    : $"Một lần nhập khác vừa lưu đề án {conflict.TrackingCode}; chưa đề án nào của tệp này được nhập. Vui lòng gửi lại.", language);
            default:
                return Problems.Status(StatusCodes.Status415UnsupportedMediaType, en
                    ? "The file must be a CSV (UTF-8) or an Excel .xlsx workbook in the columns of the proposal export (see docs/import.md)."
                    : "Tệp phải là CSV (mã UTF-8) hoặc sổ tính Excel .xlsx theo các cột của tệp xuất đề án (xem docs/import.md).", language);
        }
    }

    /// <summary>
    /// A file refused before its rows were checked: 415 when it is no accepted kind of file, 413 over a limit (rows,
    /// entries, unpacked size, compression ratio, cell length, text), 422 when malformed (damaged, a DTD, columns beyond
    /// the template, a quote never closed). The problem names the field <c>file</c>, says what is wrong and where, and
    /// carries its code (<c>reason</c>).
    /// </summary>
    private static IActionResult Refused(SpreadsheetProblem problem, Language language)
    {
        var status = problem.IsUnsupportedType ? StatusCodes.Status415UnsupportedMediaType
            : problem.IsOverLimit ? StatusCodes.Status413PayloadTooLarge
            : StatusCodes.Status422UnprocessableEntity;
        var message = SpreadsheetProblemMessages.Describe(problem, language);
        var title = language == Language.English ? "The import file was refused: nothing was imported." : "Tệp nhập bị từ chối: chưa đề án nào được nhập.";
        return Problems.Extended(status, title, message, new Dictionary<string, object?>
        {
            ["reason"] = problem.Code,
            ["errors"] = new Dictionary<string, IReadOnlyList<string>> { ["file"] = [message] },
        });
    }
}
