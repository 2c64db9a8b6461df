using KhuyenCong.Application.Attachments;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
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
        var (request, language) = (c.Http, c.Language);
        var dossier = await ProposalDossier.LoadAsync(id, proposals, cases, payments, ledger, emailLog, cancellationToken);
        if (dossier is null)
        {
            return Problems.Status(StatusCodes.Status404NotFound, language == Language.English ? "No such proposal." : "Không có đề án này.", language);
        }

        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var proposal = dossier.Proposal;
        var emails = dossier.Emails;
        var s = proposal.Submission;
        return new OkObjectResult(new
        {
            id = proposal.Id,
            trackingCode = proposal.TrackingCode,
            status = proposal.Status.ToCode(),
            submittedAt = proposal.SubmittedAt,
            channel = proposal.Channel switch
            {
                SubmissionChannel.Officer => "officer",
                SubmissionChannel.Imported => "imported",
                _ => "online",
            },
            enteredBy = proposal.EnteredBy,
            submission = new
            {
                s.OrganizationName, s.TaxCode, s.Representative, s.Email, s.Phone, s.Address, s.Commune, s.Province,
                kind = s.Kind.ToCode(), s.Sector, fundingSource = s.FundingSource.ToCode(), s.Title, s.Summary,
                s.TotalCost, s.RequestedSupport, s.OwnContribution,
                startDate = s.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                endDate = s.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                s.ExpectedJobs, s.ExpectedTrainees,
                s.EntityType, activity = ProposalActivity.Of(s).Code, s.CommuneCode, s.CommuneAsSubmitted, s.SectorCode,
                s.Priorities, s.Beneficiaries, s.RoundLevel,
            },
            documents = DocumentsJson(proposal, proposal.CallId is { } callId ? await calls.GetAsync(callId, cancellationToken) : null),
            attachments = proposal.Attachments.Select(a => new { a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt, a.Document, url = $"/api/proposals/{proposal.Id}/attachments/{a.Id}" }),
            earlierProposalCount = proposal.EarlierProposalCount,
            earlierProposals = proposal.EarlierProposals.Select(e => new { e.ProposalId, e.TrackingCode, e.SubmittedAt, e.Title, status = e.Status.ToCode() }),
            history = proposal.History.Select(h => new { h.At, from = h.From?.ToCode(), to = h.To.ToCode(), h.By, h.Comment }),
            funding = new
            {
                proposal.Funding.ApprovedAmount,
                proposal.Funding.DecisionNumber,
                decisionDate = IsoDate(proposal.Funding.DecisionDate),
                proposal.Funding.ContractNumber,
                contractDate = IsoDate(proposal.Funding.ContractDate),
                proposal.Funding.PaidAmount,
                acceptedOn = IsoDate(proposal.Funding.AcceptedOn),
                settledOn = IsoDate(proposal.Funding.SettledOn),
                proposal.Funding.Results,
            },
            programmeId = proposal.ProgrammeId,
            emailsSent = emails.Select(e => new { e.Subject, e.SentAt }),
            @case = dossier.CaseJson(),
            payments = dossier.PaymentsJson(),
            commitment = dossier.CommitmentJson(),
        });
    }

    /// <summary>The dossier against the documents its call (or else its activity) asks for: present, missing, files not marked.</summary>
    private static object DocumentsJson(Proposal proposal, Domain.Calls.Call? call)
    {
        var c = Domain.Documents.DocumentChecklist.For(proposal, call);
        return new { present = c.Present.Select(d => d.Code), missing = c.Missing.Select(d => d.Code), unmarkedFiles = c.Unmarked };
    }

    private static string? IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

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
        var (request, language) = (c.Http, c.Language);
        var attachment = (await proposals.GetAsync(id, cancellationToken))?.Attachments.FirstOrDefault(a => a.Id == attachmentId);
        if (attachment is null)
        {
            return Problems.Status(StatusCodes.Status404NotFound, language == Language.English ? "No such file." : "Không có tệp này.", language);
        }

        return AttachmentDownload.Result(request, attachment, await attachments.OpenReadAsync(id, attachment.Id, cancellationToken));
    }
}
