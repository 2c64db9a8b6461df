using KhuyenCong.Functions.Workflow;
using KhuyenCong.Web.Answers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace KhuyenCong.Functions.Selection;

/// <summary>
/// The director's emailed link to a call's selection (<c>/links/selection/{token}</c>, <see cref="SelectionLinkPages"/>):
/// GET only shows; the POST decides for the signed-in director, with the page's form token.
/// </summary>
public sealed class SelectionLinkFunctions(SelectionLinkPages pages)
{
    [Function(nameof(SelectionLinkPage))]
    public Task<IActionResult> SelectionLinkPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "links/selection/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        pages.ShowAsync(request, token, cancellationToken);

    [Function(nameof(SelectionLinkDecision))]
    public Task<IActionResult> SelectionLinkDecision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "links/selection/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken) =>
        pages.DecideAsync(request, token, new DurableWorkflowEvents(durableClient), cancellationToken);
}
