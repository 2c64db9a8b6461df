using Azure.Data.Tables;
using KhuyenCong.Application.Statistics;

namespace KhuyenCong.Infrastructure.Statistics;

/// <summary>The record of each recompute in table <c>StatisticsRuns</c> (newest first: the row key counts down).</summary>
public sealed partial class TableStatisticsStore
{
    public async Task<IReadOnlyList<StatisticsRun>> ListRunsAsync(int count, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(RunsTableName, cancellationToken);
        var runs = new List<StatisticsRun>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {RunsPartition}"), maxPerPage: Math.Min(count, 1000), cancellationToken: cancellationToken))
        {
            runs.Add(new StatisticsRun
            {
                Id = row.RowKey,
                StartedAt = row.GetDateTimeOffset("StartedAt") ?? default,
                FinishedAt = row.GetDateTimeOffset("FinishedAt"),
                Outcome = row.GetString("Outcome") ?? string.Empty,
                Trigger = row.GetString("Trigger") ?? string.Empty,
                Years = row.GetInt32("Years") ?? 0,
                Proposals = row.GetInt32("Proposals") ?? 0,
                ContributionsCorrected = row.GetInt32("ContributionsCorrected") ?? 0,
                CellsCorrected = row.GetInt32("CellsCorrected") ?? 0,
                CellsRemoved = row.GetInt32("CellsRemoved") ?? 0,
                Error = row.GetString("Error"),
            });
            if (runs.Count >= count)
            {
                break;
            }
        }

        return runs;
    }

    private async Task SaveRunAsync(StatisticsRun run, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(RunsTableName, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(RunsPartition, run.Id)
        {
            ["StartedAt"] = run.StartedAt,
            ["FinishedAt"] = run.FinishedAt,
            ["Outcome"] = run.Outcome,
            ["Trigger"] = run.Trigger,
            ["Years"] = run.Years,
            ["Proposals"] = run.Proposals,
            ["ContributionsCorrected"] = run.ContributionsCorrected,
            ["CellsCorrected"] = run.CellsCorrected,
            ["CellsRemoved"] = run.CellsRemoved,
            ["Error"] = run.Error,
        }, TableUpdateMode.Replace, cancellationToken);
    }
}
