using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Problems;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Http;

/// <summary>
/// The staff pages' answers given by the staff routes' prologue (<see cref="StaffEndpoint"/>): the answer to an
/// action form posted without JavaScript, and the sign-in page. Both are rendered when the response is written.
/// </summary>
public static class StaffPages
{
    /// <summary>The answer to a form post: a 303 back to the proposal's page on success, otherwise a page with the problem.</summary>
    public static IActionResult FormAnswer(HttpRequest request, Language language, string proposalId, string action, IActionResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        var links = StaffLinks.From(request, language);
        return FormAnswerTo(request, language, links.Proposal(proposalId, StaffLinks.Query("done", action)), links.Proposal(proposalId), result);
    }

    /// <summary>The answer to a staff page's form post: a 303 to <paramref name="done"/> on success, otherwise a page with the problem and a way <paramref name="back"/>.</summary>
    public static IActionResult FormAnswerTo(HttpRequest request, Language language, string done, string back, IActionResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = result switch
        {
            ObjectResult o => o.StatusCode ?? StatusCodes.Status200OK,
            StatusCodeResult s => s.StatusCode,
            _ => StatusCodes.Status200OK,
        };
        if (status is >= 200 and < 300)
        {
            request.HttpContext.Response.Headers.Location = done;
            return new StatusCodeResult(StatusCodes.Status303SeeOther);
        }

        var problem = ProblemReader.Read(result) ?? new ProblemView(status, string.Empty, null, new Dictionary<string, IReadOnlyList<string>>());
        return PageResult.For<StaffFormProblemPage, StaffFormProblemPageModel>(language, new StaffFormProblemPageModel(problem, back),
            PageOptions.Standard with { StatusCode = status });
    }

    /// <summary>401 or 403 as a page.</summary>
    public static IActionResult Denied(HttpRequest request, Language language, int status)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageResult.For<StaffDeniedPage, int>(language, status, PageOptions.Standard with { StatusCode = status });
    }
}
