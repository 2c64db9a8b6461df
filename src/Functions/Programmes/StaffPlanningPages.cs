using System.Globalization;
using KhuyenCong.Application.Plans;
using KhuyenCong.Application.Programmes;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Planning;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PlansPageComponent = KhuyenCong.Web.Pages.Planning.PlansPage;
using ProgrammePageComponent = KhuyenCong.Web.Pages.Planning.ProgrammePage;
using ProgrammesPageComponent = KhuyenCong.Web.Pages.Planning.ProgrammesPage;

namespace KhuyenCong.Functions.Programmes;

/// <summary>
/// Staff pages for programmes and annual plans (Vietnamese, English with <c>?lang=en</c>). Their forms are sent as JSON
/// to the staff API by <c>/assets/planning.js</c>.
/// </summary>
public sealed class StaffPlanningPages(IProgrammeStore programmes, ProgrammeProgress progress, AnnualPlanOverview plans, StaffEndpoint staff,
    PageRenderer pages, TimeProvider time)
{
    /// <summary><c>GET /staff/programmes</c>: the list and a form for a new programme.</summary>
    [Function(nameof(ProgrammesPage))]
    public Task<IActionResult> ProgrammesPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/programmes")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, async c =>
        {
            var model = new ProgrammesPageModel(await programmes.ListAsync(cancellationToken), StaffLinks.From(c.Http, c.Language));
            return await pages.PageAsync<ProgrammesPageComponent, ProgrammesPageModel>(c.Http, c.Language, model);
        });

    /// <summary><c>GET /staff/programmes/{id}</c>: the programme, the progress of each target and the edit form.</summary>
    [Function(nameof(ProgrammePage))]
    public Task<IActionResult> ProgrammePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/programmes/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, c => ProgrammePageAsync(c, id, cancellationToken));

    private async Task<IActionResult> ProgrammePageAsync(StaffRequest c, string id, CancellationToken cancellationToken)
    {
        var links = StaffLinks.From(c.Http, c.Language);
        var record = await programmes.GetAsync(id, cancellationToken);
        if (record is null)
        {
            var missing = new StaffNotFoundPageModel(new Bilingual("Không có chương trình này", "No such programme"), links.To("/staff/programmes"),
                new Bilingual("Danh sách chương trình", "All programmes"));
            return await pages.PageAsync<StaffNotFoundPage, StaffNotFoundPageModel>(c.Http, c.Language, missing,
                PageOptions.Standard with { StatusCode = StatusCodes.Status404NotFound });
        }

        var (targets, count) = await progress.ComputeAsync(record.Programme, cancellationToken);
        return await pages.PageAsync<ProgrammePageComponent, ProgrammePageModel>(c.Http, c.Language, new ProgrammePageModel(record, targets, count, links));
    }

    /// <summary><c>GET /staff/plans?year=2026&amp;source=local</c>: the year's plans for both funding sources, with their budget lines; the form edits one.</summary>
    [Function(nameof(PlansPage))]
    public Task<IActionResult> PlansPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/plans")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, async c =>
        {
            var query = c.Http.Query;
            var year = int.TryParse(query["year"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && BudgetKey.IsValidYear(y)
                ? y
                : VietnamTime.Today(time).Year;
            var editing = FundingSources.TryParse(query["source"].ToString(), out var chosen) ? chosen : FundingSource.National;
            var model = new PlansPageModel(await plans.ForYearAsync(year, cancellationToken), editing, StaffLinks.From(c.Http, c.Language));
            return await pages.PageAsync<PlansPageComponent, PlansPageModel>(c.Http, c.Language, model);
        });
}
