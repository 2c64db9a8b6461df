using KhuyenCong.Application.Documents;
using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Functions.Documents;

/// <summary>
/// Document templates (docs/documents.md): the kinds and their placeholders, each kind's current template, an admin's
/// replacement (refused with 400 naming the placeholder or the problem, nothing stored) and the way back to the shipped
/// one. Administrators only, through the staff-route prologue (<see cref="StaffEndpoint"/>).
/// </summary>
public sealed partial class TemplateFunctions(
    DocumentCatalog catalog,
    DocumentTemplates templates,
    StaffEndpoint staff,
    IOptions<DocumentsOptions> options,
    ILogger<TemplateFunctions> logger)
{
    /// <summary>The declared types a raw template may come as (its content decides what it is).</summary>
    private static readonly string[] TemplateMediaTypes = [ProposalDocuments.DocxContentType, "application/octet-stream"];

    /// <summary><c>GET /api/documents/templates</c>: every kind, its placeholders (required or not, described) and its current template.</summary>
    [Function(nameof(ListTemplates))]
    public Task<IActionResult> ListTemplates(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/documents/templates")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, StaffRoles.Admin, async _ => new OkObjectResult(await TemplateAnswers.KindsAsync(catalog, templates, cancellationToken)));

    /// <summary><c>GET /api/documents/templates/{kind}</c>: the kind's current template (.docx); header <c>X-Template-Source</c> says which.</summary>
    [Function(nameof(GetTemplate))]
    public Task<IActionResult> GetTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/documents/templates/{kind}")] HttpRequest request,
        string kind,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, StaffRoles.Admin, c => WithKindAsync(c, kind, async documentKind =>
        {
            var current = await templates.CurrentAsync(documentKind, cancellationToken);
            c.Http.HttpContext.Response.Headers["X-Template-Source"] = current.Source;
            return AttachmentDownload.Result(c.Http, $"mau-{documentKind.Info.FileStem}.docx", ProposalDocuments.DocxContentType, new MemoryStream(current.Content));
        }));

    /// <summary>
    /// <c>PUT /api/documents/templates/{kind}</c>, the .docx as the body or a multipart form's file: checked (a Word
    /// document without macros or OLE; every placeholder known and in place; every required one present) and then
    /// current. 400 naming each problem; nothing is stored then.
    /// </summary>
    [Function(nameof(PutTemplate))]
    public Task<IActionResult> PutTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/documents/templates/{kind}")] HttpRequest request,
        string kind,
        CancellationToken cancellationToken) =>
        staff.FileAsync(request, StaffRoles.Admin, new StaffFileRule(options.Value.MaxTemplateBytes, TemplateMediaTypes),
            (c, content) => WithKindAsync(c, kind, documentKind => UploadAsync(c, documentKind, content, cancellationToken)), cancellationToken);

    /// <summary><c>DELETE /api/documents/templates/{kind}</c>: the shipped template applies again. 204.</summary>
    [Function(nameof(ResetTemplate))]
    public Task<IActionResult> ResetTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/documents/templates/{kind}")] HttpRequest request,
        string kind,
        CancellationToken cancellationToken) =>
        staff.WriteAsync(request, StaffRoles.Admin, c => WithKindAsync(c, kind, async documentKind =>
        {
            await templates.ResetAsync(documentKind, cancellationToken);
            return new NoContentResult();
        }), cancellationToken);

    private Task<IActionResult> WithKindAsync(StaffRequest c, string kind, Func<IDocumentKind, Task<IActionResult>> handle) =>
        catalog.Find(kind) is { } documentKind ? handle(documentKind) : Task.FromResult(DocumentAnswers.UnknownKind(catalog, c.Language));

    private async Task<IActionResult> UploadAsync(StaffRequest c, IDocumentKind kind, byte[] content, CancellationToken cancellationToken)
    {
        var problems = await templates.UploadAsync(kind, content, c.Staff.Actor, cancellationToken);
        if (problems.Count > 0)
        {
            LogRefused(logger, kind.Info.Code, problems[0].Kind);
            return TemplateAnswers.Refused(problems, c.Language);
        }

        LogReplaced(logger, kind.Info.Code);
        return new OkObjectResult(TemplateAnswers.Json(kind, await templates.CurrentAsync(kind, cancellationToken)));
    }

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Template of {Kind} replaced by an upload")]
    private static partial void LogReplaced(ILogger logger, string kind);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Template upload for {Kind} refused ({Problem})")]
    private static partial void LogRefused(ILogger logger, string kind, TemplateProblemKind problem);
}
