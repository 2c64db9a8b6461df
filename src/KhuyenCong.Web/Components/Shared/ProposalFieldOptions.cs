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
    /// <summary>The levels of typical-product rounds (TT 26/2014/TT-BCT art. 14 as amended; district rounds until 30/6/2025).</summary>
    private static readonly Dictionary<string, Bilingual> RoundLevelNames = new(StringComparer.Ordinal)
    {
        ["commune"] = new("Cấp xã", "Commune"),
        ["district"] = new("Cấp huyện (đến 30/6/2025)", "District (until 30 June 2025)"),
        ["province"] = new("Cấp tỉnh", "Province"),
        ["region"] = new("Cấp khu vực", "Region"),
        ["national"] = new("Cấp quốc gia", "National"),
    };

    private static readonly CompareInfo VietnameseOrder = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    /// <summary>The options of <paramref name="field"/> (a <see cref="FieldValueKind.Choice"/> field) in <paramref name="language"/>; provinces in Vietnamese alphabetical order.</summary>
    public static IReadOnlyList<ChoiceOption> For(string field, Language language) => field switch
    {
        ProposalFields.Province => ProvinceCatalog.Current
            .OrderBy(p => p.Name, Comparer<string>.Create((a, b) => VietnameseOrder.Compare(a, b, CompareOptions.None)))
            .Select(p => new ChoiceOption(p.Code, p.Name)).ToList(),
        ProposalFields.Kind => ProposalKinds.All.Select(k => new ChoiceOption(k.Code, k.Value.DisplayName(language))).ToList(),
        ProposalFields.FundingSource => FundingSources.All.Select(s => new ChoiceOption(s.Code, s.Value.DisplayName(language))).ToList(),
        ProposalFields.EntityType => EntityTypes.Selectable.Select(t => new ChoiceOption(t.Code, t.Name(language))).ToList(),
        ProposalFields.Activity => ActivityCatalog.All.Select(a => new ChoiceOption(a.Code, a.Name(language))).ToList(),
        ProposalFields.SectorCode => SectorCatalog.All.Select(x => new ChoiceOption(x.Code, x.ShortName(language))).ToList(),
        ProposalFields.RoundLevel => ProposalFieldRules.RoundLevels.Select(v => new ChoiceOption(v, RoundLevelNames[v].In(language))).ToList(),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No options for this field."),
    };
}
