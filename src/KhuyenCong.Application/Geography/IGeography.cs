using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Geography;

/// <summary>
/// Maps a place as a proposal was submitted (possibly under a province or commune name from before the mergers of
/// 1/7/2025) to today's boundaries, for statistics and filters. Proposals keep the names they were submitted under.
/// </summary>
public interface IGeography
{
    /// <summary>
    /// Today's province and commune for <paramref name="province"/> and <paramref name="commune"/> as written (names or
    /// codes, current or old, with or without diacritics: "Thái Bình", "thai binh", "thai-binh" all give Hưng Yên).
    /// When the province is unknown, the answer's <see cref="GeoPlace.ProvinceCode"/> is null and its name is the
    /// input; when the commune is unknown or ambiguous, <see cref="GeoPlace.CommuneCode"/> is null and the commune
    /// name is the input. Communes come from the loaded lists (<c>POST /api/geography/communes</c>), cached in memory
    /// per province for at most <see cref="GeographyService.CacheLifetime"/>; the first call for a province reads its one
    /// table partition. Thread-safe; never throws for unknown input.
    /// </summary>
    GeoPlace ResolveToday(string province, string? commune);
}

/// <summary>The loaded commune lists with their history (table <c>Communes</c>, see docs/storage.md).</summary>
public interface ICommuneStore
{
    /// <summary>Stores every version (idempotent: a version with the same province, code and date is replaced, never duplicated; other versions stay).</summary>
    Task ImportAsync(IReadOnlyList<CommuneVersion> versions, string by, CancellationToken cancellationToken);

    /// <summary>Every version of every commune of a current province (one partition).</summary>
    Task<IReadOnlyList<CommuneVersion>> ListAsync(string provinceCode, CancellationToken cancellationToken);
}

/// <summary>Today's communes of a current province.</summary>
public sealed record ProvinceCommunes(Province Province, IReadOnlyList<CommuneVersion> Communes);

/// <summary>
/// The geography service: <see cref="IGeography"/> over <see cref="ICommuneStore"/>, with the per-province cache. A
/// province with a shipped list (<see cref="ShippedCommunes"/>: Hưng Yên) whose table partition is still empty is
/// loaded from it the first time it is read (idempotent: the same rows), so its official communes are there from the
/// start; every other province is loaded by an administrator.
/// </summary>
public sealed class GeographyService(ICommuneStore store, TimeProvider time) : IGeography
{
    /// <summary>How long a province's communes are kept in memory before they are read again.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(2);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTimeOffset LoadedAt, CommuneDirectory Directory)> cache = new(StringComparer.Ordinal);

    public GeoPlace ResolveToday(string province, string? commune)
    {
        if (!ProvinceCatalog.TryResolveCurrent(province, out var current))
        {
            return new GeoPlace(null, province ?? string.Empty, null, commune);
        }

        if (string.IsNullOrWhiteSpace(commune))
        {
            return new GeoPlace(current.Code, current.Name, null, commune);
        }

        var directory = DirectoryFor(current.Code);
        var found = directory.Resolve(commune);
        return found is null
            ? new GeoPlace(current.Code, current.Name, null, commune)
            : new GeoPlace(current.Code, current.Name, found.CommuneCode, found.CommuneName);
    }

    public static readonly Bilingual ProvinceRequired = new("Vui lòng chọn tỉnh, thành phố (mã hoặc tên, ví dụ hung-yen).", "Name a province (code or name, for example hung-yen).");

    /// <summary>Today's communes of a province named by its code or name, current or former (<c>?province=</c>); invalid under <c>province</c> otherwise.</summary>
    public async Task<Decision<ProvinceCommunes>> CommunesOfAsync(string? province, CancellationToken cancellationToken)
    {
        if (!ProvinceCatalog.TryResolveCurrent(province, out var current))
        {
            return Decision<ProvinceCommunes>.Invalid(new BilingualErrors().Add("province", ProvinceRequired));
        }

        return Decision<ProvinceCommunes>.Done(new ProvinceCommunes(current, await CurrentCommunesAsync(current.Code, cancellationToken)));
    }

    /// <summary>Today's communes of a current province (for forms and the dashboard), from the cache or the store.</summary>
    public async Task<IReadOnlyList<CommuneVersion>> CurrentCommunesAsync(string provinceCode, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(provinceCode, out var entry) && time.GetUtcNow() - entry.LoadedAt < CacheLifetime)
        {
            return entry.Directory.Current;
        }

        return (await DirectoryAsync(provinceCode, cancellationToken)).Current;
    }

    /// <summary>The directory of a current province (today's communes and their old names), from the cache or the store.</summary>
    public async Task<CommuneDirectory> DirectoryAsync(string provinceCode, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(provinceCode, out var entry) && time.GetUtcNow() - entry.LoadedAt < CacheLifetime)
        {
            return entry.Directory;
        }

        var versions = await LoadAsync(provinceCode, cancellationToken);
        var directory = new CommuneDirectory(versions, Domain.Proposals.VietnamTime.Today(time));
        cache[provinceCode] = (time.GetUtcNow(), directory);
        return directory;
    }

    /// <summary>Loads the shipped list of a province into the store when its partition is empty; the number of versions written (0 when already there).</summary>
    public async Task<int> EnsureShippedAsync(string provinceCode, CancellationToken cancellationToken)
    {
        var shipped = ShippedCommunes.For(provinceCode);
        if (shipped.Count == 0 || (await store.ListAsync(provinceCode, cancellationToken)).Count > 0)
        {
            return 0;
        }

        await store.ImportAsync(shipped, ShippedBy, cancellationToken);
        cache.TryRemove(provinceCode, out _);
        return shipped.Count;
    }

    /// <summary>Who the shipped rows name as having loaded them.</summary>
    public const string ShippedBy = "seed (data/geography)";

    private async Task<IReadOnlyList<CommuneVersion>> LoadAsync(string provinceCode, CancellationToken cancellationToken)
    {
        var versions = await store.ListAsync(provinceCode, cancellationToken);
        if (versions.Count == 0 && ShippedCommunes.For(provinceCode) is { Count: > 0 } shipped)
        {
            await store.ImportAsync(shipped, ShippedBy, cancellationToken);
            return shipped;
        }

        return versions;
    }

    /// <summary>Loads a validated file and drops the cached provinces it touched.</summary>
    public async Task ImportAsync(IReadOnlyList<CommuneVersion> versions, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        await store.ImportAsync(versions, by, cancellationToken);
        foreach (var code in versions.Select(v => v.ProvinceCode).Distinct(StringComparer.Ordinal))
        {
            cache.TryRemove(code, out _);
        }
    }

    private CommuneDirectory DirectoryFor(string provinceCode)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(provinceCode, out var entry) && now - entry.LoadedAt < CacheLifetime)
        {
            return entry.Directory;
        }

        // The interface is synchronous for its callers' convenience (statistics loops); a miss reads one partition.
        var versions = LoadAsync(provinceCode, CancellationToken.None).GetAwaiter().GetResult();
        var directory = new CommuneDirectory(versions, Domain.Proposals.VietnamTime.Today(time));
        cache[provinceCode] = (now, directory);
        return directory;
    }
}
