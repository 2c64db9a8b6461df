using System.Globalization;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Applicants;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Sectors;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Components.Forms;

namespace KhuyenCong.Web.Components.Shared;

/// <summary>The choices of a proposal's choice fields (province, kind, funding source, entity type, activity, sector group, round level), as a form offers them.</summary>
public static class ProposalFieldOptions
{
    private static readonly CompareInfo VietnameseOrder = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    /// <summary>The options of <paramref name="field"/> (a <see cref="FieldValueKind.Choice"/> field) in <paramref name="language"/>; provinces in Vietnamese alphabetical order.</summary>
    public static IReadOnlyList<ChoiceOption> For(string field, Language language) => field switch
    {
        ProposalFields.Province => ProvinceCatalog.Current
            .OrderBy(p => p.Name, Comparer<string>.Create((a, b) => VietnameseOrder.Compare(a, b, CompareOptions.None)))
            .Select(p => new ChoiceOption(p.Code, p.Name)).ToList(),
        ProposalFields.Kind => ProposalCatalog.Kinds.Select(k => new ChoiceOption(k.Code, k.Value.DisplayName(language))).ToList(),
        ProposalFields.FundingSource => ProposalCatalog.FundingSources.Select(s => new ChoiceOption(s.Code, s.Value.DisplayName(language))).ToList(),
        ProposalFields.EntityType => EntityTypes.Selectable.Select(t => new ChoiceOption(t.Code, t.Name(language))).ToList(),
        ProposalFields.Activity => ActivityCatalog.All.Select(a => new ChoiceOption(a.Code, a.Name(language))).ToList(),
        ProposalFields.SectorCode => SectorCatalog.All.Select(x => new ChoiceOption(x.Code, x.ShortName(language))).ToList(),
        ProposalFields.RoundLevel => ProposalFieldRules.RoundLevels.Select(v => new ChoiceOption(v, v)).ToList(),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No options for this field."),
    };
}
