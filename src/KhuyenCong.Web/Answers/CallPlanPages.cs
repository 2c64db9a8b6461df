using KhuyenCong.Application.Documents;
using KhuyenCong.Application.Plans;
using KhuyenCong.Application.Selection;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Components.Documents;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Cycle;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Problems;
using KhuyenCong.Web.Requests;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// A call's ranking page and plan page (issue 13 line 8), rendered for their GET routes and again, with the values
/// posted and the errors at their fields, when a form sent to the selection or plan route is refused (400): the forms
/// those routes take as <see cref="StaffFormPage{T}"/>.
/// </summary>
public sealed class CallPlanPages(CallRankings rankings, CallPlanViews plans, StaffEndpoint staff, PageRenderer pages, DocumentCatalog catalog, CycleDocuments documents)
{
    private static readonly Bilingual AllCalls = new("Danh sách đợt đăng ký", "All calls");

    public async Task<IActionResult> RankingAsync(StaffRequest c, string callId, PostedForm posted, CancellationToken cancellationToken)
    {
        var ranked = await rankings.RankAsync(callId, cancellationToken);
        return ranked.IsDone
            ? await PageAsync<RankingPage, RankingPageModel>(c, new(ranked.Value!, posted, staff.FormToken(c.Staff), Links(c)), posted)
            : await NotFoundAsync(c);
    }

    public async Task<IActionResult> PlanAsync(StaffRequest c, string callId, PostedForm posted, CancellationToken cancellationToken)
    {
        var plan = await plans.ViewAsync(callId, cancellationToken);
        return plan.IsDone
            ? await PageAsync<CallPlanPage, CallPlanPageModel>(c, await PlanModelAsync(c, plan.Value!, posted, cancellationToken), posted)
            : await NotFoundAsync(c);
    }

    private async Task<CallPlanPageModel> PlanModelAsync(StaffRequest c, CallPlanView plan, PostedForm posted, CancellationToken cancellationToken)
    {
        var token = staff.FormToken(c.Staff);
        var stored = await documents.ListAsync(DocumentSubject.Call, plan.Call.Id, cancellationToken);
        return new CallPlanPageModel(plan, posted, token, Links(c), DocumentsSectionModel.For(catalog, DocumentSubject.Call, plan.Call.Id, stored.Value, token));
    }

    /// <summary>The ranking page's selection form, posted to <c>POST /api/calls/{callId}/selection</c>.</summary>
    public StaffFormPage<SelectionInput> SelectionForm(HttpRequest request, string callId, CancellationToken cancellationToken) =>
        new(CycleForms.Selection, Address(request, CyclePaths.Ranking(callId)), (c, problem) => RankingAsync(c, callId, Posted(c, problem), cancellationToken));

    /// <summary>The plan page's submission form (tờ trình or dispatch), posted to <c>POST /api/calls/{callId}/plan/submission</c>.</summary>
    public StaffFormPage<PlanSubmissionInput> SubmissionForm(HttpRequest request, string callId, CancellationToken cancellationToken) =>
        new(CycleForms.Submission, Address(request, CyclePaths.Plan(callId)), (c, problem) => PlanAsync(c, callId, Posted(c, problem), cancellationToken));

    /// <summary>The plan page's decision form, posted to <c>POST /api/calls/{callId}/plan/decision</c>.</summary>
    public StaffFormPage<PlanDecisionInput> DecisionForm(HttpRequest request, string callId, CancellationToken cancellationToken) =>
        new(CycleForms.Decision, Address(request, CyclePaths.Plan(callId)), (c, problem) => PlanAsync(c, callId, Posted(c, problem), cancellationToken));

    private static PostedForm Posted(StaffRequest c, ProblemView problem) => new(c.Form is { } form ? CycleForms.Values(form) : new Dictionary<string, string>(), problem.Errors);

    private static StaffLinks Links(StaffRequest c) => StaffLinks.From(c.Http, c.Language);

    private static string Address(HttpRequest request, string path) => StaffLinks.From(request, RequestLanguage.From(request)).To(path);

    /// <summary>The page: 200, or 400 when shown again with a refused form's errors; never cached (it carries the form's token).</summary>
    private async Task<IActionResult> PageAsync<TPage, TModel>(StaffRequest c, TModel model, PostedForm posted)
        where TPage : KhuyenCong.Web.Rendering.PageComponent<TModel> =>
        await pages.PageAsync<TPage, TModel>(c.Http, c.Language, model, PageOptions.Standard with
        {
            StatusCode = posted.IsPosted ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
            CacheControl = "no-store",
        });

    private async Task<IActionResult> NotFoundAsync(StaffRequest c)
    {
        var model = new StaffNotFoundPageModel(CallRankings.CallNotFound, Links(c).To("/staff/calls"), AllCalls);
        return await pages.PageAsync<StaffNotFoundPage, StaffNotFoundPageModel>(c.Http, c.Language, model, PageOptions.Standard with { StatusCode = StatusCodes.Status404NotFound });
    }
}
