using Azure.Data.Tables;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Infrastructure.Storage;
using static KhuyenCong.Infrastructure.Storage.ConditionalWrites;

namespace KhuyenCong.Infrastructure.Budgets;

/// <summary>
/// A proposal's payments in its own partition of table <c>Proposals</c>: rows <c>payment-{paymentId}</c> (kind,
/// amount, by, at) and <c>final-payment</c> (the payment id holding the single final payment, claimed with a
/// conditional insert). The ledger (<see cref="IBudgetLedger"/>) remains the record of the money.
/// </summary>
public sealed class TableProposalPayments(StorageTables storage) : IProposalPayments
{
    /// <summary>Row keys of payments start with this (the statistics read them: ADR 0029).</summary>
    internal const string PaymentPrefix = "payment-";
    private const string FinalKey = "final-payment";

    public async Task<IReadOnlyList<BudgetPayment>> ListAsync(string proposalId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.Proposals, cancellationToken);
        var payments = new List<BudgetPayment>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {proposalId} and RowKey ge {PaymentPrefix} and RowKey lt {"payment."}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            payments.Add(Read(row));
        }

        return payments.OrderBy(p => p.At).ToList();
    }

    public async Task<bool> ContainsAsync(string proposalId, string paymentId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.Proposals, cancellationToken);
        return (await table.GetEntityIfExistsAsync<TableEntity>(proposalId, PaymentPrefix + paymentId, select: ["RowKey"], cancellationToken: cancellationToken)).HasValue;
    }

    public async Task AddAsync(BudgetPayment payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var table = await storage.TableAsync(StorageTables.Proposals, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(payment.ProposalId, PaymentPrefix + payment.PaymentId)
        {
            ["PaymentId"] = payment.PaymentId,
            ["Kind"] = payment.Kind.ToCode(),
            ["Amount"] = payment.Amount,
            ["By"] = payment.By,
            ["At"] = payment.At,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<bool> ClaimFinalAsync(string proposalId, string paymentId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.Proposals, cancellationToken);
        if (await TryAddAsync(table, new TableEntity(proposalId, FinalKey) { ["PaymentId"] = paymentId }, cancellationToken))
        {
            return true;
        }

        var existing = await table.GetEntityIfExistsAsync<TableEntity>(proposalId, FinalKey, cancellationToken: cancellationToken);
        return existing.HasValue ? existing.Value!.GetString("PaymentId") == paymentId : await ClaimFinalAsync(proposalId, paymentId, cancellationToken);
    }

    public async Task ReleaseFinalAsync(string proposalId, string paymentId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StorageTables.Proposals, cancellationToken);
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(proposalId, FinalKey, cancellationToken: cancellationToken);
        if (!existing.HasValue || existing.Value!.GetString("PaymentId") != paymentId)
        {
            return;
        }

        // Gone or changed meanwhile: not ours to remove.
        await DeleteIfUnchangedAsync(table, proposalId, FinalKey, existing.Value.ETag, cancellationToken);
    }

    private static BudgetPayment Read(TableEntity row)
    {
        PaymentKindCodes.TryParse(row.GetString("Kind"), out var kind);
        return new BudgetPayment(row.GetString("PaymentId") ?? row.RowKey[PaymentPrefix.Length..], row.PartitionKey, kind,
            row.GetInt64("Amount") ?? 0, row.GetString("By") ?? string.Empty, row.GetDateTimeOffset("At") ?? default);
    }
}
