using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Infrastructure.Storage;
using static KhuyenCong.Infrastructure.Storage.ConditionalWrites;

namespace KhuyenCong.Infrastructure.Appraisal;

/// <summary>
/// Rubrics in table <c>Rubrics</c>: partition = rubric id, one row per version with row key
/// <c>1000000 − version</c> (seven digits), so the newest version is the first row of the partition. A save is one
/// conditional insert of the next version's row: two concurrent saves of the same version cannot both succeed.
/// </summary>
public sealed class TableRubricStore(StorageTables storage, TimeProvider time) : IRubricStore
{
    public const int MaxVersion = 999_999;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Rubric> GetCurrentAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.Rubrics, cancellationToken);
        if (await NewestAsync(table, DefaultRubric.Id, cancellationToken) is { } current)
        {
            return current;
        }

        // Seeding is a conditional insert: concurrent first reads write one version 1 (another may seed it first).
        await TryAddAsync(table, ToEntity(DefaultRubric.Create(), "seed", time.GetUtcNow()), cancellationToken);

        return await NewestAsync(table, DefaultRubric.Id, cancellationToken)
            ?? throw new InvalidOperationException("The default rubric could not be read after seeding it.");
    }

    public async Task<Rubric?> GetAsync(string id, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (version is < 1 or > MaxVersion || id.Length is 0 or > RubricRules.CodeMaxLength)
        {
            return null;
        }

        var table = await storage.TableAsync(StorageTables.Rubrics, cancellationToken);
        if (id == DefaultRubric.Id)
        {
            await GetCurrentAsync(cancellationToken);
        }

        var row = await table.GetEntityIfExistsAsync<TableEntity>(id, RowKey(version), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<RubricSaveResult> SaveAsync(Rubric rubric, string changedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        if (RubricRules.Validate(rubric) is { Count: > 0 } errors)
        {
            throw new ArgumentException("The rubric is not valid: " + string.Join("; ", errors.Select(e => $"{e.Field} {e.Code}")), nameof(rubric));
        }

        var table = await storage.TableAsync(StorageTables.Rubrics, cancellationToken);
        var current = rubric.Id == DefaultRubric.Id
            ? await GetCurrentAsync(cancellationToken)
            : await NewestAsync(table, rubric.Id, cancellationToken);
        var currentVersion = current?.Version ?? 0;
        if (rubric.Version != currentVersion || currentVersion >= MaxVersion)
        {
            return new RubricSaveResult(null, currentVersion);
        }

        var saved = rubric with { Version = currentVersion + 1 };
        return await TryAddAsync(table, ToEntity(saved, changedBy, time.GetUtcNow()), cancellationToken)
            ? new RubricSaveResult(saved, saved.Version)
            : new RubricSaveResult(null, (await NewestAsync(table, rubric.Id, cancellationToken))?.Version ?? saved.Version);
    }

    private static async Task<Rubric?> NewestAsync(TableClient table, string id, CancellationToken cancellationToken)
    {
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return FromEntity(row);
        }

        return null;
    }

    private static string RowKey(int version) => (MaxVersion + 1 - version).ToString("D7", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(Rubric rubric, string changedBy, DateTimeOffset at) => new(rubric.Id, RowKey(rubric.Version))
    {
        ["Version"] = rubric.Version,
        ["PassMark"] = rubric.PassMark,
        ["TotalPoints"] = rubric.TotalPoints,
        ["Criteria"] = JsonSerializer.Serialize(rubric.Criteria, Json),
        ["SavedBy"] = changedBy,
        ["SavedAt"] = at,
    };

    private static Rubric FromEntity(TableEntity e) => new(
        e.PartitionKey,
        e.GetInt32("Version") ?? 0,
        JsonSerializer.Deserialize<List<RubricCriterion>>(e.GetString("Criteria") ?? "[]", Json) ?? [],
        e.GetInt32("PassMark") ?? 0);
}
