using KhuyenCong.Application.Workflow;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace KhuyenCong.Functions.Proposals;

/// <summary><c>POST /api/proposals/{id}/cancel</c> <c>{ "reason": "..." }</c>: an officer cancels a proposal at any stage.</summary>
public sealed class CancelProposalFunction(IProposalRepository proposals, StaffEndpoint staff)
{
    [Function(nameof(CancelProposal))]
    public Task<IActionResult> CancelProposal([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/proposals/{id}/cancel")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durableClient, CancellationToken cancellationToken) =>
        staff.ActionAsync(request, StaffRoles.Officer, id, "cancel",
            (c, input) => CancelAsync(id, input, c.Staff, c.Language, durableClient, cancellationToken), cancellationToken);

    private async Task<IActionResult> CancelAsync(string id, ActionInput input, StaffPrincipal officer, Language language, DurableTaskClient durableClient, CancellationToken cancellationToken)
    {
        var en = language == Language.English;
        var raw = input.HasWrongType("reason") ? null : input.Text("reason");
        var reason = raw is null || VietnameseText.HasForbiddenCharacters(raw) ? null : VietnameseText.Normalize(raw, TextMode.MultiLine);
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000)
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "reason",
                en ? "Give the reason for cancelling (at most 1000 characters): the applicant receives it." : "Vui lòng nêu lý do hủy (tối đa 1000 ký tự): cơ sở sẽ nhận được lý do này.", language);
        }

        var proposal = await proposals.GetAsync(id, cancellationToken);
        if (proposal is null)
        {
            return Problems.Status(StatusCodes.Status404NotFound, en ? "No such proposal." : "Không có đề án này.", language);
        }

        var instance = await durableClient.GetInstanceAsync(id, cancellationToken);
        if (proposal.Status.IsFinal() || instance?.RuntimeStatus is not OrchestrationRuntimeStatus.Running and not OrchestrationRuntimeStatus.Pending)
        {
            return Problems.Status(StatusCodes.Status409Conflict,
                en ? $"The proposal is already closed ({proposal.Status.ToCode()})." : $"Đề án đã kết thúc ({ProposalStatusLabels.Label(proposal.Status, language)}).", language);
        }

        await durableClient.RaiseEventAsync(id, WorkflowEvents.Cancelled, new CancellationRequest(officer.Actor, reason), cancellationToken);
        return new AcceptedResult($"/api/proposals/{id}", new { id, status = "cancelling" });
    }
}
