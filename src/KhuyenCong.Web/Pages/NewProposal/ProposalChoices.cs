using System.Globalization;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Components.Forms;

namespace KhuyenCong.Web.Pages.NewProposal;

/// <summary>
/// The options of the proposal's choice fields (<see cref="FieldValueKind.Choice"/>), as a list shows them: the codes
/// the rule accepts (<see cref="ProposalFieldRule.Choices"/>) with their names in the page's language. A new choice field
/// adds its names here.
/// </summary>
public static class ProposalChoices
{
    private static readonly CompareInfo VietnameseOrder = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    /// <summary>The options of <paramref name="field"/>; a field without options here throws.</summary>
    public static IReadOnlyList<ChoiceOption> For(string field, Language language) => field switch
    {
        // Provinces in Vietnamese alphabetical order (Đ after D), in both languages: their names are Vietnamese.
        ProposalFields.Province => ProvinceCatalog.Current
            .OrderBy(p => p.Name, Comparer<string>.Create((a, b) => VietnameseOrder.Compare(a, b, CompareOptions.None)))
            .Select(p => new ChoiceOption(p.Code, p.Name))
            .ToList(),
        ProposalFields.Kind => ProposalCatalog.Kinds.Select(k => new ChoiceOption(k.Code, k.Value.DisplayName(language))).ToList(),
        ProposalFields.FundingSource => ProposalCatalog.FundingSources.Select(s => new ChoiceOption(s.Code, s.Value.DisplayName(language))).ToList(),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No options for this field."),
    };

    /// <summary>The name of a province by its code (any case), or the code itself when it is not a current province.</summary>
    public static string ProvinceName(string code) =>
        ProvinceCatalog.Current.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase))?.Name ?? code;
}
