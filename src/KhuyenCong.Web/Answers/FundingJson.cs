using System.Globalization;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Funding;
using KhuyenCong.Application.Screening;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Requests;

namespace KhuyenCong.Web.Answers;

/// <summary>The JSON of the funding actions: a payment recorded with the budget commitment after it, an acceptance's actual results.</summary>
public static class FundingJson
{
    /// <summary>A payment recorded, with the budget commitment after it.</summary>
    public static object Payment(PaymentReceipt receipt) => new
    {
        payment = receipt.Payment is { } p ? new { p.PaymentId, kind = p.Kind.ToCode(), p.Amount, p.By, p.At } : null,
        commitment = ProposalDossier.CommitmentJson(receipt.Commitment),
    };

    /// <summary>The actual results recorded with an acceptance, under the names the route takes them by; null when none.</summary>
    public static object? Results(ActualResults? r) =>
        r is null ? null : new { actualTrainees = r.Trainees, actualJobs = r.Jobs, modelsBuilt = r.Models, productsCertified = r.ProductsCertified };
}
