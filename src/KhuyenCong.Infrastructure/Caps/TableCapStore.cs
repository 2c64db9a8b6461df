using System.Globalization;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Caps;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Infrastructure.Storage;

namespace KhuyenCong.Infrastructure.Caps;

/// <summary>
/// Caps in table <c>SupportCaps</c>: partition = funding source, row = province (or *) | territory (or *) | activity |
/// effective date, so one cap per source, place, activity and date. The shipped caps (<see cref="CapSeed"/>) are the
/// rows written by <c>seed</c>; row <c>meta/seed</c> holds the version of the data they came from. When the shipped
/// data changes (or on first use), the seed rows of the older version are replaced: rows an officer wrote are never
/// touched, and a shipped cap is not written over one an officer saved under the same key. Rows written before
/// activities existed (<c>{province}|{kind}|{date}</c>) are read as caps of the kind's default activity.
/// </summary>
public sealed class TableCapStore(StorageTables storage, TimeProvider time) : ICapStore
{
    /// <summary>How long an instance keeps the caps it read (each submission needs them; they change a few times a year).</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    /// <summary>Who the shipped rows name.</summary>
    public const string SeedAuthor = "seed";

    private const string Everywhere = "*";
    private const string MetaPartition = "meta";
    private const string SeedRow = "seed";

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

    /// <summary>Brings the seed rows to the shipped version; the number of rows written or removed (0 when already current).</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.SupportCaps, cancellationToken);
        var meta = await table.GetEntityIfExistsAsync<TableEntity>(MetaPartition, SeedRow, cancellationToken: cancellationToken);
        if (meta.HasValue && meta.Value!.GetString("Version") == CapSeed.Version)
        {
            return 0;
        }

        var rows = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ne {MetaPartition}"), cancellationToken: cancellationToken))
        {
            rows.Add(e);
        }

        var wanted = CapSeed.All.Select(c => ToEntity(c, SeedAuthor, time.GetUtcNow())).ToList();
        var wantedKeys = wanted.Select(w => (w.PartitionKey, w.RowKey)).ToHashSet();
        var changes = 0;
        foreach (var stale in rows.Where(r => r.GetString("ChangedBy") == SeedAuthor && !wantedKeys.Contains((r.PartitionKey, r.RowKey))))
        {
            changes += await DeleteAsync(table, stale, cancellationToken);
        }

        var byOfficers = rows.Where(r => r.GetString("ChangedBy") != SeedAuthor).Select(r => (r.PartitionKey, r.RowKey)).ToHashSet();
        foreach (var row in wanted.Where(w => !byOfficers.Contains((w.PartitionKey, w.RowKey))))
        {
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
            changes++;
        }

        await table.UpsertEntityAsync(new TableEntity(MetaPartition, SeedRow) { ["Version"] = CapSeed.Version, ["SeededAt"] = time.GetUtcNow() }, TableUpdateMode.Replace, cancellationToken);
        cache = null;
        return changes;
    }

    private async Task<IReadOnlyList<SupportCap>> ReadOrSeedAsync(CancellationToken cancellationToken)
    {
        await SeedAsync(cancellationToken);
        var table = await storage.TableAsync(StorageTables.SupportCaps, cancellationToken);
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

    private static async Task<int> DeleteAsync(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            return 1;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }

    private static async Task<List<SupportCap>> ReadAllAsync(TableClient table, CancellationToken cancellationToken)
    {
        var caps = new List<SupportCap>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ne {MetaPartition}"), cancellationToken: cancellationToken))
        {
            if (FromEntity(e) is { } cap)
            {
                caps.Add(cap);
            }
        }

        return caps;
    }

    private static SupportCap? FromEntity(TableEntity e)
    {
        if (!FundingSources.TryParse(e.PartitionKey, out var source))
        {
            return null;
        }

        // A row written before activities has only a kind: it is a cap of the kind's default activity.
        Activity? activity = ActivityCatalog.TryParse(e.GetString("Activity"), out var a) ? a
            : ProposalKinds.TryParse(e.GetString("Kind"), out var kind) ? ActivityCatalog.DefaultFor(kind) : null;
        if (activity is null)
        {
            return null;
        }

        var province = e.GetString("Province");
        var territory = e.GetString("Territory");
        var percent = e.GetString("MaxPercent");
        var amount = e.GetInt64("MaxAmount");
        return new SupportCap(
            source,
            province is null or Everywhere ? null : province,
            activity.Code,
            DateOnly.ParseExact(e.GetString("EffectiveFrom"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.GetString("EffectiveTo") is { Length: > 0 } to ? DateOnly.ParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            string.IsNullOrEmpty(percent) ? null : decimal.Parse(percent, CultureInfo.InvariantCulture),
            amount is null or < 0 ? null : amount,
            e.GetString("Basis") ?? string.Empty)
        {
            Unit = CapUnits.TryParse(e.GetString("Unit"), out var unit) ? unit : CapUnit.PerProposal,
            Territory = territory is null or Everywhere ? null : territory,
            Confidence = e.GetString("Confidence") ?? SupportCap.Entered,
            Note = e.GetString("Note"),
        };
    }

    private static TableEntity ToEntity(SupportCap cap, string changedBy, DateTimeOffset at)
    {
        var province = cap.Province ?? Everywhere;
        var territory = cap.Territory ?? Everywhere;
        var from = cap.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new TableEntity(cap.FundingSource.ToCode(), $"{province}|{territory}|{cap.Activity}|{from}")
        {
            ["Province"] = province,
            ["Territory"] = territory,
            ["Activity"] = cap.Activity,
            ["Kind"] = cap.Kind.ToCode(),
            ["EffectiveFrom"] = from,
            ["EffectiveTo"] = cap.EffectiveTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["MaxPercent"] = cap.MaxPercent?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            ["MaxAmount"] = cap.MaxAmount ?? -1L,
            ["Unit"] = cap.Unit.ToCode(),
            ["Confidence"] = cap.Confidence,
            ["Note"] = cap.Note,
            ["Basis"] = cap.Basis,
            ["ChangedBy"] = changedBy,
            ["ChangedAt"] = at,
        };
    }

    private sealed record CachedCaps(DateTimeOffset ReadAt, IReadOnlyList<SupportCap> Caps);
}
