using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Councils;
using KhuyenCong.Application.Documents;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Components.Documents;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Cycle;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// The staff pages of the yearly cycle's first steps (issue 13 lines 1, 2): the calls for proposals and the appraisal
/// councils, built from what the use cases read. Their forms post without script, with the CSRF token.
/// </summary>
public sealed class CycleStaffPages(CallEditing calls, CouncilSetup councils, CouncilSessions sessions, IReviewerRoster roster, StaffEndpoint staff, PageRenderer pages,
    DocumentCatalog catalog, CycleDocuments documents)
{
    /// <summary>The calls and the form for a new one or the one edited (<c>?edit={id}</c>).</summary>
    public async Task<IActionResult> CallsAsync(StaffRequest c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        var all = await calls.ListAsync(cancellationToken);
        var edit = c.Http.Query["edit"].ToString();
        var editing = all.FirstOrDefault(call => call.Id == edit);
        var token = staff.FormToken(c.Staff);
        var section = editing is null ? null : await SectionAsync(DocumentSubject.Call, editing.Id, token, cancellationToken);
        var model = new CallsPageModel(all, calls.Today, editing, token, StaffLinks.From(c.Http, c.Language), section);
        return await pages.PageAsync<CallsPage, CallsPageModel>(c.Http, c.Language, model);
    }

    /// <summary>The councils and the form to set one up.</summary>
    public async Task<IActionResult> CouncilsAsync(StaffRequest c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        var reviewers = (await roster.ListAsync(cancellationToken)).Where(e => e.Reviewer.Active).Select(e => e.Reviewer).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var model = new CouncilsPageModel(await councils.ListAsync(cancellationToken), await calls.ListAsync(cancellationToken), reviewers,
            staff.FormToken(c.Staff), StaffLinks.From(c.Http, c.Language));
        return await pages.PageAsync<CouncilsPage, CouncilsPageModel>(c.Http, c.Language, model);
    }

    /// <summary>The council, and its session or the form to record it; 404 for an unknown council.</summary>
    public async Task<IActionResult> CouncilAsync(StaffRequest c, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
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
