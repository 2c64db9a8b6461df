using System.Diagnostics.CodeAnalysis;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Reference;

/// <summary>A catalogue entry: the value, its stable wire code and its names.</summary>
/// <typeparam name="T">The enum.</typeparam>
/// <param name="Value">The enum value.</param>
/// <param name="Code">Stable lower-case code, stored and sent to clients ("demonstration-model").</param>
/// <param name="VietnameseName">Name shown in Vietnamese, with diacritics.</param>
/// <param name="EnglishName">Name shown in English.</param>
/// <param name="Abbreviation">Usual abbreviation ("KCQG"), if any.</param>
public sealed record CatalogEntry<T>(T Value, string Code, string VietnameseName, string EnglishName, string? Abbreviation = null)
    where T : struct, Enum;

/// <summary>Looks entries of a catalogue up by their code and names them in a language.</summary>
public static class CatalogEntries
{
    /// <summary>The entry's name in a language.</summary>
    public static string Name<T>(this CatalogEntry<T> entry, Language language)
        where T : struct, Enum =>
        language == Language.English ? entry.EnglishName : entry.VietnameseName;

    /// <summary>The value whose code this is, ignoring case and surrounding spaces. Enum names and numbers are not accepted.</summary>
    public static bool TryParse<T>(IReadOnlyList<CatalogEntry<T>> entries, string? code, [MaybeNullWhen(false)] out T value)
        where T : struct, Enum
    {
        var trimmed = code?.Trim();
        var entry = entries.FirstOrDefault(e => string.Equals(e.Code, trimmed, StringComparison.OrdinalIgnoreCase));
        value = entry?.Value ?? default;
        return entry is not null;
    }
}
