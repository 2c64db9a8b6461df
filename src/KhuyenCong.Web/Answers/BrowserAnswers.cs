using System.Text.Json;
using KhuyenCong.Domain.Attachments;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Problems;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// Answers for the form's own post without JavaScript (the browser asks for HTML): a 303 to the confirmation on
/// success; otherwise the form again, with what was typed and each problem at its field, all in one pass. The script
/// posts with <c>Accept: application/json</c> and gets the API's JSON.
/// </summary>
public sealed class BrowserAnswers(ProposalFormPages form)
{
    /// <summary>The page the form's language switch opens when the form comes back (the post's address answers no GET).</summary>
    private const string FormPath = "/";

    public static bool WantsHtml(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string accept = request.Headers.Accept.ToString();
        return accept.Contains("text/html", StringComparison.OrdinalIgnoreCase)
            && !accept.Contains("application/json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The browser's answer for the API's <paramref name="result"/>; <paramref name="posted"/> is the form as read
    /// (null when the request could not be read), shown again when refused.
    /// </summary>
    public async Task<IActionResult> AnswerAsync(HttpRequest request, Language language, IActionResult result, ProposalForm? posted,
        CancellationToken cancellationToken) => result switch
        {
            JsonContentResult { Status: StatusCodes.Status201Created } created => new SeeOtherResult(ConfirmationPath(created)),
            ObjectResult failed when ProblemReader.Read(failed) is { } problem => await form.RenderAsync(request, language,
                PostedProposalForm.From(posted, WithFieldChecks(problem, posted, language)),
                // What was typed is personal data: never stored by a cache.
                PageOptions.Standard with { StatusCode = problem.Status, CacheControl = "no-store", LanguageSwitchPath = FormPath },
                cancellationToken),
            _ => result,
        };

    /// <summary>
    /// A refused file stops the API before it checks the fields (files come last in the form): the fields' own checks
    /// (<see cref="ProposalValidator"/>) are added, so the form comes back with every problem in one pass.
    /// </summary>
    private static ProblemView WithFieldChecks(ProblemView problem, ProposalForm? posted, Language language)
    {
        if (posted is null || !problem.Errors.ContainsKey(AttachmentRules.FieldName) || problem.Errors.Keys.Any(ProposalFields.All.Contains))
        {
            return problem;
        }

        var errors = new Dictionary<string, IReadOnlyList<string>>(problem.Errors, StringComparer.Ordinal);
        foreach (var field in ProposalValidator.Validate(posted, language).FieldErrors.GroupBy(e => e.Field))
        {
            errors.TryAdd(field.Key, field.Select(e => e.Message).ToList());
        }

        return problem with { Errors = errors };
    }

    /// <summary>
    /// The confirmation: the tracking page with <c>submitted=1</c>. Its language is the one the form posted with, which
    /// this very response remembers in the <c>lang</c> cookie (<see cref="RequestLanguage"/>), as the script's path does.
    /// </summary>
    private static string ConfirmationPath(JsonContentResult created)
    {
        using var body = JsonDocument.Parse(created.Body);
        var code = body.RootElement.GetProperty("trackingCode").GetString();
        return $"/track/{Uri.EscapeDataString(code!)}?submitted=1";
    }

    /// <summary>303 See Other: the browser follows with a GET, and reloading the page does not post again.</summary>
    private sealed class SeeOtherResult(string url) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.HttpContext.Response.Headers.Location = url;
            return Task.CompletedTask;
        }
    }
}
