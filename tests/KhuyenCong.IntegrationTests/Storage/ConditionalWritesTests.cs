using Azure;
using Azure.Data.Tables;
using KhuyenCong.Testing;
using static KhuyenCong.Infrastructure.Storage.ConditionalWrites;

namespace KhuyenCong.IntegrationTests.Storage;

/// <summary>The stores' conditional writes on Azurite: each refusal (409, 412, 404) is an answer, never an exception.</summary>
public sealed class ConditionalWritesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TableClient table = null!;

    public async Task InitializeAsync()
    {
        table = new TableServiceClient(azurite.ConnectionString).GetTableClient("conditional" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
    }

    public Task DisposeAsync() => table.DeleteAsync();

    [Fact]
    public async Task InsertIfAbsent_RowWithTheKeysExists_IsRefusedAndKeepsTheFirst()
    {
        Assert.NotNull(await InsertIfAbsentAsync(table, new TableEntity("p", "r") { ["By"] = "first" }, default));

        Assert.False(await TryAddAsync(table, new TableEntity("p", "r") { ["By"] = "second" }, default));
        Assert.Equal("first", (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetString("By"));
    }

    [Fact]
    public async Task UpdateIfUnchanged_RowChangedSinceRead_IsRefusedAndTheCurrentVersionPasses()
    {
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Count"] = 1 });
        var read = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["Count"] = 2 }, read.ETag, TableUpdateMode.Replace);

        Assert.Null(await UpdateIfUnchangedAsync(table, new TableEntity("p", "r") { ["Count"] = 3 }, read.ETag, TableUpdateMode.Replace, default));
        var current = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        current["Count"] = 3;
        Assert.True(await TryReplaceAsync(table, current, default));
        Assert.Equal(3, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("Count"));
    }

    [Fact]
    public async Task UpdateIfUnchanged_RowGone_IsRefused()
    {
        await table.AddEntityAsync(new TableEntity("p", "r"));
        var read = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        await table.DeleteEntityAsync("p", "r");

        Assert.False(await TryReplaceAsync(table, read, default));
        Assert.Null(await UpdateIfUnchangedAsync(table, new TableEntity("p", "r"), ETag.All, TableUpdateMode.Merge, default));
    }

    [Fact]
    public async Task DeleteIfUnchanged_ChangedRowIsKept_GoneRowCountsAsDeleted()
    {
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Count"] = 1 });
        var read = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["Count"] = 2 }, read.ETag, TableUpdateMode.Replace);

        Assert.False(await TryDeleteAsync(table, read, default));
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
        Assert.True(await DeleteIfUnchangedAsync(table, "p", "r", ETag.All, default));
        Assert.True(await DeleteIfUnchangedAsync(table, "p", "r", ETag.All, default));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
    }

    [Fact]
    public async Task TryWrite_AnyRefusal_IsNullAndAnAcceptedWriteGivesItsETag()
    {
        var added = await TryWriteAsync(() => table.AddEntityAsync(new TableEntity("p", "r")));
        Assert.NotNull(added);

        Assert.Null(await TryWriteAsync(() => table.AddEntityAsync(new TableEntity("p", "r"))));
        Assert.Null(await TryWriteAsync(() => table.UpdateEntityAsync(new TableEntity("p", "r"), new ETag("W/\"datetime'2000-01-01T00%3A00%3A00Z'\""), TableUpdateMode.Replace)));
        Assert.NotNull(await TryWriteAsync(() => table.UpdateEntityAsync(new TableEntity("p", "r"), added!.Value, TableUpdateMode.Replace)));
    }
}
