using KhuyenCong.Application.Common;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Functions.Http;
using KhuyenCong.Functions.Workflow;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace KhuyenCong.Functions.Proposals;

/// <summary><c>POST /api/proposals/{id}/cancel</c> <c>{ "reason": "..." }</c>: an officer cancels a proposal at any stage (<see cref="ProposalCancellation"/>).</summary>
public sealed class CancelProposalFunction(ProposalCancellation cancellation, StaffEndpoint staff)
{
    [Function(nameof(CancelProposal))]
    public Task<IActionResult> CancelProposal([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/proposals/{id}/cancel")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durableClient, CancellationToken cancellationToken) =>
        staff.ActionAsync(request, StaffRoles.Officer, id, "cancel", async (c, input) =>
            (await cancellation.CancelAsync(new CancellationOrder(id, input.Field("reason"), c.Staff.Actor), new DurableWorkflowEvents(durableClient), cancellationToken))
            .Answer(c.Language, _ => new AcceptedResult($"/api/proposals/{id}", new { id, status = "cancelling" })), cancellationToken);
}
