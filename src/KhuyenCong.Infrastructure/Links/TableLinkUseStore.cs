using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Links;
using KhuyenCong.Infrastructure.Storage;
using static KhuyenCong.Infrastructure.Storage.ConditionalWrites;

namespace KhuyenCong.Infrastructure.Links;

/// <summary>Table <c>LinkUses</c>: one row per used link (partition = link id), written with insert-if-absent.</summary>
public sealed class TableLinkUseStore(StorageTables storage, TimeProvider time) : ILinkUseStore
{
    public async Task<(bool First, LinkUse Use)> TryUseAsync(string linkId, string proposalId, string decision, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.LinkUses, cancellationToken);
        var use = new LinkUse(linkId, decision, time.GetUtcNow());
        var row = new TableEntity(linkId, string.Empty)
        {
            ["ProposalId"] = proposalId,
            ["Decision"] = decision,
            ["At"] = use.At,
        };
        return await TryAddAsync(table, row, cancellationToken) ? (true, use) : (false, (await GetAsync(linkId, cancellationToken))!);
    }

    public async Task ReleaseAsync(string linkId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.LinkUses, cancellationToken);
        await DeleteIfUnchangedAsync(table, linkId, string.Empty, ETag.All, cancellationToken);
    }

    public async Task<LinkUse?> GetAsync(string linkId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.LinkUses, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(linkId, string.Empty, cancellationToken: cancellationToken);
        return row.HasValue ? new LinkUse(linkId, row.Value!.GetString("Decision"), row.Value.GetDateTimeOffset("At") ?? default) : null;
    }
}
