using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Http;

/// <summary>RFC 9457 problem responses (<c>application/problem+json</c>) with messages in the request's language.</summary>
public static class Problems
{
    public const string ContentType = ProblemBuilder.ContentType;

    public static IActionResult Validation(IReadOnlyDictionary<string, IReadOnlyList<string>> errors, Language language) =>
        Result(StatusCodes.Status400BadRequest, language == Language.English ? "The proposal has errors." : "Đề án chưa hợp lệ.",
            language == Language.English ? "Correct the fields listed in errors and send again." : "Vui lòng sửa các mục được nêu và gửi lại.",
            errors);

    /// <summary>A 400 with errors by field, for requests other than proposals (the title does not name a proposal).</summary>
    public static IActionResult Fields(IReadOnlyDictionary<string, IReadOnlyList<string>> errors, Language language) =>
        Validation(errors, Title(StatusCodes.Status400BadRequest, language), language);

    /// <summary>400 with errors by field, under a title that names what is invalid (for requests other than proposals).</summary>
    public static IActionResult Validation(IReadOnlyDictionary<string, IReadOnlyList<string>> errors, string title, Language language) =>
        Result(StatusCodes.Status400BadRequest, title,
            language == Language.English ? "Correct the fields listed in errors and send again." : "Vui lòng sửa các mục được nêu và gửi lại.",
            errors);

    public static IActionResult Field(int status, string field, string message, Language language) =>
        Result(status, Title(status, language), message, new Dictionary<string, IReadOnlyList<string>> { [field] = [message] });

    /// <summary>409 for an edit made on a version that someone else has replaced meanwhile.</summary>
    public static IActionResult EditConflict(string detail, Language language) =>
        Result(StatusCodes.Status409Conflict, language == Language.English ? "Changed by someone else." : "Dữ liệu đã được người khác thay đổi.", detail, null);

    public static IActionResult Status(int status, string detail, Language language) => Result(status, Title(status, language), detail, null);

    /// <summary>A problem with a title of its own and extension members (for example the row errors of an import).</summary>
    public static IActionResult Extended(int status, string title, string detail, IReadOnlyDictionary<string, object?> extensions)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        return ProblemBuilder.Result(ProblemBuilder.Create(status, title, detail, extensions: extensions));
    }

    /// <summary>A problem with extra members (RFC 9457 extensions), such as the remaining amount of a refused payment.</summary>
    public static IActionResult WithExtensions(int status, string detail, IReadOnlyDictionary<string, object?> extensions, Language language) =>
        Extended(status, Title(status, language), detail, extensions);

    /// <summary>Any status with errors by field, under a title that names what is wrong (for example 422 for a file with bad rows).</summary>
    public static IActionResult Errors(int status, IReadOnlyDictionary<string, IReadOnlyList<string>> errors, string title, string detail) =>
        Result(status, title, detail, errors);

    private static string Title(int status, Language language) => ProblemBuilder.Title(status).In(language);

    // The body is a typed ProblemDetails (ValidationProblemDetails with errors), built by ProblemBuilder; pages read it
    // back with ProblemReader.
    private static ObjectResult Result(int status, string title, string detail, IReadOnlyDictionary<string, IReadOnlyList<string>>? errors) =>
        ProblemBuilder.Result(ProblemBuilder.Create(status, title, detail, errors));
}

/// <summary>A request that cannot be accepted, with the status, the field at fault and a message for the user.</summary>
public sealed class RequestRejectedException : Exception
{
    public RequestRejectedException()
    {
    }

    public RequestRejectedException(string message)
        : base(message)
    {
    }

    public RequestRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RequestRejectedException(int status, string field, string message)
        : base(message)
    {
        Status = status;
        Field = field;
    }

    public int Status { get; } = StatusCodes.Status400BadRequest;

    public string Field { get; } = string.Empty;

    /// <summary>
    /// The form's fields read before the refusal (every value of each), so a page can show the form again as it was
    /// sent; null when the body was not a form read part by part.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? FieldsRead { get; internal set; }
}
