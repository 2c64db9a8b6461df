using System.Globalization;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Requests;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// The body of <c>GET /api/proposals/{id}</c>: the record, its history, its attachments, the earlier-support flag, the
/// workflow's case (screenings, reviews, verdicts, approvals, contract, reports, acceptance), payments and the budget
/// commitment (docs/api.md names each property).
/// </summary>
public static class ProposalJson
{
    /// <summary>The dossier as JSON; <paramref name="call"/> is the proposal's call, whose documents the checklist uses.</summary>
    public static object Of(ProposalDossier dossier, Call? call)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var proposal = dossier.Proposal;
        return new
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
            submission = Submission(proposal.Submission),
            documents = Documents(proposal, call),
            attachments = proposal.Attachments.Select(a => new { a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt, a.Document, url = $"/api/proposals/{proposal.Id}/attachments/{a.Id}" }),
            earlierProposalCount = proposal.EarlierProposalCount,
            earlierProposals = proposal.EarlierProposals.Select(e => new { e.ProposalId, e.TrackingCode, e.SubmittedAt, e.Title, status = e.Status.ToCode() }),
            history = proposal.History.Select(h => new { h.At, from = h.From?.ToCode(), to = h.To.ToCode(), h.By, h.Comment }),
            funding = Funding(proposal.Funding),
            programmeId = proposal.ProgrammeId,
            emailsSent = dossier.Emails.Select(e => new { e.Subject, e.SentAt }),
            @case = dossier.CaseJson(),
            payments = dossier.PaymentsJson(),
            commitment = dossier.CommitmentJson(),
        };
    }

    /// <summary>One page of the staff list (<c>GET /api/proposals</c>): the year, the page, the total and the page's proposals.</summary>
    public static object Page(IReadOnlyList<ProposalSummary> matching, int year, int page, int pageSize, Language language) => new
    {
        year,
        page,
        pageSize,
        total = matching.Count,
        items = matching.Skip((page - 1) * pageSize).Take(pageSize).Select(p => new
        {
            p.Id,
            p.TrackingCode,
            p.Title,
            p.OrganizationName,
            status = p.Status.ToCode(),
            statusLabel = ProposalStatusLabels.Label(p.Status, language),
            kind = p.Kind.ToCode(),
            fundingSource = p.FundingSource.ToCode(),
            p.Province,
            p.SubmittedAt,
            p.RequestedSupport,
            url = $"/api/proposals/{p.Id}",
        }),
    };

    private static object Submission(ProposalSubmission s) => new
    {
        s.OrganizationName, s.TaxCode, s.Representative, s.Email, s.Phone, s.Address, s.Commune, s.Province,
        kind = s.Kind.ToCode(), s.Sector, fundingSource = s.FundingSource.ToCode(), s.Title, s.Summary,
        s.TotalCost, s.RequestedSupport, s.OwnContribution,
        startDate = s.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        endDate = s.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        s.ExpectedJobs, s.ExpectedTrainees,
        s.EntityType, activity = ProposalActivity.Of(s).Code, s.CommuneCode, s.CommuneAsSubmitted, s.SectorCode,
        s.Priorities, s.Beneficiaries, s.RoundLevel,
    };

    private static object Funding(ProposalFunding funding) => new
    {
        funding.ApprovedAmount,
        funding.DecisionNumber,
        decisionDate = IsoDate(funding.DecisionDate),
        funding.ContractNumber,
        contractDate = IsoDate(funding.ContractDate),
        funding.PaidAmount,
        acceptedOn = IsoDate(funding.AcceptedOn),
        settledOn = IsoDate(funding.SettledOn),
        funding.Results,
    };

    /// <summary>The dossier against the documents its call (or else its activity) asks for: present, missing, files not marked.</summary>
    private static object Documents(Proposal proposal, Call? call)
    {
        var c = DocumentChecklist.For(proposal, call);
        return new { present = c.Present.Select(d => d.Code), missing = c.Missing.Select(d => d.Code), unmarkedFiles = c.Unmarked };
    }

    private static string? IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
