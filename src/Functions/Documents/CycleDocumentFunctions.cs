using KhuyenCong.Application.Documents;
using KhuyenCong.Application.Identity;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Functions.Documents;

/// <summary>
/// The documents of a call (<c>/api/calls/{id}/documents</c>: the tờ trình, the draft plan decision) and of a council
/// (<c>/api/councils/{id}/documents</c>: its establishing decision, its session's minutes), officers only, through
/// <see cref="StaffEndpoint"/>: generate one of a kind (<see cref="DocumentGeneration"/>: 409 naming why before its
/// facts exist, or when the kind is another page's), list them, download them, upload each one's signed scan. The
/// call's and council's pages post the same routes as HTML forms and are sent back to the page.
/// </summary>
public sealed partial class CycleDocumentFunctions(
    DocumentCatalog catalog,
    CycleDocuments listing,
    ProposalDocuments files,
    DocumentGeneration generation,
    SignedScanUpload scans,
    StaffEndpoint staff,
    IOptions<DocumentsOptions> options,
    ILogger<CycleDocumentFunctions> logger)
{
    /// <summary><c>POST /api/calls/{id}/documents/{kind}</c> (<c>selection-submission</c>, <c>plan-decision</c>): 201 with the record.</summary>
    [Function(nameof(GenerateCallDocument))]
    public Task<IActionResult> GenerateCallDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/calls/{id}/documents/{kind}")] HttpRequest request, string id, string kind,
        CancellationToken cancellationToken) =>
        GenerateAsync(request, DocumentSubject.Call, id, kind, cancellationToken);

    /// <summary><c>POST /api/councils/{id}/documents/{kind}</c> (<c>council-decision</c>, <c>council-minutes</c>): 201 with the record.</summary>
    [Function(nameof(GenerateCouncilDocument))]
    public Task<IActionResult> GenerateCouncilDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/councils/{id}/documents/{kind}")] HttpRequest request, string id, string kind,
        CancellationToken cancellationToken) =>
        GenerateAsync(request, DocumentSubject.Council, id, kind, cancellationToken);

    /// <summary><c>GET /api/calls/{id}/documents</c>: the call's documents, newest first.</summary>
    [Function(nameof(ListCallDocuments))]
    public Task<IActionResult> ListCallDocuments(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/calls/{id}/documents")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        ListAsync(request, DocumentSubject.Call, id, cancellationToken);

    /// <summary><c>GET /api/councils/{id}/documents</c>: the council's documents, newest first.</summary>
    [Function(nameof(ListCouncilDocuments))]
    public Task<IActionResult> ListCouncilDocuments(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/councils/{id}/documents")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        ListAsync(request, DocumentSubject.Council, id, cancellationToken);

    /// <summary><c>GET /api/calls/{id}/documents/{documentId}/file</c>: the generated .docx.</summary>
    [Function(nameof(DownloadCallDocument))]
    public Task<IActionResult> DownloadCallDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/calls/{id}/documents/{documentId}/file")] HttpRequest request, string id, string documentId,
        CancellationToken cancellationToken) =>
        DownloadAsync(request, DocumentSubject.Call, id, documentId, signed: false, cancellationToken);

    /// <summary><c>GET /api/calls/{id}/documents/{documentId}/signed</c>: its signed scan.</summary>
    [Function(nameof(DownloadCallSignedScan))]
    public Task<IActionResult> DownloadCallSignedScan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/calls/{id}/documents/{documentId}/signed")] HttpRequest request, string id, string documentId,
        CancellationToken cancellationToken) =>
        DownloadAsync(request, DocumentSubject.Call, id, documentId, signed: true, cancellationToken);

    /// <summary><c>GET /api/councils/{id}/documents/{documentId}/file</c>: the generated .docx.</summary>
    [Function(nameof(DownloadCouncilDocument))]
    public Task<IActionResult> DownloadCouncilDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/councils/{id}/documents/{documentId}/file")] HttpRequest request, string id, string documentId,
        CancellationToken cancellationToken) =>
        DownloadAsync(request, DocumentSubject.Council, id, documentId, signed: false, cancellationToken);

    /// <summary><c>GET /api/councils/{id}/documents/{documentId}/signed</c>: its signed scan.</summary>
    [Function(nameof(DownloadCouncilSignedScan))]
    public Task<IActionResult> DownloadCouncilSignedScan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/councils/{id}/documents/{documentId}/signed")] HttpRequest request, string id, string documentId,
        CancellationToken cancellationToken) =>
        DownloadAsync(request, DocumentSubject.Council, id, documentId, signed: true, cancellationToken);

    /// <summary>
    /// <c>PUT</c> (the API) or <c>POST</c> (the page's multipart form) <c>/api/calls/{id}/documents/{documentId}/signed</c>:
    /// the signed scan (PDF, JPEG or PNG by its content), stored next to the document; 200 with the record, 415 naming
    /// <c>file</c> for other content. A form is sent back to the page.
    /// </summary>
    [Function(nameof(UploadCallSignedScan))]
    public Task<IActionResult> UploadCallSignedScan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", "post", Route = "api/calls/{id}/documents/{documentId}/signed")] HttpRequest request, string id,
        string documentId, CancellationToken cancellationToken) =>
        UploadAsync(request, DocumentSubject.Call, id, documentId, cancellationToken);

    /// <summary><c>PUT</c> or <c>POST /api/councils/{id}/documents/{documentId}/signed</c>: as for a call's document.</summary>
    [Function(nameof(UploadCouncilSignedScan))]
    public Task<IActionResult> UploadCouncilSignedScan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", "post", Route = "api/councils/{id}/documents/{documentId}/signed")] HttpRequest request, string id,
        string documentId, CancellationToken cancellationToken) =>
        UploadAsync(request, DocumentSubject.Council, id, documentId, cancellationToken);

    private Task<IActionResult> DownloadAsync(HttpRequest request, DocumentSubject subject, string id, string documentId, bool signed, CancellationToken cancellationToken) =>
        staff.ReadAsync(request, StaffRoles.Officer, async c => (await files.OpenAsync(DocumentSubjects.Key(subject, id), documentId, signed, cancellationToken))
            .Answer(c.Language, file => AttachmentDownload.Result(c.Http, file.FileName, file.ContentType, file.Content)));

    private async Task<IActionResult> UploadAsync(HttpRequest request, DocumentSubject subject, string id, string documentId, CancellationToken cancellationToken)
    {
        var key = DocumentSubjects.Key(subject, id);
        var result = await staff.FileAsync(request, StaffRoles.Officer, new StaffFileRule(options.Value.MaxScanBytes, DocumentAnswers.ScanMediaTypes), async (c, content) =>
            (await scans.UploadAsync(key, documentId, content, c.Staff.Actor, cancellationToken)).Answer(c.Language, d => new OkObjectResult(DocumentAnswers.Json(d, catalog)), DocumentAnswers.NotAScan),
            cancellationToken);
        return CycleDocumentPages.FormAnswer(request, subject, id, result);
    }

    private Task<IActionResult> GenerateAsync(HttpRequest request, DocumentSubject subject, string id, string kind, CancellationToken cancellationToken)
    {
        var page = CycleDocumentPages.Page(StaffLinks.From(request, RequestLanguage.From(request)), subject, id);
        return RequestBody.HasContent(request)
            ? staff.FormOrJsonAsync(request, StaffRoles.Officer, page, _ => page, (c, fields) =>
                GenerateAsync(c, subject, id, kind, new DocumentOrder(fields.Field("number"), fields.Field("date")), cancellationToken), cancellationToken)
            : staff.WriteAsync(request, StaffRoles.Officer, c => GenerateAsync(c, subject, id, kind, DocumentOrder.Defaults, cancellationToken), cancellationToken);
    }

    private async Task<IActionResult> GenerateAsync(StaffRequest c, DocumentSubject subject, string id, string kind, DocumentOrder order, CancellationToken cancellationToken)
    {
        if (catalog.Find(kind) is not { } documentKind)
        {
            return DocumentAnswers.UnknownKind(catalog, c.Language);
        }

        var decision = await generation.GenerateAsync(documentKind, subject, id, order, c.Staff.Actor, cancellationToken);
        return decision.Answer(c.Language, document =>
        {
            LogGenerated(logger, subject.ToString(), documentKind.Info.Code, document.Id);
            return new CreatedResult(DocumentAnswers.FileUrl(document), DocumentAnswers.Json(document, catalog));
        });
    }

    private Task<IActionResult> ListAsync(HttpRequest request, DocumentSubject subject, string id, CancellationToken cancellationToken) =>
        staff.ReadAsync(request, StaffRoles.Officer, async c =>
        {
            c.NoStore();
            return (await listing.ListAsync(subject, id, cancellationToken)).Answer(c.Language, list => new OkObjectResult(list.Select(d => DocumentAnswers.Json(d, catalog))));
        });

    [LoggerMessage(EventId = 6011, Level = LogLevel.Information, Message = "{Subject} document {Kind} generated ({DocumentId})")]
    private static partial void LogGenerated(ILogger logger, string subject, string kind, string documentId);
}
