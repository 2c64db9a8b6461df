using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using KhuyenCong.Application.Email;
using KhuyenCong.Infrastructure.Storage;
using static KhuyenCong.Infrastructure.Storage.ConditionalWrites;

namespace KhuyenCong.Infrastructure.Email;

/// <summary>
/// Table <c>EmailLog</c>: partition = proposal, row = hash of the send id (send ids hold addresses). A row is first a
/// claim (<c>State</c> = <c>claimed</c>, <c>ClaimedAt</c>), inserted conditionally so one attempt wins, then the
/// record of the send (<c>State</c> = <c>sent</c>, <c>SentAt</c>, <c>Subject</c>). Rows written before claims existed
/// have no <c>State</c> and count as sent.
/// </summary>
public sealed class TableEmailLog(StorageTables storage, TimeProvider time) : IEmailLog
{
    private const string Claimed = "claimed";
    private const string Sent = "sent";

    public async Task<EmailClaim> ClaimAsync(string proposalId, string sendId, TimeSpan lease, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.EmailLog, cancellationToken);
        var rowKey = RowKey(sendId);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await InsertIfAbsentAsync(table, ClaimRow(proposalId, rowKey), cancellationToken) is { } added)
            {
                return new EmailClaim(EmailClaimOutcome.Claimed, proposalId, sendId, added.Headers.ETag?.ToString());
            }

            // Claimed or sent already: look.

            var existing = await table.GetEntityIfExistsAsync<TableEntity>(proposalId, rowKey, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                continue; // released meanwhile: claim again
            }

            var row = existing.Value!;
            if (row.GetString("State") is not Claimed)
            {
                return new EmailClaim(EmailClaimOutcome.AlreadySent, proposalId, sendId);
            }

            if (row.GetDateTimeOffset("ClaimedAt") is { } claimedAt && claimedAt + lease > time.GetUtcNow())
            {
                return new EmailClaim(EmailClaimOutcome.HeldByAnother, proposalId, sendId);
            }

            // The claim outlived its lease without a send recorded (its sender died): take it over, if nobody else does first
            // (changed meanwhile: look again).
            if (await UpdateIfUnchangedAsync(table, ClaimRow(proposalId, rowKey), row.ETag, TableUpdateMode.Replace, cancellationToken) is { } taken)
            {
                return new EmailClaim(EmailClaimOutcome.Claimed, proposalId, sendId, taken.Headers.ETag?.ToString());
            }
        }

        return new EmailClaim(EmailClaimOutcome.HeldByAnother, proposalId, sendId);
    }

    public async Task RecordSentAsync(EmailClaim claim, string subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var table = await storage.TableAsync(StorageTables.EmailLog, cancellationToken);
        var row = new TableEntity(claim.ProposalId, RowKey(claim.SendId)) { ["State"] = Sent, ["SentAt"] = time.GetUtcNow(), ["Subject"] = subject };
        // Unconditional: the email went out, so the row must say so whatever happened to the claim meanwhile.
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task ReleaseAsync(EmailClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var table = await storage.TableAsync(StorageTables.EmailLog, cancellationToken);
        // Gone, or taken over by another attempt: not ours to remove.
        await DeleteIfUnchangedAsync(table, claim.ProposalId, RowKey(claim.SendId), claim.Token is { } token ? new ETag(token) : ETag.All, cancellationToken);
    }

    public async Task<IReadOnlyList<SentEmail>> ListAsync(string proposalId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.EmailLog, cancellationToken);
        var sent = new List<SentEmail>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {proposalId}"), cancellationToken: cancellationToken))
        {
            if (row.GetString("State") is not Claimed)
            {
                sent.Add(new SentEmail(row.GetString("Subject") ?? string.Empty, row.GetDateTimeOffset("SentAt") ?? default));
            }
        }

        return sent.OrderBy(e => e.SentAt).ToList();
    }

    private TableEntity ClaimRow(string proposalId, string rowKey) =>
        new(proposalId, rowKey) { ["State"] = Claimed, ["ClaimedAt"] = time.GetUtcNow() };

    private static string RowKey(string sendId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sendId)));
}
