using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Documents;

namespace KhuyenCong.Infrastructure.Documents.Storage;

/// <summary>
/// Document numbers: row <c>{year}</c> of partition <c>{symbol}</c> in table <c>DocumentNumbers</c> holds the last number
/// given; the next is taken with a conditional write (insert, or replace on the row's ETag), retried on conflict, so two
/// documents never get the same number (Decree 30/2020: a number is unique within the year).
/// </summary>
public sealed class TableDocumentNumbers(DocumentStorage storage) : IDocumentNumbers
{
    public async Task<int> NextAsync(string kind, int year, CancellationToken cancellationToken)
    {
        var table = await storage.Tables.TableAsync(DocumentStorage.NumbersTable, cancellationToken);
        var rowKey = year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = await table.GetEntityIfExistsAsync<TableEntity>(kind, rowKey, cancellationToken: cancellationToken);
            try
            {
                if (!row.HasValue)
                {
                    await table.AddEntityAsync(new TableEntity(kind, rowKey) { ["Last"] = 1 }, cancellationToken);
                    return 1;
                }

                var next = (row.Value!.GetInt32("Last") ?? 0) + 1;
                await table.UpdateEntityAsync(new TableEntity(kind, rowKey) { ["Last"] = next }, row.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return next;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another document took this number first: read again.
            }
        }
    }
}
