using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Caps;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// The proposal form as a response: blank (<c>GET /</c>), or as posted with its problems (<c>POST /api/proposals</c>
/// without JavaScript, <see cref="BrowserAnswers"/>). The cap box shows the caps in force today in Vietnam;
/// when they cannot be read the form is still shown and says so (the server still checks the caps). The calls open
/// today are offered to choose from (issue 13 line 1).
/// </summary>
public sealed partial class ProposalFormPages(ICapStore capStore, ICallStore calls, TimeProvider time, PageRenderer pages, ILogger<ProposalFormPages> logger)
{
    /// <summary>The form in <paramref name="language"/>; <paramref name="posted"/> null for a blank one.</summary>
    public async Task<ContentResult> RenderAsync(HttpRequest request, Language language, PostedProposalForm? posted, PageOptions options,
        CancellationToken cancellationToken)
    {
        var (caps, unavailable) = await CapsAsync(cancellationToken);
        var rules = ProposalFormRules.Build(language, caps, VietnamTime.Today(time), unavailable);
        var model = new ProposalFormPageModel(rules, posted) { OpenCalls = await OpenCallsAsync(cancellationToken) };
        return await pages.PageAsync<ProposalFormPage, ProposalFormPageModel>(request, language, model, options);
    }

    /// <summary>The calls open today; none when they cannot be read (the form is still shown; the server checks the call).</summary>
    private async Task<IReadOnlyList<Call>> OpenCallsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return CallEditing.OpenOn(await calls.ListAsync(cancellationToken), VietnamTime.Today(time));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCallsUnavailable(logger, ex);
            return [];
        }
    }

    private async Task<(IReadOnlyList<SupportCap> Caps, bool Unavailable)> CapsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await capStore.ListAsync(cancellationToken), false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The form must stay usable when the caps cannot be read: the cap box says so, the server still checks.
            LogCapsUnavailable(logger, ex);
            return ([], true);
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "The proposal form was rendered without caps: the cap store failed")]
    private static partial void LogCapsUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3017, Level = LogLevel.Warning, Message = "The proposal form was rendered without calls: the call store failed")]
    private static partial void LogCallsUnavailable(ILogger logger, Exception exception);
}
