using System.Text;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Functions.Budgets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using static KhuyenCong.UnitTests.Web.WebTestSupport;

namespace KhuyenCong.UnitTests.Functions;

/// <summary>Roles on the budget routes (LocalHost gives its key every role, so only here can a lesser role be tried).</summary>
public class BudgetFunctionsTests
{
    private readonly RecordingLedger ledger = new();

    private BudgetFunctions Functions() => new(new BudgetAllocations(ledger, NullLogger<BudgetAllocations>.Instance), StaffEndpoints.Create());

    private static HttpRequest StaffRequest(string pathAndQuery, params string[] roles)
    {
        var request = Request(pathAndQuery, null, (StaffPrincipal.HeaderName, StaffPrincipal.Encode("Nguyễn Văn A", roles))).WithPlatform();
        request.Body = new MemoryStream(Encoding.UTF8.GetBytes("{\"allocated\":1000}"));
        request.ContentType = "application/json";
        return request;
    }

    private static HttpRequest PutRequest(string pathAndQuery, params string[] roles)
    {
        var request = StaffRequest(pathAndQuery, roles);
        request.Method = "PUT";
        return request;
    }

    [Theory]
    [InlineData(StaffRoles.Officer)]
    [InlineData(StaffRoles.Director)]
    public async Task SetBudgetAllocation_StaffWithoutFinanceRole_Returns403AndSetsNothing(string role)
    {
        var result = await Functions().SetBudgetAllocation(PutRequest("/api/budgets/2026/national", role), "2026", "national", CancellationToken.None);

        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsType<ObjectResult>(result).StatusCode);
        Assert.Empty(ledger.Allocations);
    }

    [Theory]
    [InlineData(StaffRoles.Finance)]
    [InlineData(StaffRoles.Admin)]
    public async Task SetBudgetAllocation_FinanceOrAdmin_SetsTheAllocationAsThem(string role)
    {
        var result = await Functions().SetBudgetAllocation(PutRequest("/api/budgets/2026/national", role), "2026", "national", CancellationToken.None);

        Assert.IsType<OkObjectResult>(result);
        Assert.Equal([(new BudgetKey(2026, FundingSource.National), 1000L, "Nguyễn Văn A")], ledger.Allocations);
    }

    [Fact]
    public async Task ListBudgets_AnyStaffRole_ReadsBothSources()
    {
        var result = await Functions().ListBudgets(StaffRequest("/api/budgets?year=2026", StaffRoles.Officer), CancellationToken.None);

        Assert.IsType<OkObjectResult>(result);
        Assert.Equal(2, ledger.Reads);
    }

    private sealed class RecordingLedger : IBudgetLedger
    {
        public List<(BudgetKey Key, long Amount, string By)> Allocations { get; } = [];

        public int Reads { get; private set; }

        public Task<BudgetLine> GetAsync(BudgetKey key, CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult(BudgetLine.Empty(key));
        }

        public Task<AllocationResult> SetAllocationAsync(BudgetKey key, long amount, string by, CancellationToken cancellationToken)
        {
            Allocations.Add((key, amount, by));
            return Task.FromResult(new AllocationResult(true, BudgetLine.Empty(key) with { Allocated = amount }, null));
        }

        public Task<CommitResult> CommitAsync(BudgetKey key, string proposalId, long amount, string by, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<CommitResult> CommitAllocatedAsync(BudgetKey key, string proposalId, long amount, string by, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<AdjustResult> AdjustAsync(BudgetKey key, string proposalId, string adjustmentId, long delta, bool allocates, string by, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<PaymentResult> RecordPaymentAsync(BudgetKey key, string proposalId, string paymentId, PaymentKind kind, long amount, string by, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<ReleaseResult> ReleaseAsync(BudgetKey key, string proposalId, string by, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<Commitment?> GetCommitmentAsync(BudgetKey key, string proposalId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
