using KhuyenCong.Application.Attachments;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Proposals;

/// <summary>Staff reads of a proposal: the record and its attachments (officers).</summary>
public sealed class StaffProposalFunctions(
    IProposalRepository proposals,
    IAttachmentStore attachments,
    KhuyenCong.Application.Email.IEmailLog emailLog,
    KhuyenCong.Application.Workflow.IProposalCaseStore cases,
    KhuyenCong.Application.Budgets.IProposalPayments payments,
    KhuyenCong.Application.Budgets.IBudgetLedger ledger,
    KhuyenCong.Application.Calls.ICallStore calls,
    StaffEndpoint staff)
{
    private static readonly Bilingual NoSuchProposal = new("Không có đề án này.", "No such proposal.");
    private static readonly Bilingual NoSuchFile = new("Không có tệp này.", "No such file.");

    /// <summary>
    /// <c>GET /api/proposals/{id}</c>: the record, its history, its attachments, the earlier-support flag, the workflow's
    /// case (screenings, reviews, verdicts, approvals, contract, reports, acceptance), payments and the budget commitment.
    /// </summary>
    [Function(nameof(GetProposal))]
    public Task<IActionResult> GetProposal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/proposals/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, StaffRoles.Officer, c => GetProposalAsync(c, id, cancellationToken));

    private async Task<IActionResult> GetProposalAsync(StaffRequest c, string id, CancellationToken cancellationToken)
    {
        var dossier = await ProposalDossier.LoadAsync(id, proposals, cases, payments, ledger, emailLog, cancellationToken);
        if (dossier is null)
        {
            return Problems.Status(StatusCodes.Status404NotFound, NoSuchProposal.In(c.Language), c.Language);
        }

        c.NoStore();
        var call = dossier.Proposal.CallId is { } callId ? await calls.GetAsync(callId, cancellationToken) : null;
        return new OkObjectResult(ProposalJson.Of(dossier, call));
    }

    /// <summary><c>GET /api/proposals/{id}/attachments/{attachmentId}</c>: the file, as a download (<see cref="AttachmentDownload"/>).</summary>
    [Function(nameof(DownloadAttachment))]
    public Task<IActionResult> DownloadAttachment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/proposals/{id}/attachments/{attachmentId}")] HttpRequest request,
        string id,
        string attachmentId,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, StaffRoles.Officer, c => DownloadAttachmentAsync(c, id, attachmentId, cancellationToken));

    private async Task<IActionResult> DownloadAttachmentAsync(StaffRequest c, string id, string attachmentId, CancellationToken cancellationToken)
    {
        var attachment = (await proposals.GetAsync(id, cancellationToken))?.Attachments.FirstOrDefault(a => a.Id == attachmentId);
        if (attachment is null)
        {
            return Problems.Status(StatusCodes.Status404NotFound, NoSuchFile.In(c.Language), c.Language);
        }

        return AttachmentDownload.Result(c.Http, attachment, await attachments.OpenReadAsync(id, attachment.Id, cancellationToken));
    }
}
