using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Functions.Web;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Calls;

/// <summary>
/// Calls for proposals (đợt đăng ký, issue 13 line 1): anyone reads them (the public form offers the open ones);
/// officers create and edit them (<see cref="CallEditing"/>) as JSON or from the staff calls page's form. Edits name
/// the version they started from: 409 when someone saved a newer one.
/// </summary>
public sealed class CallFunctions(CallEditing editing, StaffEndpoint staff)
{
    private static readonly ProblemWording Wording = new(CallEditing.InvalidCall, EditConflicts: true);

    /// <summary><c>GET /api/calls</c> (public): every call with its status today (Vietnam date), the latest to open first.</summary>
    [Function(nameof(ListCalls))]
    public async Task<IActionResult> ListCalls(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/calls")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = RequestLanguage.From(request);
        var today = editing.Today;
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new OkObjectResult((await editing.ListAsync(cancellationToken)).Select(c => CycleJson.Of(c, today, language)));
    }

    /// <summary><c>GET /api/calls/{id}</c> (public): one call.</summary>
    [Function(nameof(GetCall))]
    public async Task<IActionResult> GetCall(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/calls/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = RequestLanguage.From(request);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return (await editing.GetAsync(id, cancellationToken)).Answer(language, call => new OkObjectResult(CycleJson.Of(call, editing.Today, language)));
    }

    /// <summary><c>POST /api/calls</c> (officers): creates a call (version 1); 201 with its Location. The staff page's form is answered with a redirect.</summary>
    [Function(nameof(CreateCall))]
    public Task<IActionResult> CreateCall(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/calls")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.FormOrJsonAsync(request, StaffRoles.Officer, Page(request, null), result => Page(request, IdOf(result)), async (c, fields) =>
        {
            return (await editing.CreateAsync(FormOf(fields), c.Staff.Actor, cancellationToken))
                .Answer(c.Language, call => new CreatedResult(CycleJson.Url(call), CycleJson.Of(call, editing.Today, c.Language)), Wording);
        }, cancellationToken);

    /// <summary>
    /// <c>PUT /api/calls/{id}</c> (officers; <c>POST</c> from the staff page's form): replaces the call; <c>version</c> is
    /// the version edited (409 when stale).
    /// </summary>
    [Function(nameof(UpdateCall))]
    public Task<IActionResult> UpdateCall(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", "post", Route = "api/calls/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.FormOrJsonAsync(request, StaffRoles.Officer, Page(request, id), _ => Page(request, id), async (c, fields) =>
        {
            return (await editing.UpdateAsync(id, FormOf(fields), fields.Number("version"), cancellationToken))
                .Answer(c.Language, call => new OkObjectResult(CycleJson.Of(call, editing.Today, c.Language)), Wording);
        }, cancellationToken);

    internal static CallForm FormOf(StaffFields fields) => new(
        fields.Number("planYear"),
        fields.Field("fundingSource"),
        fields.Field("title"),
        fields.Field("opensOn"),
        fields.Field("closesOn"),
        fields.List("kinds"),
        fields.Documents("requiredDocuments"),
        fields.Field("description"));

    private static string Page(HttpRequest request, string? id) =>
        StaffLinks.From(request, RequestLanguage.From(request)).To("/staff/calls", id is null ? [] : [StaffLinks.Query("edit", id)]);

    private static string? IdOf(IActionResult result) => result is CreatedResult { Location: { } location } ? location[(location.LastIndexOf('/') + 1)..] : null;
}
