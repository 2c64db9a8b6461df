using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Functions.Http;

/// <summary>
/// Maps a use case's <see cref="Decision{T}"/> to the API's answer (ADR 0013): done through the route's own mapping,
/// not found 404, conflict 409, invalid 400 with the errors by field, each an RFC 9457 problem in the request's language.
/// </summary>
public static class DecisionAnswers
{
    public static IActionResult Answer<T>(this Decision<T> decision, Language language, Func<T, IActionResult> done)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(done);
        return decision.Kind switch
        {
            DecisionKind.Done => done(decision.Value!),
            DecisionKind.NotFound => Problems.Status(StatusCodes.Status404NotFound, decision.Reason!.In(language), language),
            DecisionKind.Conflict => Problems.Status(StatusCodes.Status409Conflict, decision.Reason!.In(language), language),
            _ => Problems.Fields(decision.Errors!.In(language), language),
        };
    }
}
