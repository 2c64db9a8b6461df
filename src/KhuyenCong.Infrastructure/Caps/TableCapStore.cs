using System.Globalization;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Caps;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Infrastructure.Storage;

namespace KhuyenCong.Infrastructure.Caps;

/// <summary>
/// Caps in table <c>SupportCaps</c>: partition = funding source, row = province (or *) | kind | effective date, so
/// one cap per source, province, kind and date. The national caps are written the first time the table is read empty.
/// </summary>
public sealed class TableCapStore(StorageTables storage, TimeProvider time) : ICapStore
{
    /// <summary>How long an instance keeps the caps it read (each submission needs them; they change a few times a year).</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    private const string Everywhere = "*";
    // One reference, swapped atomically: concurrent submissions never see a torn (time, list) pair.
    private CachedCaps? cache;

    public async Task<IReadOnlyList<SupportCap>> ListAsync(CancellationToken cancellationToken)
    {
        if (cache is { } cached && time.GetUtcNow() - cached.ReadAt < CacheLifetime)
        {
            return cached.Caps;
        }

        var caps = await ReadOrSeedAsync(cancellationToken);
        cache = new CachedCaps(time.GetUtcNow(), caps);
        return caps;
    }

    private async Task<IReadOnlyList<SupportCap>> ReadOrSeedAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.SupportCaps, cancellationToken);
        var caps = await ReadAllAsync(table, cancellationToken);
        if (caps.Count > 0)
        {
            return caps;
        }

        foreach (var cap in NationalCaps.Seed)
        {
            // Seeding is idempotent: concurrent first reads write the same rows.
            await table.UpsertEntityAsync(ToEntity(cap, "seed", time.GetUtcNow()), TableUpdateMode.Replace, cancellationToken);
        }

        return await ReadAllAsync(table, cancellationToken);
    }

    public async Task SaveAsync(SupportCap cap, string changedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cap);
        await ListAsync(cancellationToken);
        var table = await storage.TableAsync(StorageTables.SupportCaps, cancellationToken);
        await table.UpsertEntityAsync(ToEntity(cap, changedBy, time.GetUtcNow()), TableUpdateMode.Replace, cancellationToken);
        cache = null;
    }

    private static async Task<List<SupportCap>> ReadAllAsync(TableClient table, CancellationToken cancellationToken)
    {
        var caps = new List<SupportCap>();
        await foreach (var e in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            if (!ProposalCatalog.TryParseFundingSource(e.PartitionKey, out var source) || !ProposalCatalog.TryParseKind(e.GetString("Kind"), out var kind))
            {
                continue;
            }

            var province = e.GetString("Province");
            caps.Add(new SupportCap(
                source,
                province == Everywhere ? null : province,
                kind,
                DateOnly.ParseExact(e.GetString("EffectiveFrom"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                e.GetString("EffectiveTo") is { Length: > 0 } to ? DateOnly.ParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                decimal.Parse(e.GetString("MaxPercent"), CultureInfo.InvariantCulture),
                e.GetInt64("MaxAmount") ?? 0,
                e.GetString("Basis") ?? string.Empty));
        }

        return caps;
    }

    private static TableEntity ToEntity(SupportCap cap, string changedBy, DateTimeOffset at)
    {
        var province = cap.Province ?? Everywhere;
        var from = cap.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new TableEntity(cap.FundingSource.ToCode(), $"{province}|{cap.Kind.ToCode()}|{from}")
        {
            ["Province"] = province,
            ["Kind"] = cap.Kind.ToCode(),
            ["EffectiveFrom"] = from,
            ["EffectiveTo"] = cap.EffectiveTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["MaxPercent"] = cap.MaxPercent.ToString(CultureInfo.InvariantCulture),
            ["MaxAmount"] = cap.MaxAmount,
            ["Basis"] = cap.Basis,
            ["ChangedBy"] = changedBy,
            ["ChangedAt"] = at,
        };
    }

    private sealed record CachedCaps(DateTimeOffset ReadAt, IReadOnlyList<SupportCap> Caps);
}
