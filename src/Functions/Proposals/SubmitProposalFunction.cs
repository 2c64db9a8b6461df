using KhuyenCong.Application.Workflow;
using KhuyenCong.Functions.Workflow;
using KhuyenCong.Web.Answers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Functions.Proposals;

/// <summary>
/// <c>POST /api/proposals</c>: a proposal from the public form (or JSON), or entered by an officer on an
/// establishment's behalf (<see cref="ProposalSubmissions"/>). 201 with the tracking code, or a problem response that
/// changes nothing.
/// </summary>
public sealed class SubmitProposalFunction(ProposalSubmissions submissions, IOptions<WorkflowOptions> workflow)
{
    [Function(nameof(SubmitProposal))]
    public Task<IActionResult> SubmitProposal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/proposals")] HttpRequest request,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken) =>
        submissions.SubmitAsync(request, new DurableWorkflowStarter(durableClient, workflow.Value.StartVersion), cancellationToken);
}
