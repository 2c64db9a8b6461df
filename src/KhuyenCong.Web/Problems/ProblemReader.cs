using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Problems;

/// <summary>A problem as a page shows it: status, title, detail and the messages by field (empty when none).</summary>
public sealed record ProblemView(int Status, string Title, string? Detail, IReadOnlyDictionary<string, IReadOnlyList<string>> Errors);

/// <summary>
/// Reads back the problem an answer carries (built by <see cref="ProblemBuilder"/>), typed, so a page that calls the
/// same code as an API route can show the API's problem: its title, detail and errors by field.
/// </summary>
public static class ProblemReader
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoErrors = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The problem of <paramref name="result"/>, or null when it is not a problem answer.</summary>
    public static ProblemView? Read(IActionResult? result) =>
        result is ObjectResult { Value: ProblemDetails problem } answer ? Read(problem, answer.StatusCode) : null;

    /// <summary>The problem, with <paramref name="status"/> when the answer's status differs from the body's.</summary>
    public static ProblemView Read(ProblemDetails problem, int? status = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var errors = problem is HttpValidationProblemDetails validation
            ? validation.Errors.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value, StringComparer.Ordinal)
            : NoErrors;
        return new ProblemView(status ?? problem.Status ?? StatusCodes.Status500InternalServerError, problem.Title ?? string.Empty, problem.Detail, errors);
    }
}
