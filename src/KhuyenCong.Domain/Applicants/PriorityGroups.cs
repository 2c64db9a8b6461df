using System.Diagnostics.CodeAnalysis;
using KhuyenCong.Domain.Reference;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Applicants;

/// <summary>
/// A priority fact a proposal may record (women-owned, ethnic-minority-owned, difficult area…), with how it may be used
/// (<c>ranking</c>, <c>condition</c>, <c>local</c>) and how sure the source is. Declared by the applicant, checked by the officer.
/// </summary>
public sealed record PriorityGroup(string Code, string Vi, string En, string Use, string Confidence, string? ValidFrom, string? Note)
{
    public string Name(Language language) => new Bilingual(Vi, En).In(language);
}

/// <summary>The priority groups of <c>data/reference/priority-groups.json</c>.</summary>
public static class PriorityGroups
{
    private static readonly Lazy<IReadOnlyList<PriorityGroup>> Data = new(() =>
        ReferenceResources.Load<PriorityFile>("priority-groups.json").Groups
            .Select(g => new PriorityGroup(g.Code, g.Vi, g.En, g.Use, g.Confidence, g.ValidFrom, g.Note)).ToList());

    public static IReadOnlyList<PriorityGroup> All => Data.Value;

    public static bool TryParse(string? code, [NotNullWhen(true)] out PriorityGroup? group)
    {
        var trimmed = code?.Trim();
        group = Data.Value.FirstOrDefault(g => string.Equals(g.Code, trimmed, StringComparison.OrdinalIgnoreCase));
        return group is not null;
    }

    private sealed record PriorityFile(IReadOnlyList<PriorityRow> Groups);

    private sealed record PriorityRow(string Code, string Vi, string En, string Use, string Confidence, string? ValidFrom, string? Note);
}
