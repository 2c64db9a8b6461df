using System.Text;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Geography;

/// <summary>
/// One version of a commune-level unit (xã, phường, đặc khu) of a current province, in force from
/// <paramref name="EffectiveFrom"/> until a later version of the same code. Versions are never erased: a proposal
/// submitted under an old name still finds its place today.
/// </summary>
/// <param name="ProvinceCode">The current province's code (<see cref="ProvinceCatalog.Current"/>).</param>
/// <param name="CommuneCode">The commune's code (the statistics office's code).</param>
/// <param name="CommuneName">The name with its kind ("Phường Phố Hiến").</param>
/// <param name="OldNames">The names (or codes) of the units it replaced or was called before.</param>
/// <param name="EffectiveFrom">The day this version took effect.</param>
public sealed record CommuneVersion(string ProvinceCode, string CommuneCode, string CommuneName, IReadOnlyList<string> OldNames, DateOnly EffectiveFrom);

/// <summary>
/// A place resolved to today's boundaries. When the province is unknown, <see cref="ProvinceCode"/> is null and
/// <see cref="ProvinceName"/> is the input; when the commune is unknown (or ambiguous), <see cref="CommuneCode"/> is
/// null and <see cref="CommuneName"/> is the input as given.
/// </summary>
public sealed record GeoPlace(string? ProvinceCode, string ProvinceName, string? CommuneCode, string? CommuneName)
{
    public bool IsProvinceKnown => ProvinceCode is not null;

    public bool IsCommuneKnown => CommuneCode is not null;
}

/// <summary>
/// The communes of one current province with their history, answering "which commune is this name today?".
/// Names match ignoring case, diacritics, spacing, punctuation and the kind prefix ("Xã", "Phường", "Thị trấn",
/// "Đặc khu"): "phuong pho hien", "Phố Hiến" and "P. Phố Hiến" are one name. A name that matches today's name of a
/// commune wins; otherwise an old name or an earlier version's name; a name that two communes claim stays unresolved.
/// </summary>
public sealed class CommuneDirectory
{
    private static readonly string[] Prefixes = ["thi tran ", "dac khu ", "phuong ", "xa ", "tt. ", "tt ", "p. ", "x. "];

    private readonly Dictionary<string, CommuneVersion> current = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CommuneVersion>> byCurrentName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CommuneVersion>> byOldName = new(StringComparer.Ordinal);

    public CommuneDirectory(IEnumerable<CommuneVersion> versions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var all = versions.Where(v => v.EffectiveFrom <= today).ToList();
        foreach (var group in all.GroupBy(v => v.CommuneCode, StringComparer.Ordinal))
        {
            current[group.Key] = group.OrderBy(v => v.EffectiveFrom).Last();
        }

        foreach (var commune in current.Values)
        {
            Add(byCurrentName, Key(commune.CommuneName), commune);
            Add(byCurrentName, Key(commune.CommuneCode), commune);
        }

        foreach (var version in all)
        {
            var latest = current[version.CommuneCode];
            if (!string.Equals(Key(version.CommuneName), Key(latest.CommuneName), StringComparison.Ordinal))
            {
                Add(byOldName, Key(version.CommuneName), latest);
            }

            foreach (var old in version.OldNames)
            {
                Add(byOldName, Key(old), latest);
            }
        }
    }

    /// <summary>Today's communes of the province, by name.</summary>
    public IReadOnlyList<CommuneVersion> Current => current.Values.OrderBy(c => Key(c.CommuneName), StringComparer.Ordinal).ToList();

    /// <summary>Today's commune for a current or old name (or code); null when unknown or claimed by two communes.</summary>
    public CommuneVersion? Resolve(string? name)
    {
        var key = Key(name);
        if (key.Length == 0)
        {
            return null;
        }

        if (byCurrentName.TryGetValue(key, out var now))
        {
            return now.Count == 1 ? now[0] : null;
        }

        return byOldName.TryGetValue(key, out var old) && old.Count == 1 ? old[0] : null;
    }

    /// <summary>The matching key of a commune name: folded, without the kind prefix, letters and digits only.</summary>
    public static string Key(string? name)
    {
        var folded = VietnameseText.Fold(name);
        foreach (var prefix in Prefixes)
        {
            if (folded.Length > prefix.Length && folded.StartsWith(prefix, StringComparison.Ordinal))
            {
                folded = folded[prefix.Length..];
                break;
            }
        }

        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded.Where(char.IsAsciiLetterOrDigit))
        {
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static void Add(Dictionary<string, List<CommuneVersion>> map, string key, CommuneVersion commune)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        if (!list.Any(c => string.Equals(c.CommuneCode, commune.CommuneCode, StringComparison.Ordinal)))
        {
            list.Add(commune);
        }
    }
}
