using Azure.Data.Tables;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Statistics;

namespace KhuyenCong.Infrastructure.Statistics;

/// <summary>The cells matching a filter: per year the filter includes, one query per condition list (decided cells, payment cells).</summary>
public sealed partial class TableStatisticsStore
{
    public async Task<IReadOnlyList<StatisticsCell>> QueryAsync(StatisticsFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var table = await CellsAsync(cancellationToken);
        var years = (await YearsAsync(table, cancellationToken)).Where(filter.Includes).ToList();
        var queries = Queries(filter);
        var perYear = await Task.WhenAll(years.SelectMany(year => queries.Select(conditions => QueryCellsAsync(table, year, conditions, cancellationToken))));

        // Payment cells count only for the payment period (ADR 0029); the rest is already what the query asked.
        return perYear.SelectMany(c => c).Where(c => filter.Matches(c.Key)).ToList();
    }

    /// <summary>
    /// One condition list per query: the filter's dimensions, and with a decision period the cells decided in it plus
    /// (when the filter dates payments) the payment cells of the payment period.
    /// </summary>
    private static List<List<string>> Queries(StatisticsFilter filter)
    {
        var dimensions = DimensionConditions(filter);
        if (filter.Decided is not { } period)
        {
            return [dimensions];
        }

        // yyyy-MM-dd sorts as the date; cells of undecided proposals and payment cells have no Decided column and never match.
        List<List<string>> queries = [[.. dimensions, DecidedIn(period)]];
        if (filter.PaidIn is { } paidIn)
        {
            queries.Add([.. dimensions, PaidIn(paidIn)]);
        }

        return queries;
    }

    private async Task<List<StatisticsCell>> QueryCellsAsync(TableClient table, int year, List<string> conditions, CancellationToken cancellationToken)
    {
        var cells = new List<StatisticsCell>();
        await foreach (var row in table.QueryAsync<TableEntity>(CellsOf(year, conditions), cancellationToken: cancellationToken))
        {
            cells.Add(ReadCell(row));
        }

        return cells;
    }

    private static string DecidedIn(Domain.Reports.ReportingPeriod period) =>
        TableClient.CreateQueryFilter($"Decided ge {StatisticsCellKey.DecidedCode(period.From)} and Decided le {StatisticsCellKey.DecidedCode(period.To)}");

    private static string PaidIn(Domain.Reports.ReportingPeriod period) =>
        TableClient.CreateQueryFilter($"PaidOn ge {StatisticsCellKey.DecidedCode(period.From)} and PaidOn le {StatisticsCellKey.DecidedCode(period.To)}");

    /// <summary>The conditions on the cells' dimension columns for the filter's source, kind, province, commune and sector.</summary>
    private static List<string> DimensionConditions(StatisticsFilter filter)
    {
        var conditions = new List<string>();
        if (filter.FundingSource is { } source)
        {
            conditions.Add(TableClient.CreateQueryFilter($"FundingSource eq {source.ToCode()}"));
        }

        if (filter.Kind is { } kind)
        {
            conditions.Add(TableClient.CreateQueryFilter($"Kind eq {kind.ToCode()}"));
        }

        if (filter.Province is { } province)
        {
            conditions.Add(TableClient.CreateQueryFilter($"Province eq {province}"));
        }

        if (filter.Commune is { } commune)
        {
            conditions.Add(TableClient.CreateQueryFilter($"CommuneKey eq {commune}"));
        }

        if (filter.Sector is { } sector)
        {
            conditions.Add(TableClient.CreateQueryFilter($"SectorKey eq {sector}"));
        }

        return conditions;
    }
}
