using KhuyenCong.Application.Documents;
using KhuyenCong.Application.Identity;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Functions.Documents;

/// <summary>
/// A proposal's official documents (docs/api.md, "Văn bản"), officers only, through the staff-route prologue
/// (<see cref="StaffEndpoint"/>: role, origin, CSRF token of a form, body type and size): generate one of a kind
/// (<see cref="DocumentGeneration"/>), list them, download them, and upload each one's signed scan
/// (<see cref="SignedScanUpload"/>). The routes read, call the use case and map its decision.
/// </summary>
public sealed partial class ProposalDocumentFunctions(
    DocumentCatalog catalog,
    ProposalDocuments documents,
    DocumentGeneration generation,
    SignedScanUpload scans,
    StaffEndpoint staff,
    IOptions<DocumentsOptions> options,
    ILogger<ProposalDocumentFunctions> logger)
{
    /// <summary>
    /// <c>POST /api/proposals/{id}/documents/{kind}</c>: generates the document; no body, or a JSON object (or the staff
    /// page's form) <c>{"number": "…", "date": "yyyy-MM-dd"}</c> to set its number and date. 201 with its record.
    /// </summary>
    [Function(nameof(GenerateDocument))]
    public Task<IActionResult> GenerateDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/proposals/{id}/documents/{kind}")] HttpRequest request,
        string id,
        string kind,
        CancellationToken cancellationToken) =>
        RequestBody.HasContent(request)
            ? staff.ActionAsync(request, StaffRoles.Officer, id, "document", (c, input) => GenerateAsync(c, id, kind, Order(input), cancellationToken), cancellationToken)
            : staff.WriteAsync(request, StaffRoles.Officer, c => GenerateAsync(c, id, kind, DocumentOrder.Defaults, cancellationToken), cancellationToken);

    /// <summary><c>GET /api/proposals/{id}/documents</c>: the proposal's documents, newest first.</summary>
    [Function(nameof(ListDocuments))]
    public Task<IActionResult> ListDocuments(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/proposals/{id}/documents")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, StaffRoles.Officer, async c =>
        {
            c.NoStore();
            return (await documents.ListAsync(id, cancellationToken)).Answer(c.Language, list => new OkObjectResult(list.Select(d => DocumentAnswers.Json(d, catalog))));
        });

    /// <summary><c>GET /api/proposals/{id}/documents/{documentId}/file</c>: the generated .docx, as a download.</summary>
    [Function(nameof(DownloadDocument))]
    public Task<IActionResult> DownloadDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/proposals/{id}/documents/{documentId}/file")] HttpRequest request,
        string id,
        string documentId,
        CancellationToken cancellationToken) =>
        DownloadAsync(request, id, documentId, signed: false, cancellationToken);

    /// <summary>
    /// <c>PUT /api/proposals/{id}/documents/{documentId}/signed</c>, the scan (PDF, JPEG or PNG, recognised by its
    /// content) as the body or a multipart form's file: stored next to the document, replacing an earlier one. 200 with
    /// the document's record; 415 naming <c>file</c> for any other content.
    /// </summary>
    [Function(nameof(UploadSignedScan))]
    public Task<IActionResult> UploadSignedScan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/proposals/{id}/documents/{documentId}/signed")] HttpRequest request,
        string id,
        string documentId,
        CancellationToken cancellationToken) =>
        staff.FileAsync(request, StaffRoles.Officer, new StaffFileRule(options.Value.MaxScanBytes, DocumentAnswers.ScanMediaTypes), async (c, content) =>
        {
            var decision = await scans.UploadAsync(id, documentId, content, c.Staff.Actor, cancellationToken);
            return decision.Answer(c.Language, d => new OkObjectResult(DocumentAnswers.Json(d, catalog)), DocumentAnswers.NotAScan);
        }, cancellationToken);

    /// <summary><c>GET /api/proposals/{id}/documents/{documentId}/signed</c>: the signed scan, as a download.</summary>
    [Function(nameof(DownloadSignedScan))]
    public Task<IActionResult> DownloadSignedScan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/proposals/{id}/documents/{documentId}/signed")] HttpRequest request,
        string id,
        string documentId,
        CancellationToken cancellationToken) =>
        DownloadAsync(request, id, documentId, signed: true, cancellationToken);

    private async Task<IActionResult> GenerateAsync(StaffRequest c, string id, string kind, DocumentOrder order, CancellationToken cancellationToken)
    {
        if (catalog.Find(kind) is not { } documentKind)
        {
            return DocumentAnswers.UnknownKind(catalog, c.Language);
        }

        var decision = await generation.GenerateAsync(documentKind, id, order, c.Staff.Actor, cancellationToken);
        return decision.Answer(c.Language, document =>
        {
            LogGenerated(logger, id, documentKind.Info.Code, document.Id);
            return new CreatedResult(DocumentAnswers.FileUrl(document), DocumentAnswers.Json(document, catalog));
        });
    }

    private Task<IActionResult> DownloadAsync(HttpRequest request, string id, string documentId, bool signed, CancellationToken cancellationToken) =>
        staff.ReadAsync(request, StaffRoles.Officer, async c => (await documents.OpenAsync(id, documentId, signed, cancellationToken))
            .Answer(c.Language, file => AttachmentDownload.Result(c.Http, file.FileName, file.ContentType, file.Content)));

    /// <summary>The number and date as sent (the use case checks them).</summary>
    private static DocumentOrder Order(ActionInput input) => new(input.Field("number"), input.Field("date"));

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Proposal {ProposalId}: document {Kind} generated ({DocumentId})")]
    private static partial void LogGenerated(ILogger logger, string proposalId, string kind, string documentId);
}
