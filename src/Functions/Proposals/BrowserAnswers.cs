using System.Text;
using System.Text.Json;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Web;
using KhuyenCong.Web.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Functions.Proposals;

/// <summary>
/// Answers for the form's own post without JavaScript (the browser asks for HTML): a redirect to the confirmation on
/// success, a page listing the problems otherwise (the browser's Back button returns to the filled-in form). The
/// script posts with <c>Accept: application/json</c> and gets the API's JSON.
/// </summary>
internal static class BrowserAnswers
{
    public static bool WantsHtml(HttpRequest request)
    {
        string accept = request.Headers.Accept.ToString();
        return accept.Contains("text/html", StringComparison.OrdinalIgnoreCase)
            && !accept.Contains("application/json", StringComparison.OrdinalIgnoreCase);
    }

    public static IActionResult For(HttpRequest request, IActionResult result)
    {
        var language = RequestLanguage.From(request);
        switch (result)
        {
            case JsonContentResult { Status: StatusCodes.Status201Created } created:
                using (var body = JsonDocument.Parse(created.Body))
                {
                    var code = body.RootElement.GetProperty("trackingCode").GetString();
                    var suffix = language == Language.English ? "&lang=en" : string.Empty;
                    // 303 See Other: the browser follows with a GET, and reloading the page does not post again.
                    return new SeeOtherResult($"/track/{Uri.EscapeDataString(code!)}?submitted=1{suffix}");
                }

            case ObjectResult failed when ProblemReader.Read(failed) is { } problem:
                return ProblemPage(request, language, problem);
            default:
                return result;
        }
    }

    private static ContentResult ProblemPage(HttpRequest request, Language language, ProblemView problem)
    {
        var main = new StringBuilder();
        main.Append("<h1>").Append(PageLayout.Encode(problem.Title)).Append("</h1>")
            .Append("<div role=\"alert\"><p>").Append(PageLayout.Encode(problem.Detail)).Append("</p>");
        if (problem.Errors.Count > 0)
        {
            main.Append("<ul class=\"error-summary\">");
            foreach (var (field, messages) in problem.Errors)
            {
                foreach (var message in messages)
                {
                    main.Append("<li data-field=\"").Append(PageLayout.Encode(field)).Append("\">").Append(PageLayout.Encode(message)).Append("</li>");
                }
            }

            main.Append("</ul>");
        }

        main.Append("</div><p>").Append(PageLayout.Encode(PageLayout.Choose(language,
            "Dùng nút Quay lại của trình duyệt để sửa biểu mẫu (các mục đã nhập vẫn còn), rồi gửi lại.",
            "Use your browser's Back button to correct the form (what you typed is kept), then send it again."))).Append("</p>");
        return PageLayout.Page(request, language, PageLayout.Choose(language, "Chưa gửi được đề án", "The proposal was not sent"), main.ToString(), statusCode: problem.Status);
    }

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
