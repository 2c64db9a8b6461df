using Azure.Data.Tables;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Statistics;

namespace KhuyenCong.Infrastructure.Statistics;

/// <summary>The cells matching a filter: one query per year the filter includes, each with the filter's conditions.</summary>
public sealed partial class TableStatisticsStore
{
    public async Task<IReadOnlyList<StatisticsCell>> QueryAsync(StatisticsFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var table = await CellsAsync(cancellationToken);
        var years = (await YearsAsync(table, cancellationToken)).Where(filter.Includes).ToList();
        var conditions = Conditions(filter);
        var perYear = await Task.WhenAll(years.Select(async year =>
        {
            var cells = new List<StatisticsCell>();
            await foreach (var row in table.QueryAsync<TableEntity>(CellsOf(year, conditions), cancellationToken: cancellationToken))
            {
                cells.Add(ReadCell(row));
            }

            return cells;
        }));
        return perYear.SelectMany(c => c).ToList();
    }

    /// <summary>The filter's dimensions as query conditions on the cell columns (built with <see cref="TableClient.CreateQueryFilter(System.FormattableString)"/>).</summary>
    private static List<string> Conditions(StatisticsFilter filter)
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

        if (filter.Decided is { } period)
        {
            // yyyy-MM-dd sorts as the date; cells of undecided proposals have no Decided column and never match.
            var (first, last) = (StatisticsCellKey.DecidedCode(period.From), StatisticsCellKey.DecidedCode(period.To));
            conditions.Add(TableClient.CreateQueryFilter($"Decided ge {first} and Decided le {last}"));
        }

        return conditions;
    }
}
