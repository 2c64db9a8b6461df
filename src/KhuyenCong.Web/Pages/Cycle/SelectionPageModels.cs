using System.Globalization;
using KhuyenCong.Application.Plans;
using KhuyenCong.Application.Selection;
using KhuyenCong.Domain.Selection;
using KhuyenCong.Web.Components.Documents;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;

namespace KhuyenCong.Web.Pages.Cycle;

/// <summary>
/// What <c>/staff/calls/{callId}/ranking</c> shows: the call's ranking (rule, money, cut, the current selection) and the
/// officer's selection form, fresh or shown again with what was posted.
/// </summary>
public sealed record RankingPageModel(CallRanking Ranking, PostedForm Posted, string Token, StaffLinks Links);

/// <summary>What <c>/staff/calls/{callId}/plan</c> shows: the call's approved selection and its plan steps, with the form of the next step.</summary>
/// <param name="Documents">The call's "Văn bản" section (the tờ trình, the draft plan decision and their signed scans); null shows none.</param>
public sealed record CallPlanPageModel(CallPlanView Plan, PostedForm Posted, string Token, StaffLinks Links, DocumentsSectionModel? Documents = null);

/// <summary>
/// A form as posted and refused (the values by field name and the errors by field, in the page's language), shown
/// again without script; <see cref="None"/> for a fresh form.
/// </summary>
public sealed record PostedForm(IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, IReadOnlyList<string>> Errors)
{
    public static PostedForm None { get; } = new(new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<string>>());

    public bool IsPosted => Values.Count > 0;

    public string? this[string field] => Values.TryGetValue(field, out var value) ? value : null;

    public IReadOnlyList<string>? ErrorsOf(string field) => Errors.TryGetValue(field, out var messages) ? messages : null;
}

/// <summary>
/// The field names of the ranking's and the plan's forms, as the API's JSON names them (<c>lines[i].amount</c>), so a
/// problem's field names the form's control and the route reads the form into the same input as JSON.
/// </summary>
public static class CycleFormFields
{
    public const string Number = "number";
    public const string Date = "date";
    public const string ProposalId = "proposalId";
    public const string Included = "included";
    public const string Amount = "amount";
    public const string IfLeftOut = "ifLeftOut";
    public const string IfNotIncluded = "ifNotIncluded";
    public const string Reason = "reason";
    public const string Lines = "lines";
    public const string Yes = "true";

    /// <summary><c>lines[i].field</c>.</summary>
    public static string Line(int index, string field) => "lines[" + index.ToString(CultureInfo.InvariantCulture) + "]." + field;
}

/// <summary>The addresses of a call's ranking and plan pages, and of the routes their forms post to.</summary>
public static class CyclePaths
{
    public static string Ranking(string callId) => "/staff/calls/" + Uri.EscapeDataString(callId) + "/ranking";

    public static string Plan(string callId) => "/staff/calls/" + Uri.EscapeDataString(callId) + "/plan";

    public static string Selection(string callId) => "/api/calls/" + Uri.EscapeDataString(callId) + "/selection";

    /// <summary><paramref name="step"/>: <c>submission</c> or <c>decision</c>.</summary>
    public static string PlanStep(string callId, string step) => "/api/calls/" + Uri.EscapeDataString(callId) + "/plan/" + step;
}

/// <summary>What the ranking's and the plan's forms and tables share.</summary>
public static class CycleChoices
{
    /// <summary>What happens to a proposal left out of the selection or not included by the decision.</summary>
    public static IReadOnlyList<KhuyenCong.Web.Components.Forms.ChoiceOption> LeftOutOptions(KhuyenCong.Domain.Text.Language language) =>
    [
        new(LeftOut.NotSelected.ToCode(), LeftOut.NotSelected.Label().In(language)),
        new(LeftOut.Reserve.ToCode(), LeftOut.Reserve.Label().In(language)),
    ];

    /// <summary>A proposal as the lines name it: its tracking code and title, or its id when the record is not found.</summary>
    public static string Title(IReadOnlyDictionary<string, KhuyenCong.Domain.Proposals.Proposal> proposals, string id) =>
        proposals.TryGetValue(id, out var p) ? p.TrackingCode + " " + p.Submission.Title : id;
}
