using System.Globalization;
using KhuyenCong.Application.Plans;
using KhuyenCong.Application.Programmes;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Planning;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// The staff pages for programmes and annual plans, built from what the use cases read. Their forms are sent as JSON to
/// the staff API by <c>/assets/planning.js</c>.
/// </summary>
public sealed class PlanningStaffPages(IProgrammeStore programmes, ProgrammeProgress progress, AnnualPlanOverview plans, PageRenderer pages, TimeProvider time)
{
    /// <summary>The list and a form for a new programme.</summary>
    public async Task<IActionResult> ProgrammesAsync(StaffRequest c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        var model = new ProgrammesPageModel(await programmes.ListAsync(cancellationToken), StaffLinks.From(c.Http, c.Language));
        return await pages.PageAsync<ProgrammesPage, ProgrammesPageModel>(c.Http, c.Language, model);
    }

    /// <summary>The programme, the progress of each target and the edit form; 404 for an unknown programme.</summary>
    public async Task<IActionResult> ProgrammeAsync(StaffRequest c, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
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
        return await pages.PageAsync<ProgrammePage, ProgrammePageModel>(c.Http, c.Language, new ProgrammePageModel(record, targets, count, links));
    }

    /// <summary>The year's plans (<c>?year=</c>, this year in Vietnam by default) for both funding sources; the form edits <c>?source=</c>.</summary>
    public async Task<IActionResult> PlansAsync(StaffRequest c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        var query = c.Http.Query;
        var year = int.TryParse(query["year"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && BudgetKey.IsValidYear(y)
            ? y
            : VietnamTime.Today(time).Year;
        var editing = FundingSources.TryParse(query["source"].ToString(), out var chosen) ? chosen : FundingSource.National;
        var model = new PlansPageModel(await plans.ForYearAsync(year, cancellationToken), editing, StaffLinks.From(c.Http, c.Language));
        return await pages.PageAsync<PlansPage, PlansPageModel>(c.Http, c.Language, model);
    }
}
