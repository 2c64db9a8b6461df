using Azure.Data.Tables;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.IntegrationTests.Budgets;

/// <summary>The budget tests share one LocalHost (and its Azurite); each test uses its own budget years.</summary>
[CollectionDefinition(Name)]
public sealed class BudgetCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "Budgets";
}

internal static class BudgetTestSupport
{
    public const string By = "tester";

    public static IBudgetLedger Ledger(this LocalHostFixture fixture) => fixture.Host.Services.GetRequiredService<IBudgetLedger>();

    /// <summary>The raw table, to look at (or, for crash tests, to set) rows as the ledger stores them.</summary>
    public static TableClient Table(this LocalHostFixture fixture) => new(fixture.StorageConnectionString, "Budgets");

    public static BudgetKey National(int year) => new(year, FundingSource.National);

    public static async Task<List<TableEntity>> RowsAsync(this LocalHostFixture fixture, BudgetKey key)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in fixture.Table().QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {key.Code}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static async Task<TableEntity> RowAsync(this LocalHostFixture fixture, BudgetKey key, string rowKey) =>
        (await fixture.Table().GetEntityAsync<TableEntity>(key.Code, rowKey)).Value;

    /// <summary>Asserts that no change is left half-done: the line's journal is empty, every intent row is confirmed.</summary>
    public static async Task AssertSettledAsync(this LocalHostFixture fixture, BudgetKey key)
    {
        var rows = await fixture.RowsAsync(key);
        var line = rows.Single(r => r.RowKey == "line");
        Assert.True(string.IsNullOrEmpty(line.GetString("Journal")), $"line journal not empty: {line.GetString("Journal")}");
        Assert.DoesNotContain(rows, r => r.GetString("State") == "pending");
        Assert.DoesNotContain(rows, r => r.RowKey.StartsWith("commit-", StringComparison.Ordinal) && !string.IsNullOrEmpty(r.GetString("Journal")));
    }
}
