using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Councils;
using KhuyenCong.Application.Documents;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Components.Documents;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Cycle;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Councils;

/// <summary>
/// Staff pages of the yearly cycle's first steps (issue 13 lines 1, 2; Vietnamese, English with <c>?lang=en</c>): the
/// calls for proposals and the appraisal councils. Their forms post without script, with the CSRF token, to the
/// routes of <see cref="Calls.CallFunctions"/> and <see cref="CouncilFunctions"/>.
/// </summary>
public sealed class CyclePages(CallEditing calls, CouncilSetup councils, CouncilSessions sessions, IReviewerRoster roster, StaffEndpoint staff, PageRenderer pages,
    DocumentCatalog catalog, CycleDocuments documents)
{
    /// <summary><c>GET /staff/calls</c> (<c>?edit={id}</c>): the calls and the form for a new one or the one edited.</summary>
    [Function(nameof(CallsPage))]
    public Task<IActionResult> CallsPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/calls")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, async c =>
        {
            var all = await calls.ListAsync(cancellationToken);
            var edit = c.Http.Query["edit"].ToString();
            var editing = all.FirstOrDefault(call => call.Id == edit);
            var token = staff.FormToken(c.Staff);
            var section = editing is null ? null : await SectionAsync(DocumentSubject.Call, editing.Id, token, cancellationToken);
            var model = new CallsPageModel(all, calls.Today, editing, token, StaffLinks.From(c.Http, c.Language), section);
            return await pages.PageAsync<CallsPage, CallsPageModel>(c.Http, c.Language, model);
        });

    /// <summary><c>GET /staff/councils</c>: the councils and the form to set one up.</summary>
    [Function(nameof(CouncilsPage))]
    public Task<IActionResult> CouncilsPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/councils")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, async c =>
        {
            var reviewers = (await roster.ListAsync(cancellationToken)).Where(e => e.Reviewer.Active).Select(e => e.Reviewer).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
            var model = new CouncilsPageModel(await councils.ListAsync(cancellationToken), await calls.ListAsync(cancellationToken), reviewers,
                staff.FormToken(c.Staff), StaffLinks.From(c.Http, c.Language));
            return await pages.PageAsync<CouncilsPage, CouncilsPageModel>(c.Http, c.Language, model);
        });

    /// <summary><c>GET /staff/councils/{id}</c>: the council, and its session or the form to record it.</summary>
    [Function(nameof(CouncilPage))]
    public Task<IActionResult> CouncilPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/councils/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, c => CouncilPageAsync(c, id, cancellationToken));

    private async Task<IActionResult> CouncilPageAsync(StaffRequest c, string id, CancellationToken cancellationToken)
    {
        var links = StaffLinks.From(c.Http, c.Language);
        var found = await councils.GetAsync(id, cancellationToken);
        if (!found.IsDone)
        {
            var missing = new StaffNotFoundPageModel(CouncilSetup.NoSuchCouncil, links.To("/staff/councils"), new Bilingual("Danh sách hội đồng", "All councils"));
            return await pages.PageAsync<StaffNotFoundPage, StaffNotFoundPageModel>(c.Http, c.Language, missing,
                PageOptions.Standard with { StatusCode = StatusCodes.Status404NotFound });
        }

        var council = found.Value!;
        var all = await calls.ListAsync(cancellationToken);
        var names = (await roster.ListAsync(cancellationToken)).ToDictionary(e => e.Reviewer.Id, e => e.Reviewer.Name, StringComparer.Ordinal);
        var token = staff.FormToken(c.Staff);
        var model = new CouncilPageModel(council, all.Where(call => council.CallIds.Contains(call.Id, StringComparer.Ordinal)).ToList(), names,
            await sessions.SessionAsync(council, cancellationToken), token, links, await SectionAsync(DocumentSubject.Council, council.Id, token, cancellationToken));
        return await pages.PageAsync<CouncilPage, CouncilPageModel>(c.Http, c.Language, model);
    }

    /// <summary>The subject's "Văn bản" section: its documents and the kinds made from its page.</summary>
    private async Task<DocumentsSectionModel> SectionAsync(DocumentSubject subject, string id, string token, CancellationToken cancellationToken)
    {
        var stored = await documents.ListAsync(subject, id, cancellationToken);
        return DocumentsSectionModel.For(catalog, subject, id, stored.Value, token);
    }
}
