using System.Globalization;
using KhuyenCong.Application.Plans;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Components.Forms;
using KhuyenCong.Web.Rendering;

namespace KhuyenCong.Web.Pages.Cycle;

/// <summary>Which of the page's two forms was posted and refused.</summary>
public enum PlanChangeForm
{
    Adjustment,
    CarryOver,
}

/// <summary>
/// What <c>/staff/plans/{year}/{fundingSource}/adjustments</c> shows: the plan's adjustment decisions and carry-over,
/// the adjustment form (the proposals it may name) and the carry-over form, one of them shown again with what was posted.
/// </summary>
public sealed record PlanChangesPageModel(PlanChangesPageView View, PostedForm Posted, PlanChangeForm PostedTo, string Token, StaffLinks Links)
{
    /// <summary>The refused adjustment form, or <see cref="PostedForm.None"/>.</summary>
    public PostedForm Adjustment => PostedTo == PlanChangeForm.Adjustment ? Posted : PostedForm.None;

    /// <summary>The refused carry-over form, or <see cref="PostedForm.None"/>.</summary>
    public PostedForm CarryOver => PostedTo == PlanChangeForm.CarryOver ? Posted : PostedForm.None;

    public BudgetKey Key => View.Changes.Key;

    public string Title(string proposalId) => View.Titles.TryGetValue(proposalId, out var title) ? title : proposalId;
}

/// <summary>The field names of the adjustment and carry-over forms, as the API's JSON names them (<c>lines[i].action</c>).</summary>
public static class PlanChangeFields
{
    public const string Number = CycleFormFields.Number;
    public const string Date = CycleFormFields.Date;
    public const string Reason = CycleFormFields.Reason;
    public const string ProposalId = CycleFormFields.ProposalId;
    public const string Action = "action";
    public const string Amount = CycleFormFields.Amount;
    public const string Lines = CycleFormFields.Lines;

    /// <summary>How many empty lines the adjustment form offers (empty ones are ignored when read).</summary>
    public const int FormLines = 5;

    /// <summary>The carry-over form's controls' ids (its fields' names are the adjustment form's: <c>number</c>, <c>date</c>).</summary>
    public const string CarryIdPrefix = "carry-";

    /// <summary>What an adjustment does to a proposal, as the form's radios offer it (none preselected).</summary>
    public static IReadOnlyList<ChoiceOption> Actions(Language language, int index) =>
    [
        .. new[] { AdjustmentAction.Add, AdjustmentAction.Remove, AdjustmentAction.Change }
            .Select(a => new ChoiceOption(a.ToCode(), a.Label().In(language), CycleFormFields.Line(index, Action) + "-" + a.ToCode())),
    ];
}

/// <summary>The addresses of a plan's changes page and of the routes its forms post to.</summary>
public static class PlanChangePaths
{
    public static string Page(BudgetKey key) => Page(key.Year, key.FundingSource.ToCode());

    public static string Page(int year, string fundingSource) =>
        "/staff/plans/" + year.ToString(CultureInfo.InvariantCulture) + "/" + Uri.EscapeDataString(fundingSource) + "/adjustments";

    public static string Adjustments(BudgetKey key) => "/api" + Page(key)["/staff".Length..];

    public static string CarryOver(BudgetKey key) =>
        "/api/plans/" + key.Year.ToString(CultureInfo.InvariantCulture) + "/" + key.FundingSource.ToCode() + "/carry-over";
}
