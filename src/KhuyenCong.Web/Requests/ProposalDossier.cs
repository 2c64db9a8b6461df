using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Email;
using KhuyenCong.Application.Funding;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Web.Requests;

/// <summary>Everything staff see of a proposal: the record, its case, its payments and commitment, the emails sent.</summary>
public sealed record ProposalDossier(
    Proposal Proposal,
    ProposalCase Case,
    IReadOnlyList<BudgetPayment> Payments,
    Commitment? Commitment,
    IReadOnlyList<SentEmail> Emails)
{
    /// <summary>Reads the dossier (the proposal's partition twice, one ledger point read, the email log), or null for an unknown proposal.</summary>
    public static async Task<ProposalDossier?> LoadAsync(string id, IProposalRepository proposals, IProposalCaseStore cases, IProposalPayments payments,
        IBudgetLedger ledger, IEmailLog emailLog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(emailLog);
        var proposal = await proposals.GetAsync(id, cancellationToken);
        if (proposal is null)
        {
            return null;
        }

        var @case = cases.GetAsync(proposal.Id, cancellationToken);
        var paid = payments.ListAsync(proposal.Id, cancellationToken);
        var emails = emailLog.ListAsync(proposal.Id, cancellationToken);
        var commitment = ProposalCommitments.AcrossYearsAsync(ledger, proposal, cancellationToken);
        await Task.WhenAll(@case, paid, emails, commitment);
        return new ProposalDossier(proposal, await @case, await paid, await commitment, await emails);
    }

    /// <summary>The case, payments and commitment as JSON for <c>GET /api/proposals/{id}</c> (reviewer emails never appear).</summary>
    public object CaseJson() => new
    {
        screenings = Case.Screenings.Select(s => new
        {
            s.Round,
            findings = s.Findings.Select(f => new { f.Code, vi = f.Vi, en = f.En, f.Blocking }),
            s.CheckedAt,
            outcome = Code(s.Outcome),
            s.DecidedBy,
            s.DecidedAt,
            s.Comment,
            s.RevisionDueAt,
            s.RevisedAt,
        }),
        appraisalRound = Case.AppraisalRound,
        reviews = Case.Reviews.Select(r => new
        {
            r.Round,
            r.ReviewerId,
            r.ReviewerName,
            state = Code(r.State),
            total = r.Total,
            recommendation = r.Recommendation?.ToCode(),
            r.InvitedAt,
            r.DueAt,
            r.DecidedAt,
            r.DecidedBy,
            r.Comment,
            r.RubricId,
            r.RubricVersion,
        }),
        verdicts = Case.Verdicts.Select(v => new { v.Round, v.Passed, recommendation = v.Recommendation.ToCode(), v.AverageTotal, v.MaxTotal, v.RubricId, v.RubricVersion, v.At, v.Reasons }),
        approvals = Case.Approvals.Select(a => new { a.Round, outcome = Code(a.Outcome), a.Amount, a.DecisionNumber, decisionDate = Iso(a.DecisionDate), a.Comment, a.By, a.At }),
        contract = Case.Contract is { } c ? new { c.ContractNumber, contractDate = Iso(c.ContractDate), c.Note, signatory = c.Signatory ?? ContractSignatories.Centre, c.By, c.At } : null,
        reports = Case.Reports.Select(r => new { r.Id, r.IsAcceptancePapers, r.Text, r.AttachmentIds, r.At }),
        hasAcceptancePapers = Case.HasAcceptancePapers,
        acceptance = Case.Acceptance is { } a ? new { acceptedOn = Iso(a.AcceptedOn), a.Comment, a.By, a.At } : null,
    };

    public object PaymentsJson() => Payments.Select(p => new { p.PaymentId, kind = p.Kind.ToCode(), p.Amount, p.By, p.At });

    public object? CommitmentJson() => CommitmentJson(Commitment);

    /// <summary>A commitment as the staff routes answer it: approved, paid, unpaid, released.</summary>
    public static object? CommitmentJson(Commitment? commitment) =>
        commitment is null ? null : new { approved = commitment.Approved, paid = commitment.Paid, unpaid = commitment.Unpaid, released = commitment.IsReleased };

    public static string? Code(ScreeningOutcome? outcome) => outcome switch
    {
        ScreeningOutcome.Accept => "accept",
        ScreeningOutcome.Reject => "reject",
        ScreeningOutcome.RequestDocuments => "request-documents",
        _ => null,
    };

    public static string Code(ReviewState state) => state switch
    {
        ReviewState.Invited => "invited",
        ReviewState.Submitted => "submitted",
        ReviewState.Conflict => "conflict",
        _ => "replaced",
    };

    public static string Code(DirectorOutcome outcome) => outcome switch
    {
        DirectorOutcome.Approve => "approve",
        DirectorOutcome.Reject => "reject",
        _ => "revise",
    };

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
