using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Components.Forms;
using KhuyenCong.Web.Components.Shared;

namespace KhuyenCong.Web.Pages.NewProposal;

/// <summary>
/// The options of the proposal's choice fields (<see cref="FieldValueKind.Choice"/>), as a list shows them: the codes
/// the rule accepts (<see cref="ProposalFieldRule.Choices"/>) with their names in the page's language. A new choice field
/// adds its names here.
/// </summary>
public static class ProposalChoices
{
    /// <summary>
    /// The options of <paramref name="field"/> (the rule's choices, <see cref="ProposalFieldOptions"/>); a field without
    /// options throws. Every activity is offered, as the rule accepts it: one an establishment may not propose itself is
    /// refused at intake naming the field.
    /// </summary>
    public static IReadOnlyList<ChoiceOption> For(string field, Language language) => ProposalFieldOptions.For(field, language);

    /// <summary>
    /// The two list fields, which the form shows as several controls rather than one of their name: the priority groups
    /// (checkboxes named <c>priorities</c>) and the beneficiaries of a đề án nhóm (rows of <see cref="BeneficiaryRows"/>).
    /// </summary>
    public static IReadOnlyList<string> ListFields { get; } = [ProposalFields.Beneficiaries, ProposalFields.Priorities];

    /// <summary>The name of a province by its code (any case), or the code itself when it is not a current province.</summary>
    public static string ProvinceName(string code) =>
        ProvinceCatalog.Current.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase))?.Name ?? code;
}
