using KhuyenCong.Application.Documents;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Functions.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Functions.Documents;

/// <summary>
/// A proposal's official documents (docs/api.md, "Văn bản"): generate one of a kind from the current template and the
/// proposal's facts (409 naming why when its facts do not exist yet), list them, download them, and upload each one's
/// signed scan. Officers only. The staff-route prologue is the current one of the other staff routes (role, then body).
/// </summary>
public sealed partial class ProposalDocumentFunctions(
    DocumentCatalog catalog,
    ProposalDocuments documents,
    IProposalRepository proposals,
    IOptions<DocumentsOptions> options,
    TimeProvider time,
    ILogger<ProposalDocumentFunctions> logger)
{
    public const int MaxNumber = 50;

    /// <summary>
    /// <c>POST /api/proposals/{id}/documents/{kind}</c>: generates the document; body empty or JSON
    /// <c>{"number": "…", "date": "yyyy-MM-dd"}</c> to set its number and date. 201 with its record.
    /// </summary>
    [Function(nameof(GenerateDocument))]
    public async Task<IActionResult> GenerateDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/proposals/{id}/documents/{kind}")] HttpRequest request,
        string id,
        string kind,
        CancellationToken cancellationToken)
    {
        var language = RequestLanguage.From(request);
        var en = language == Language.English;
        var staff = StaffAccess.Require(request, StaffRoles.Officer, out var denied);
        if (staff is null)
        {
            return StaffAccess.Denied(denied, language);
        }

        var documentKind = catalog.Find(kind);
        if (documentKind is null)
        {
            return DocumentHttp.UnknownKind(catalog, language);
        }

        var (overrides, problem) = await ReadOverridesAsync(request, language, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var result = await documents.GenerateAsync(documentKind, id, overrides!, staff.Name, cancellationToken);
        if (result.Refusal is { } refusal)
        {
            return Problems.Status(refusal.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict,
                en ? refusal.English : refusal.Vietnamese, language);
        }

        var document = result.Document!;
        LogGenerated(logger, id, documentKind.Info.Code, document.Id);
        return new CreatedResult($"/api/proposals/{Uri.EscapeDataString(id)}/documents/{document.Id}/file", DocumentHttp.Json(document, catalog));
    }

    /// <summary><c>GET /api/proposals/{id}/documents</c>: the proposal's documents, newest first.</summary>
    [Function(nameof(ListDocuments))]
    public async Task<IActionResult> ListDocuments(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/proposals/{id}/documents")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var language = RequestLanguage.From(request);
        if (StaffAccess.Require(request, StaffRoles.Officer, out var denied) is null)
        {
            return StaffAccess.Denied(denied, language);
        }

        if (await proposals.GetAsync(id, cancellationToken) is null)
        {
            return NoProposal(language);
        }

        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new OkObjectResult((await documents.ListAsync(id, cancellationToken)).Select(d => DocumentHttp.Json(d, catalog)));
    }

    /// <summary><c>GET /api/proposals/{id}/documents/{documentId}/file</c>: the generated .docx, as a download.</summary>
    [Function(nameof(DownloadDocument))]
    public async Task<IActionResult> DownloadDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/proposals/{id}/documents/{documentId}/file")] HttpRequest request,
        string id,
        string documentId,
        CancellationToken cancellationToken)
    {
        var (_, document, refusal) = await OfficerDocumentAsync(request, id, documentId, cancellationToken);
        return refusal ?? DocumentHttp.File(request, await documents.OpenAsync(document!, cancellationToken), ProposalDocuments.DocxContentType, document!.FileName);
    }

    /// <summary>
    /// <c>PUT /api/proposals/{id}/documents/{documentId}/signed</c>, body the scan (PDF, JPEG or PNG, recognised by its
    /// content): stores the signed scan next to the document, replacing an earlier one. 200 with the document's record.
    /// </summary>
    [Function(nameof(UploadSignedScan))]
    public async Task<IActionResult> UploadSignedScan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/proposals/{id}/documents/{documentId}/signed")] HttpRequest request,
        string id,
        string documentId,
        CancellationToken cancellationToken)
    {
        var (staff, document, refusal) = await OfficerDocumentAsync(request, id, documentId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var language = RequestLanguage.From(request);
        var max = options.Value.MaxScanBytes;
        var content = await DocumentHttp.ReadBodyAsync(request, max, cancellationToken);
        var (updated, problem) = content is null ? (null, ScanProblem.TooLarge) : await documents.UploadSignedAsync(document!, content, staff!.Name, cancellationToken);
        return problem switch
        {
            ScanProblem.TooLarge => DocumentHttp.TooLarge(max, language),
            ScanProblem.NotAScan => Problems.Field(StatusCodes.Status415UnsupportedMediaType, "file", language == Language.English
                ? "The signed scan must be a PDF, JPEG or PNG file."
                : "Bản quét có chữ ký phải là tệp PDF, JPEG hoặc PNG.", language),
            _ => new OkObjectResult(DocumentHttp.Json(updated!, catalog)),
        };
    }

    /// <summary><c>GET /api/proposals/{id}/documents/{documentId}/signed</c>: the signed scan, as a download.</summary>
    [Function(nameof(DownloadSignedScan))]
    public async Task<IActionResult> DownloadSignedScan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/proposals/{id}/documents/{documentId}/signed")] HttpRequest request,
        string id,
        string documentId,
        CancellationToken cancellationToken)
    {
        var (_, document, refusal) = await OfficerDocumentAsync(request, id, documentId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (document!.Signed is not { } scan)
        {
            var language = RequestLanguage.From(request);
            return Problems.Status(StatusCodes.Status404NotFound, language == Language.English
                ? "This document has no signed scan." : "Văn bản này chưa có bản quét có chữ ký.", language);
        }

        return DocumentHttp.File(request, await documents.OpenSignedAsync(document, cancellationToken), scan.ContentType, scan.FileName);
    }

    /// <summary>The officer and the proposal's document, or the 401, 403 or 404 to answer.</summary>
    private async Task<(StaffPrincipal? Staff, GeneratedDocument? Document, IActionResult? Refusal)> OfficerDocumentAsync(
        HttpRequest request, string id, string documentId, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.From(request);
        var staff = StaffAccess.Require(request, StaffRoles.Officer, out var denied);
        if (staff is null)
        {
            return (null, null, StaffAccess.Denied(denied, language));
        }

        var document = await documents.GetAsync(id, documentId, cancellationToken);
        return document is null
            ? (staff, null, Problems.Status(StatusCodes.Status404NotFound, language == Language.English ? "No such document." : "Không có văn bản này.", language))
            : (staff, document, null);
    }

    /// <summary>The number and date an officer set (none with an empty body), or the 400/415 to answer.</summary>
    private async Task<(DocumentOverrides? Overrides, IActionResult? Problem)> ReadOverridesAsync(HttpRequest request, Language language, CancellationToken cancellationToken)
    {
        var en = language == Language.English;
        if (request.ContentLength == 0 || (request.ContentLength is null && string.IsNullOrEmpty(request.ContentType)))
        {
            return (DocumentOverrides.None, null);
        }

        if (request.HasFormContentType)
        {
            return (null, Problems.Field(StatusCodes.Status415UnsupportedMediaType, "body", en
                ? "Send a JSON object, or no body." : "Nội dung gửi lên phải là một đối tượng JSON hoặc để trống.", language));
        }

        var body = await RequestBody.ReadAtMostAsync(request.Body, StaffEndpoint.MaxJsonBytes, cancellationToken);
        var input = body is null ? null : ActionInput.FromJson(body);
        if (input is null)
        {
            return (null, Problems.Field(StatusCodes.Status400BadRequest, "body", en
                ? "Send a JSON object, or no body." : "Nội dung gửi lên phải là một đối tượng JSON hoặc để trống.", language));
        }

        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var raw = input.Text("number");
        var number = raw is null ? null : VietnameseText.Normalize(raw);
        if (input.HasWrongType("number") || (raw is not null && (string.IsNullOrEmpty(number) || number.Length > MaxNumber || VietnameseText.HasForbiddenCharacters(raw))))
        {
            errors["number"] = [en ? "The number is text of at most 50 characters, for example 07/BB-TTKC." : "Số văn bản tối đa 50 ký tự, ví dụ 07/BB-TTKC."];
        }

        DateOnly? date = null;
        if (input.Text("date") is not null || input.HasWrongType("date"))
        {
            var today = VietnamTime.Today(time);
            if (!input.TryDate("date", out var parsed) || parsed.Year < 2000 || parsed > today.AddYears(1))
            {
                errors["date"] = [en ? "Enter the document's date as yyyy-MM-dd, at most a year ahead." : "Vui lòng nhập ngày văn bản theo dạng yyyy-MM-dd, không quá một năm sau hôm nay."];
            }
            else
            {
                date = parsed;
            }
        }

        return errors.Count > 0 ? (null, Problems.Fields(errors, language)) : (new DocumentOverrides(number, date), null);
    }

    private static IActionResult NoProposal(Language language) =>
        Problems.Status(StatusCodes.Status404NotFound, language == Language.English ? "No such proposal." : "Không có đề án này.", language);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Proposal {ProposalId}: document {Kind} generated ({DocumentId})")]
    private static partial void LogGenerated(ILogger logger, string proposalId, string kind, string documentId);
}
