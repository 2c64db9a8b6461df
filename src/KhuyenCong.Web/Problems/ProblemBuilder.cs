using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Problems;

/// <summary>
/// Builds RFC 9457 problems (<c>application/problem+json</c>) as typed <see cref="ProblemDetails"/>, or
/// <see cref="ValidationProblemDetails"/> when there are errors by field: the one place their shape is decided. The
/// Functions app's <c>Problems</c> answers with them; <see cref="ProblemReader"/> reads them back for pages.
/// </summary>
public static class ProblemBuilder
{
    public const string ContentType = "application/problem+json";

    /// <summary>
    /// A problem with <c>type</c> (a page about the status), <c>title</c>, <c>status</c>, <c>detail</c> and, when
    /// <paramref name="errors"/> is given, <c>errors</c>: messages by field name, in the user's language.
    /// </summary>
    public static ProblemDetails Create(int status, string title, string? detail,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? errors = null,
        IReadOnlyDictionary<string, object?>? extensions = null)
    {
        ProblemDetails problem = errors is null
            ? new ProblemDetails()
            : new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        problem.Type = $"https://httpstatuses.io/{status}";
        problem.Title = title;
        problem.Status = status;
        problem.Detail = detail;
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    /// <summary>A problem with the standard title of its status (<see cref="Title(int)"/>) in <paramref name="language"/>.</summary>
    public static ProblemDetails Create(int status, string? detail, Language language,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? errors = null) =>
        Create(status, Title(status).In(language), detail, errors);

    /// <summary>The problem as a response: its status, <c>application/problem+json</c>.</summary>
    public static ObjectResult Result(ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var result = new ObjectResult(problem) { StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError };
        result.ContentTypes.Add(ContentType);
        return result;
    }

    /// <summary>The standard title of a status, in both languages.</summary>
    public static Bilingual Title(int status) => status switch
    {
        400 => new("Yêu cầu không hợp lệ.", "The request is not valid."),
        401 => new("Cần đăng nhập.", "Sign-in required."),
        403 => new("Không có quyền thực hiện.", "Not allowed."),
        404 => new("Không tìm thấy.", "Not found."),
        409 => new("Không thực hiện được do trạng thái hiện tại.", "Not possible in the current state."),
        413 => new("Dữ liệu gửi lên quá lớn.", "The request is too large."),
        415 => new("Loại tệp hoặc định dạng không được chấp nhận.", "This file type or format is not accepted."),
        422 => new("Dữ liệu chưa hợp lệ.", "The data is not valid."),
        429 => new("Quá nhiều yêu cầu, vui lòng thử lại sau.", "Too many requests: try again later."),
        503 => new("Hệ thống tạm thời bận, vui lòng thử lại sau.", "The service is busy: try again later."),
        _ => new("Có lỗi xảy ra.", "Something went wrong."),
    };
}
