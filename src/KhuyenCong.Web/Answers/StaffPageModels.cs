using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Programmes;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Components.Forms;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using KhuyenCong.Web.Requests;

namespace KhuyenCong.Web.Answers;

/// <summary>The staff pages' view models from what the functions read (pure mapping).</summary>
internal static class StaffPageModels
{
    private static readonly HashSet<string> NotFilters = new(StringComparer.OrdinalIgnoreCase) { "page", "lang", StaffLinks.FunctionKeyName };

    /// <summary>The list page: the filters as asked (kept by the pager), their errors, the matches (null when a filter is wrong).</summary>
    public static StaffProposalListPageModel List(StaffRequest call, ProposalListRequest list, IReadOnlyList<ProposalSummary>? matches,
        string formToken, IReadOnlyList<ProgrammeRecord> programmes)
    {
        var query = call.Http.Query;
        var filters = query.Where(q => !NotFilters.Contains(q.Key))
            .SelectMany(q => q.Value.Select(value => StaffLinks.Query(q.Key, value ?? string.Empty))).ToList();
        return new StaffProposalListPageModel(StaffLinks.From(call.Http, call.Language), list.Query, query["q"].ToString(), list.Errors,
            matches, list.Page, list.PageSize, filters, list.Sort,
            ProposalListSort.Codes.Select(code => new ChoiceOption(code, ProposalListSort.Label(code).In(call.Language))).ToList(),
            formToken, programmes.Select(p => new ChoiceOption(p.Programme.Id, p.Programme.Name)).ToList());
    }

    /// <summary>One proposal's page for the staff member of <paramref name="call"/>, with the actions their roles allow.</summary>
    public static StaffProposalPageModel Proposal(StaffRequest call, ProposalDossier dossier, string formToken) => new(
        dossier.Proposal,
        dossier.Case,
        dossier.Payments,
        dossier.Commitment,
        dossier.Emails,
        StaffActionChoices.For(dossier.Proposal, dossier.Case, dossier.Payments, call.Staff),
        new StaffFormValues(formToken, Guid.NewGuid().ToString("N")),
        StaffLinks.From(call.Http, call.Language),
        Done: !string.IsNullOrEmpty(call.Http.Query["done"]));

    /// <summary>The page for an unknown proposal, linking to the list.</summary>
    public static StaffNotFoundPageModel ProposalNotFound(StaffRequest call) => new(new Bilingual("Không có đề án này", "No such proposal"),
        StaffLinks.From(call.Http, call.Language).To("/staff/proposals"), new Bilingual("Danh sách đề án", "Proposal list"));
}
