using System.Globalization;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Reference;

namespace KhuyenCong.Domain.Caps;

/// <summary>
/// The caps shipped with the system: the national versions of <c>data/reference/caps-national.json</c> (TTLT 26/2014
/// from 08/04/2014, TT 28/2018 from 11/05/2018; TT 64/2024's changes not found, so no version after it) and the
/// example local caps of <c>caps-local-examples.json</c> (Hưng Yên's resolution was not found: examples for the
/// administrator to replace). The caps table is seeded with them; <see cref="Version"/> changes when the data does, so
/// the seed rows of an older version are replaced (staff-entered rows are never touched).
/// </summary>
public static class CapSeed
{
    private static readonly Lazy<Seed> Data = new(Load);

    /// <summary>Every shipped cap.</summary>
    public static IReadOnlyList<SupportCap> All => Data.Value.Caps;

    /// <summary>The national caps only.</summary>
    public static IReadOnlyList<SupportCap> National => Data.Value.Caps.Where(c => c.FundingSource == FundingSource.National).ToList();

    /// <summary>A fingerprint of the shipped data: the caps table re-seeds when it differs from the one stored.</summary>
    public static string Version => Data.Value.Version;

    /// <summary>National activities whose figure was looked for and not found (no cap is seeded for them), with what is missing.</summary>
    public static IReadOnlyList<(string Activity, string What)> NotFound => Data.Value.NotFound;

    private static Seed Load()
    {
        var national = ReferenceResources.Load<CapsFile>("caps-national.json");
        var local = ReferenceResources.Load<CapsFile>("caps-local-examples.json");
        var caps = national.Caps.Concat(local.Caps).Select(ToCap).ToList();
        var conflicts = CapResolver.FindConflicts(caps);
        if (conflicts.Count > 0)
        {
            throw new InvalidOperationException($"The shipped caps conflict: {conflicts[0].First.Activity} from {conflicts[0].First.EffectiveFrom}.");
        }

        var text = ReferenceResources.Text("Reference", "caps-national.json") + ReferenceResources.Text("Reference", "caps-local-examples.json");
        var version = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
        return new Seed(caps, version, (national.NotFound ?? []).Select(n => (n.Activity, n.What)).ToList());
    }

    private static SupportCap ToCap(CapRow row) => new(
        FundingSources.TryParse(row.FundingSource, out var source) ? source : throw new InvalidOperationException($"caps: unknown source {row.FundingSource}."),
        row.Province,
        ActivityCatalog.Get(row.Activity).Code,
        Date(row.EffectiveFrom)!.Value,
        Date(row.EffectiveTo),
        row.MaxPercent,
        row.MaxAmount,
        row.Basis)
    {
        Unit = CapUnits.Parse(row.Unit),
        Territory = row.Territory,
        Confidence = row.Confidence,
        Note = row.UnconfirmedAfter is { } after ? $"Chưa đối chiếu sửa đổi của {after}." : null,
    };

    private static DateOnly? Date(string? text) =>
        string.IsNullOrEmpty(text) ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Seed(IReadOnlyList<SupportCap> Caps, string Version, IReadOnlyList<(string, string)> NotFound);

    private sealed record CapsFile(IReadOnlyList<CapRow> Caps, IReadOnlyList<NotFoundRow>? NotFound);

    private sealed record CapRow(string FundingSource, string? Province, string? Territory, string Activity, string Unit, decimal? MaxPercent, long? MaxAmount,
        string EffectiveFrom, string? EffectiveTo, string Basis, string Confidence, string? UnconfirmedAfter);

    private sealed record NotFoundRow(string Activity, string What);
}

/// <summary>The wire codes of <see cref="CapUnit"/> ("per-establishment").</summary>
public static class CapUnits
{
    public static string ToCode(this CapUnit unit) => unit switch
    {
        CapUnit.PerModel => "per-model",
        CapUnit.PerEstablishment => "per-establishment",
        CapUnit.PerEnterprise => "per-enterprise",
        CapUnit.PerEvent => "per-event",
        CapUnit.PerPerson => "per-person",
        _ => "per-proposal",
    };

    public static bool TryParse(string? code, out CapUnit unit)
    {
        foreach (var candidate in Enum.GetValues<CapUnit>())
        {
            if (string.Equals(candidate.ToCode(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                unit = candidate;
                return true;
            }
        }

        unit = CapUnit.PerProposal;
        return false;
    }

    internal static CapUnit Parse(string code) =>
        TryParse(code, out var unit) ? unit : throw new InvalidOperationException($"caps: unknown unit '{code}'.");

    /// <summary>How users read the unit after an amount ("/cơ sở").</summary>
    public static string Suffix(this CapUnit unit, Text.Language language) => (unit, language) switch
    {
        (CapUnit.PerModel, Text.Language.English) => " per model",
        (CapUnit.PerModel, _) => "/mô hình",
        (CapUnit.PerEstablishment, Text.Language.English) => " per establishment",
        (CapUnit.PerEstablishment, _) => "/cơ sở",
        (CapUnit.PerEnterprise, Text.Language.English) => " per enterprise",
        (CapUnit.PerEnterprise, _) => "/doanh nghiệp",
        (CapUnit.PerEvent, Text.Language.English) => " per event",
        (CapUnit.PerEvent, _) => "/lần",
        (CapUnit.PerPerson, Text.Language.English) => " per person",
        (CapUnit.PerPerson, _) => "/người",
        _ => string.Empty,
    };
}
