using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Http;

/// <summary>
/// A staff request that passed <see cref="StaffEndpoint"/>'s checks: who sent it, in which language, and the body it
/// carried once read within the limits (JSON bytes, an HTML form or a file).
/// </summary>
public sealed class StaffRequest(HttpRequest http, StaffPrincipal staff, Language language)
{
    public HttpRequest Http { get; } = http;

    public StaffPrincipal Staff { get; } = staff;

    public Language Language { get; } = language;

    public bool En => Language == Language.English;

    /// <summary>The JSON body (for routes that take JSON), as read.</summary>
    public ReadOnlyMemory<byte>? Json { get; internal set; }

    /// <summary>The HTML form (for routes that take one), its CSRF token already checked.</summary>
    public IFormCollection? Form { get; internal set; }

    /// <summary>The file's bytes (for routes that take a file): the raw body, or the first file of a multipart form.</summary>
    public byte[]? File { get; internal set; }

    /// <summary>The Vietnamese or the English text.</summary>
    public string T(string vietnamese, string english) => En ? english : vietnamese;

    /// <summary>A problem with the status's title and <paramref name="vietnamese"/> or <paramref name="english"/> as its detail.</summary>
    public IActionResult Problem(int status, string vietnamese, string english) => Problems.Status(status, T(vietnamese, english), Language);

    /// <summary>A 400 naming one field.</summary>
    public IActionResult FieldProblem(int status, string field, string vietnamese, string english) =>
        Problems.Field(status, field, T(vietnamese, english), Language);

    /// <summary>The answer holds data that must not be kept in any cache.</summary>
    public void NoStore() => Http.HttpContext.Response.Headers.CacheControl = "no-store";
}

/// <summary>What a route's JSON body must be, for the 400 that names it: "Nội dung phải là {Vietnamese}." / "The body must be {English}."</summary>
public sealed record BodyShape(string Vietnamese, string English);

/// <summary>A file a staff route takes: at most <paramref name="MaxBytes"/>, sent raw as one of <paramref name="MediaTypes"/> or in a multipart form.</summary>
public sealed record StaffFileRule(long MaxBytes, IReadOnlyList<string> MediaTypes);

/// <summary>
/// A staff page whose form posts to a JSON route (<see cref="StaffEndpoint.FormOrJsonAsync{T}"/>): how the form's
/// fields make the route's input, the page's address (where a form post goes back to), and the page shown again with
/// the values posted and the problem's errors at their fields.
/// </summary>
public sealed record StaffFormPage<T>(Func<IFormCollection, T> Read, string Page, Func<StaffRequest, KhuyenCong.Web.Problems.ProblemView, Task<IActionResult>> Again);
