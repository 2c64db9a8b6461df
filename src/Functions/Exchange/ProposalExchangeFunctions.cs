using KhuyenCong.Application.Exchange;
using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
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
        staff.ReadAsync(request, StaffRoles.Officer, c =>
        {
            var q = request.Query;
            return new ExportRequest(q["format"], q["year"], q["from"], q["to"], q["status"], q["kind"], q["fundingSource"], q["q"]).Parse(time)
                .AnswerAsync(c.Language, asked => DownloadAsync(c, asked.Format, asked.Query, cancellationToken));
        });

    private async Task<IActionResult> DownloadAsync(StaffRequest c, SpreadsheetFormat format, ProposalExportQuery query, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await export.WriteAsync(buffer, format, query, cancellationToken);
        c.NoStore();
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
        staff.FileAsync(request, StaffRoles.Officer, new StaffFileRule(import.Limits.MaxImportBytes, ImportMediaTypes), async (c, content) =>
        {
            // The function's token (the host stopping) and the client's (a disconnect) both stop the parse.
            using var aborted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, request.HttpContext.RequestAborted);
            var outcome = await import.ImportAsync(content, c.Staff.Actor, c.Language, aborted.Token);
            if (outcome is ImportCompleted)
            {
                c.NoStore();
            }

            return ImportAnswers.Answer(outcome, c.Language);
        }, cancellationToken);
}
