using System.Globalization;
using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Caps;
using KhuyenCong.Application.Councils;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Councils;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;

namespace KhuyenCong.Web.Answers;

/// <summary>The JSON of the yearly cycle's routes: a call for proposals, a council with its session, a support cap.</summary>
public static class CycleJson
{
    /// <summary>A call for proposals, its state on <paramref name="today"/>.</summary>
    public static object Of(Call call, DateOnly today, Language language) => new
    {
        id = call.Id,
        planYear = call.PlanYear,
        fundingSource = call.FundingSource.ToCode(),
        fundingSourceName = call.FundingSource.DisplayName(language),
        title = call.Title,
        opensOn = Date(call.OpensOn),
        closesOn = Date(call.ClosesOn),
        status = call.StatusOn(today).ToCode(),
        kinds = call.Kinds,
        requiredDocuments = call.RequiredDocuments,
        description = call.Description,
        version = call.Version,
        url = Url(call),
    };

    /// <summary>A council, with its session once recorded.</summary>
    public static object Of(Council council, SessionRecord? session) => new
    {
        id = council.Id,
        callIds = council.CallIds,
        decisionNumber = council.DecisionNumber,
        decisionDate = Date(council.DecisionDate),
        chairId = council.ChairId,
        secretaryId = council.SecretaryId,
        memberIds = council.MemberIds,
        quorum = council.Quorum,
        createdBy = council.CreatedBy,
        createdAt = council.CreatedAt,
        url = Url(council),
        session = session is null ? null : new
        {
            id = session.Session.Id,
            heldOn = Date(session.Session.HeldOn),
            presentMemberIds = session.Session.PresentMemberIds,
            recordedBy = session.Session.RecordedBy,
            conclusions = session.Conclusions.Select(c => new
            {
                proposalId = c.ProposalId,
                round = c.Conclusion.Round,
                passed = c.Conclusion.Passed,
                average = c.Conclusion.Average,
                maxTotal = c.MaxTotal,
                reasonVi = c.Conclusion.ReasonVi,
                reasonEn = c.Conclusion.ReasonEn,
            }),
        },
    };

    /// <summary>A support cap with its basis.</summary>
    public static object Of(SupportCap c) => new
    {
        fundingSource = c.FundingSource.ToCode(),
        province = c.Province,
        territory = c.Territory,
        activity = c.Activity,
        kind = c.Kind.ToCode(),
        effectiveFrom = c.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        effectiveTo = c.EffectiveTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        maxPercent = c.MaxPercent,
        maxAmount = c.MaxAmount,
        unit = c.Unit.ToCode(),
        confidence = c.Confidence,
        note = c.Note,
        basis = c.Basis,
    };

    /// <summary>The call's address in the API.</summary>
    public static string Url(Call call) => "/api/calls/" + call.Id;

    /// <summary>The council's address in the API.</summary>
    public static string Url(Council council) => "/api/councils/" + council.Id;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
