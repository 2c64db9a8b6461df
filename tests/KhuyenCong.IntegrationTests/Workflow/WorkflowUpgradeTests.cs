using KhuyenCong.Application.Budgets;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Testing;
using Microsoft.DurableTask.Client;
using static KhuyenCong.IntegrationTests.Workflow.WorkflowProbe;

namespace KhuyenCong.IntegrationTests.Workflow;

/// <summary>
/// The upgrade to the yearly cycle (issue 13 line 7): a proposal started on the old host (no orchestration version)
/// waits for the director when the host stops; the upgraded host (version 2 for new proposals) starts on the same
/// storage, and the old instance finishes through the director's approval, while a proposal submitted after the
/// upgrade takes the cycle's path.
/// </summary>
public sealed class WorkflowUpgradeTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Fast = new()
    {
        ["Workflow:ReviewerCount"] = "1",
        ["Workflow:OfficerEmails"] = "can-bo.a@khuyencong.test",
        ["Workflow:DirectorEmail"] = "giam-doc@khuyencong.test",
    };

    private readonly AzuriteFixture azurite = new();

    public Task InitializeAsync() => azurite.InitializeAsync();

    public Task DisposeAsync() => azurite.DisposeAsync();

    [Fact]
    public async Task Workflow_StartedWithoutAVersionBeforeTheUpgrade_CompletesThroughTheDirectorsApprovalAfterTheRestart()
    {
        var sector = "Chế biến " + Guid.NewGuid().ToString("N")[..6];
        string id, code, email;
        await using (var old = await LocalHostFactory.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>(Fast) { ["Workflow:StartVersion"] = "1" }))
        {
            using var anonymous = old.CreateClient();
            using var staff = old.CreateClient(withFunctionKey: true);
            var driver = new WorkflowDriver(old);
            await AddReviewerAsync(staff, "TS. Phạm Minh Đức", $"duc+{Guid.NewGuid():N}@khuyencong.test", "machinery", sector);
            (id, code, email) = await SubmitAsync(anonymous, "machinery", sector, requested: 150_000_000);
            await driver.WaitForAsync(staff, id, "screening");
            await driver.AcceptAtScreeningAsync(id);
            await driver.ReviewAllAsync(id, 1);
            await driver.WaitForAsync(staff, id, "awaiting-approval");
            var request = await WaitForMessagesAsync(anonymous, m => m.Subject().StartsWith("Đề nghị phê duyệt", StringComparison.Ordinal) && m.Subject().Contains(code, StringComparison.Ordinal), what: "the director's email");
            var sentAt = request[0].GetProperty("receivedAt").GetDateTimeOffset();

            // Stop once the workflow rests, waiting for the director (work in flight at a stop is redelivered only when its lease expires).
            await Eventually.GetAsync(() => driver.Durable.GetInstanceAsync(id),
                s => s?.RuntimeStatus == OrchestrationRuntimeStatus.Running && s.LastUpdatedAt > sentAt, what: "the workflow to wait for the director");
        }

        await using var upgraded = await LocalHostFactory.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>(Fast) { [LocalHostFactory.CycleWorkflow.Key] = LocalHostFactory.CycleWorkflow.Value });
        using var client = upgraded.CreateClient();
        using var staffClient = upgraded.CreateClient(withFunctionKey: true);
        var after = new WorkflowDriver(upgraded);
        Assert.Equal("awaiting-approval", await StatusAsync(staffClient, id));
        var proposal = (await after.Proposals.GetAsync(id, default))!;
        var key = new BudgetKey(proposal.PlanYear, FundingSource.Local);
        await after.Ledger.SetAllocationAsync(key, (await after.Ledger.GetAsync(key, default)).Allocated + 500_000_000, "test", default);
        await after.DirectorApprovesAsync(id, key, 150_000_000);
        await after.WaitForAsync(staffClient, id, "approved");
        await after.ImplementAndSettleAsync(staffClient, id, key, 150_000_000);

        Assert.Equal("\"settled\"", await after.CompletedAsync(id));
        Assert.Equal(["submitted", "screening", "in-review", "awaiting-approval", "approved", "in-progress", "accepted", "settled"],
            (await after.Proposals.GetAsync(id, default))!.History.Select(h => h.To.ToCode()));
        var toApplicant = (await MessagesAsync(client)).To(email).Select(m => m.Subject()).ToList();
        Assert.Single(toApplicant, s => s.StartsWith("Đã nhận đề án", StringComparison.Ordinal));
        Assert.Single(toApplicant, s => s.Contains("đã được phê duyệt", StringComparison.Ordinal));

        // A proposal submitted after the upgrade runs the cycle: after its reviewer, it waits for the council's session.
        var (next, nextCode, _) = await SubmitAsync(client, "machinery", sector, requested: 120_000_000);
        await after.WaitForAsync(staffClient, next, "screening");
        await after.AcceptAtScreeningAsync(next);
        await after.ReviewAllAsync(next, 1);
        await WaitForMessagesAsync(client, m => m.Subject().Contains(nextCode, StringComparison.Ordinal) && m.Subject().Contains("chờ phiên họp hội đồng", StringComparison.Ordinal), what: "the council's session email of the new proposal");
        Assert.Equal("in-review", await StatusAsync(staffClient, next));
        Assert.DoesNotContain(await MessagesAsync(client), m => m.Subject().StartsWith("Đề nghị phê duyệt", StringComparison.Ordinal) && m.Subject().Contains(nextCode, StringComparison.Ordinal));
        await LiveHistories.CheckAsync(azurite.ConnectionString, id, "upgrade-version1-settled-after-restart");
    }
}
