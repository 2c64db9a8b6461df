using KhuyenCong.Application.Caps;
using KhuyenCong.Domain.Caps;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Functions.Web;

/// <summary><c>GET /</c>: the proposal form, in the request's language (<see cref="RequestLanguage"/>).</summary>
public sealed partial class ProposalFormFunction(ICapStore capStore, TimeProvider timeProvider, ILogger<ProposalFormFunction> logger)
{
    /// <summary>Vietnam has kept UTC+7 without daylight saving since 1975: "today" for caps is the day in Vietnam.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>
    /// The form page with the caps in force today. The route matches only the site root: Azure Functions cannot give
    /// a function an empty route, so it takes an optional segment that must be empty.
    /// </summary>
    [Function(nameof(ProposalFormPage))]
    public async Task<IActionResult> ProposalFormPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{ignored:maxlength(0)?}")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = RequestLanguage.From(request);
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().ToOffset(VietnamOffset).DateTime);
        IReadOnlyList<SupportCap> caps = [];
        var capsUnavailable = false;
        try
        {
            caps = await capStore.ListAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The form must stay usable when the caps cannot be read: the cap box says so, the server still checks.
            LogCapsUnavailable(logger, ex);
            capsUnavailable = true;
        }

        return Web.ProposalFormPage.Render(request, language, caps, today, capsUnavailable);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "The proposal form was rendered without caps: the cap store failed")]
    private static partial void LogCapsUnavailable(ILogger logger, Exception exception);
}
