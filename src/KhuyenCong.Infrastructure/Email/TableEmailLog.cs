using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Email;
using KhuyenCong.Infrastructure.Storage;

namespace KhuyenCong.Infrastructure.Email;

/// <summary>Table <c>EmailLog</c>: partition = proposal, row = hash of the send id (send ids hold addresses).</summary>
public sealed class TableEmailLog(StorageTables storage, TimeProvider time) : IEmailLog
{
    public async Task<bool> WasSentAsync(string proposalId, string sendId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.EmailLog, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(proposalId, RowKey(sendId), select: ["RowKey"], cancellationToken: cancellationToken);
        return row.HasValue;
    }

    public async Task RecordSentAsync(string proposalId, string sendId, string subject, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.EmailLog, cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(proposalId, RowKey(sendId)) { ["SentAt"] = time.GetUtcNow(), ["Subject"] = subject }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // recorded by a concurrent attempt
        }
    }

    public async Task<IReadOnlyList<SentEmail>> ListAsync(string proposalId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.EmailLog, cancellationToken);
        var sent = new List<SentEmail>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {proposalId}"), cancellationToken: cancellationToken))
        {
            sent.Add(new SentEmail(row.GetString("Subject") ?? string.Empty, row.GetDateTimeOffset("SentAt") ?? default));
        }

        return sent.OrderBy(e => e.SentAt).ToList();
    }

    private static string RowKey(string sendId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sendId)));
}
