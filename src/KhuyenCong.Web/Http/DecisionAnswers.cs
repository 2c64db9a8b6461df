using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Http;

/// <summary>
/// How a route words its refusals where the general ones would say less: the title (and detail, status) of an invalid
/// request ("The rubric has errors.", a file's rows: 422), and whether its conflicts are edits made on a version someone
/// else replaced meanwhile (answered under that title).
/// </summary>
public sealed record ProblemWording(Bilingual? InvalidTitle = null, Bilingual? InvalidDetail = null, int InvalidStatus = StatusCodes.Status400BadRequest,
    bool EditConflicts = false);

/// <summary>
/// Maps a use case's <see cref="Decision{T}"/> to the API's answer (ADR 0013): done through the route's own mapping,
/// not found 404, conflict 409, invalid 400 with the errors by field, each an RFC 9457 problem in the request's language.
/// </summary>
public static class DecisionAnswers
{
    private static readonly ProblemWording General = new();

    private static readonly Bilingual FixTheFields = new("Vui lòng sửa các mục được nêu và gửi lại.", "Correct the fields listed in errors and send again.");

    public static IActionResult Answer<T>(this Decision<T> decision, Language language, Func<T, IActionResult> done) =>
        decision.Answer(language, done, General);

    /// <summary>The same, for a route whose answer to a done decision does more work (a download written after the checks).</summary>
    public static async Task<IActionResult> AnswerAsync<T>(this Decision<T> decision, Language language, Func<T, Task<IActionResult>> done)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(done);
        return decision.IsDone ? await done(decision.Value!) : decision.Answer(language, _ => throw new InvalidOperationException("A refusal has no value."));
    }

    public static IActionResult Answer<T>(this Decision<T> decision, Language language, Func<T, IActionResult> done, ProblemWording wording)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(wording);
        return decision.Kind switch
        {
            DecisionKind.Done => done(decision.Value!),
            DecisionKind.NotFound => Problems.Status(StatusCodes.Status404NotFound, decision.Reason!.In(language), language),
            DecisionKind.Conflict when wording.EditConflicts => Problems.EditConflict(decision.Reason!.In(language), language),
            DecisionKind.Conflict => Problems.Status(StatusCodes.Status409Conflict, decision.Reason!.In(language), language),
            _ when wording.InvalidTitle is null && wording.InvalidStatus == StatusCodes.Status400BadRequest => Problems.Fields(decision.Errors!.In(language), language),
            _ => Problems.Errors(wording.InvalidStatus, decision.Errors!.In(language),
                (wording.InvalidTitle ?? ProblemBuilder.Title(wording.InvalidStatus)).In(language), (wording.InvalidDetail ?? FixTheFields).In(language)),
        };
    }
}
