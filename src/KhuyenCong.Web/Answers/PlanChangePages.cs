using KhuyenCong.Application.Plans;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Cycle;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Problems;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// A plan's changes page (issue 13 line 6), rendered for its GET route and again, with the values posted and the
/// errors at their fields, when its adjustment or carry-over form is refused (400): the forms the routes of
/// <c>PlanChangeFunctions</c> (src/Functions/Plans) take as <see cref="StaffFormPage{T}"/>.
/// </summary>
public sealed class PlanChangePages(PlanChangePageViews views, StaffEndpoint staff, PageRenderer pages)
{
    private static readonly Bilingual NoSuchPlan = new("Không có kế hoạch này (năm hoặc nguồn kinh phí không hợp lệ).", "No such plan (unknown year or funding source).");

    private static readonly Bilingual AllPlans = new("Kế hoạch khuyến công năm", "Annual plans");

    public async Task<IActionResult> PageAsync(StaffRequest c, string year, string fundingSource, PostedForm posted, PlanChangeForm postedTo, CancellationToken cancellationToken)
    {
        var view = await views.ViewAsync(year, fundingSource, cancellationToken);
        if (!view.IsDone)
        {
            var missing = new StaffNotFoundPageModel(NoSuchPlan, Links(c).To("/staff/plans"), AllPlans);
            return await pages.PageAsync<StaffNotFoundPage, StaffNotFoundPageModel>(c.Http, c.Language, missing, PageOptions.Standard with { StatusCode = StatusCodes.Status404NotFound });
        }

        var model = new PlanChangesPageModel(view.Value!, posted, postedTo, staff.FormToken(c.Staff), Links(c));
        return await pages.PageAsync<PlanChangesPage, PlanChangesPageModel>(c.Http, c.Language, model, PageOptions.Standard with
        {
            StatusCode = posted.IsPosted ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
            CacheControl = "no-store",
        });
    }

    /// <summary>The adjustment form, posted to <c>POST /api/plans/{year}/{fundingSource}/adjustments</c>.</summary>
    public StaffFormPage<AdjustmentInput> AdjustmentForm(HttpRequest request, string year, string fundingSource, CancellationToken cancellationToken) =>
        new(PlanChangeForms.Adjustment, Address(request, year, fundingSource), (c, problem) =>
            PageAsync(c, year, fundingSource, Posted(c, c.Form is { } form ? PlanChangeForms.AtFormLines(form, problem.Errors) : problem.Errors), PlanChangeForm.Adjustment,
                cancellationToken));

    /// <summary>The carry-over form, posted to <c>POST /api/plans/{year}/{fundingSource}/carry-over</c>.</summary>
    public StaffFormPage<CarryOverInput> CarryOverForm(HttpRequest request, string year, string fundingSource, CancellationToken cancellationToken) =>
        new(PlanChangeForms.CarryOver, Address(request, year, fundingSource), (c, problem) =>
            PageAsync(c, year, fundingSource, Posted(c, problem.Errors), PlanChangeForm.CarryOver, cancellationToken));

    private static PostedForm Posted(StaffRequest c, IReadOnlyDictionary<string, IReadOnlyList<string>> errors) =>
        new(c.Form is { } form ? form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal) : new Dictionary<string, string>(), errors);

    private static StaffLinks Links(StaffRequest c) => StaffLinks.From(c.Http, c.Language);

    private static string Address(HttpRequest request, string year, string fundingSource) =>
        StaffLinks.From(request, RequestLanguage.From(request)).To("/staff/plans/" + Uri.EscapeDataString(year) + "/" + Uri.EscapeDataString(fundingSource) + "/adjustments");
}
