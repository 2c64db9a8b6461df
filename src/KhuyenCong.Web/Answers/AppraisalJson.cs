using KhuyenCong.Application.Appraisal;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Web.Http;

namespace KhuyenCong.Web.Answers;

/// <summary>The JSON of the appraisal routes: a reviewer of the roster (with its open reviews) and a rubric.</summary>
public static class AppraisalJson
{
    /// <summary>A reviewer of the roster with its open reviews.</summary>
    public static object Of(RosterEntry entry)
    {
        var r = entry.Reviewer;
        return new
        {
            id = r.Id,
            name = r.Name,
            email = r.Email,
            phone = r.Phone,
            organization = r.Organization,
            kinds = r.Kinds.Select(k => k.ToCode()),
            sectors = r.Sectors,
            declaredTaxCodes = r.DeclaredTaxCodes,
            declaredOrganizations = r.DeclaredOrganizations,
            active = r.Active,
            openReviews = entry.OpenReviews,
        };
    }

    /// <summary>A rubric version: its criteria and points.</summary>
    public static object Of(Rubric rubric) => new
    {
        id = rubric.Id,
        version = rubric.Version,
        totalPoints = rubric.TotalPoints,
        passMark = rubric.PassMark,
        criteria = rubric.Criteria.Select(c => new { c.Code, c.NameVi, c.NameEn, c.DescriptionVi, c.DescriptionEn, c.MaxPoints }),
    };
}
