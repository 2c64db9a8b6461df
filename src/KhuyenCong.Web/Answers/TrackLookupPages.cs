using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Tracking;
using KhuyenCong.Web.Rendering;
using KhuyenCong.Web.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// "Tra cứu hồ sơ" (<c>/track</c>): the applicant finds a proposal by its tracking code, or by the establishment's tax
/// code and the proposal's phone number. Both pass the tracking route's throttle (<see cref="TrackingThrottle.GateAsync"/>):
/// a lookup that finds nothing is a miss from the address.
/// </summary>
public sealed class TrackLookupPages(ProposalTracking tracking, TrackingThrottle throttle, PageRenderer pages)
{
    /// <summary>The lookup by tax code and phone: two short fields.</summary>
    private static readonly FormLimits LookupForm = new(MaxFields: 10, MaxFieldBytes: 256, MaxBodyBytes: 4 * 1024);

    /// <summary>
    /// The lookup page. With <c>?code=…</c>, a 303 to that code's page (<c>/track/{code}</c>, which the throttle
    /// guards); an empty code, the page again with the error at the field.
    /// </summary>
    public async Task<IActionResult> LookupAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = RequestLanguage.From(request);
        if (!request.Query.TryGetValue(TrackLookupPageModel.CodeField, out var asked))
        {
            return await PageAsync(request, language, TrackLookupPageModel.Empty, StatusCodes.Status200OK);
        }

        var code = VietnameseText.Normalize(asked.ToString());
        if (code.Length == 0)
        {
            var errors = new BilingualErrors().Add(TrackLookupPageModel.CodeField, "Vui lòng nhập mã theo dõi.", "Enter the tracking code.");
            return await PageAsync(request, language, new TrackLookupPageModel(Errors: errors), StatusCodes.Status400BadRequest);
        }

        request.HttpContext.Response.Headers.Location = $"/track/{Uri.EscapeDataString(code)}";
        return new StatusCodeResult(StatusCodes.Status303SeeOther);
    }

    /// <summary>
    /// The form (<c>taxCode</c>, <c>phone</c>): the proposals of that tax code with that phone number, as the lookup
    /// page (200); the page with the errors at their fields (400), with "nothing found" (404, a miss for the
    /// throttle), or refused (429 with <c>Retry-After</c>).
    /// </summary>
    public async Task<IActionResult> ByApplicantAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = RequestLanguage.From(request);
        var (form, problem) = RequestBody.IsForm(request) ? await RequestBody.ReadFormAsync(request, LookupForm, cancellationToken) : (null, StatusCodes.Status415UnsupportedMediaType);
        if (form is null)
        {
            return Http.Problems.Status(problem, NotTheForm.In(language), language);
        }

        var lookup = new ApplicantLookup(form[ApplicantLookup.TaxCodeField], form[ApplicantLookup.PhoneField]);
        var typed = new TrackLookupPageModel(lookup.TaxCode, lookup.Phone);
        if (await throttle.GateAsync(request, language, cancellationToken) is { } refused)
        {
            return await PageAsync(request, language, typed with { Notice = TrackingThrottle.TooMany }, StatusCode(refused));
        }

        var found = await tracking.FindByApplicantAsync(lookup, language, cancellationToken);
        if (found.Kind == DecisionKind.NotFound)
        {
            throttle.RecordMiss(request);
        }

        var model = typed with { Errors = found.Errors, Notice = found.Reason, Found = found.Value };
        return await PageAsync(request, language, model, StatusCode(found.Answer(language, _ => new OkResult())));
    }

    private static readonly Bilingual NotTheForm = new("Vui lòng gửi biểu mẫu của trang tra cứu.", "Send the lookup page's form.");

    private static int StatusCode(IActionResult result) => result switch
    {
        ObjectResult o => o.StatusCode ?? StatusCodes.Status200OK,
        StatusCodeResult s => s.StatusCode,
        _ => StatusCodes.Status200OK,
    };

    /// <summary>What was typed is personal data: never stored by a cache.</summary>
    private async Task<IActionResult> PageAsync(HttpRequest request, Language language, TrackLookupPageModel model, int status) =>
        await pages.PageAsync<TrackLookupPage, TrackLookupPageModel>(request, language, model,
            PageOptions.Standard with { StatusCode = status, CacheControl = "no-store", LanguageSwitchPath = "/track" });
}
