using System.Net;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;
using static KhuyenCong.IntegrationTests.Programmes.ProgrammeTestSupport;

namespace KhuyenCong.IntegrationTests.Programmes;

/// <summary><c>/api/plans</c> through LocalHost: the plan's budget is the ledger's allocation.</summary>
[Collection(ProgrammesCollection.Name)]
public class PlanRoutesTests(LocalHostFixture fixture)
{
    private IBudgetLedger Ledger => fixture.Host.Services.GetRequiredService<IBudgetLedger>();

    private static object Plan(int version, long budget) => new
    {
        version,
        budget,
        items = new object[]
        {
            new { title = "Mô hình trình diễn máy sấy nông sản", kind = "demonstration-model", expectedAmount = 800_000_000L },
            new { title = "Đào tạo nghề may công nghiệp", kind = "training", expectedAmount = 300_000_000L },
        },
        notes = "Kế hoạch đã được UBND tỉnh phê duyệt.\nƯu tiên cơ sở do phụ nữ làm chủ.",
    };

    [Fact]
    public async Task SavePlan_NewPlan_SetsTheLedgerAllocationAndShowsCommittedPaidRemaining()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var key = new BudgetKey(2091, FundingSource.National);

        using var saved = await client.PutAsync(Path("/api/plans/2091/national"), Json(Plan(0, 5_200_000_000)));
        var plan = await JsonAsync(saved, HttpStatusCode.OK);
        await Ledger.CommitAsync(key, "p-plan-1", 2_200_000_000, "tester", CancellationToken.None);
        using var read = await client.GetAsync(Path("/api/plans/2091/national"));
        var view = await JsonAsync(read, HttpStatusCode.OK);
        using var list = await client.GetAsync(Path("/api/plans?year=2091&lang=en"));
        var year = await JsonAsync(list, HttpStatusCode.OK);

        Assert.Equal(1, plan.GetProperty("version").GetInt32());
        Assert.Equal(5_200_000_000, (await Ledger.GetAsync(key, CancellationToken.None)).Allocated);
        Assert.Equal([5_200_000_000, 2_200_000_000, 0, 3_000_000_000, 1_100_000_000],
            new[] { "budget", "committed", "paid", "remaining", "plannedTotal" }.Select(p => view.GetProperty(p).GetInt64()));
        Assert.Equal("Mô hình trình diễn kỹ thuật", view.GetProperty("items")[0].GetProperty("kindName").GetString());
        Assert.Equal("Kế hoạch đã được UBND tỉnh phê duyệt.\nƯu tiên cơ sở do phụ nữ làm chủ.", view.GetProperty("notes").GetString());
        var plans = year.GetProperty("plans").EnumerateArray().ToList();
        Assert.Equal(["national", "local"], plans.Select(p => p.GetProperty("fundingSource").GetString()));
        Assert.Equal(1, plans[0].GetProperty("version").GetInt32());
        Assert.Equal(0, plans[1].GetProperty("version").GetInt32());
        Assert.Equal("Technical demonstration model", plans[0].GetProperty("items")[0].GetProperty("kindName").GetString());
    }

    [Fact]
    public async Task SavePlan_BudgetBelowCommitted_Returns409InVietnameseAndChangesNothing()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var key = new BudgetKey(2092, FundingSource.Local);
        using (var first = await client.PutAsync(Path("/api/plans/2092/local"), Json(Plan(0, 100_000_000))))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await Ledger.CommitAsync(key, "p-plan-2", 60_000_000, "tester", CancellationToken.None);

        using var refused = await client.PutAsync(Path("/api/plans/2092/local"), Json(Plan(1, 50_000_000)));
        using var read = await client.GetAsync(Path("/api/plans/2092/local"));

        var problem = await ProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal(
            ["Kinh phí được giao (50.000.000 đồng) không được thấp hơn số đã cam kết cho các đề án đã phê duyệt (60.000.000 đồng)."],
            Messages(problem, "budget"));
        var view = await JsonAsync(read, HttpStatusCode.OK);
        Assert.Equal(1, view.GetProperty("version").GetInt32());
        Assert.Equal(100_000_000, view.GetProperty("budget").GetInt64());
        Assert.Equal(100_000_000, (await Ledger.GetAsync(key, CancellationToken.None)).Allocated);
    }

    [Fact]
    public async Task SavePlan_StaleVersion_Returns409AndKeepsTheSavedPlan()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        using (var first = await client.PutAsync(Path("/api/plans/2093/national"), Json(Plan(0, 300_000_000))))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var stale = await client.PutAsync(Path("/api/plans/2093/national"), Json(Plan(0, 900_000_000)));

        await ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal(300_000_000, (await Ledger.GetAsync(new BudgetKey(2093, FundingSource.National), CancellationToken.None)).Allocated);
    }

    [Fact]
    public async Task SavePlan_InvalidItemsAndProgramme_Returns400ByFieldAndChangesNothing()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var body = new
        {
            version = 0,
            budget = 1_000_000L,
            programmeId = "ffffffffffffffffffffffffffffffff",
            items = new object[] { new { title = "", kind = "rockets", expectedAmount = -1L } },
        };

        using var response = await client.PutAsync(Path("/api/plans/2094/local"), Json(body));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Kế hoạch chưa hợp lệ.", problem.GetProperty("title").GetString());
        Assert.Equal(["Vui lòng nhập tên nội dung."], Messages(problem, "items[0].title"));
        Assert.Equal(["Vui lòng chọn nội dung khuyến công trong danh sách."], Messages(problem, "items[0].kind"));
        Assert.Single(Messages(problem, "items[0].expectedAmount"));
        Assert.Equal(["Không có chương trình này."], Messages(problem, "programmeId"));
        Assert.Equal(0, (await Ledger.GetAsync(new BudgetKey(2094, FundingSource.Local), CancellationToken.None)).Allocated);
    }
}

/// <summary>The plan store's undo, used when the ledger refuses a budget after the plan row was written.</summary>
[Collection(ProgrammesCollection.Name)]
public class AnnualPlanStoreTests(LocalHostFixture fixture)
{
    private KhuyenCong.Application.Plans.IAnnualPlanStore Store => fixture.Host.Services.GetRequiredService<KhuyenCong.Application.Plans.IAnnualPlanStore>();

    private static KhuyenCong.Domain.Plans.AnnualPlan Plan(BudgetKey key, long budget) => new(key, null, budget, [], "ghi chú " + budget);

    [Fact]
    public async Task RevertAsync_LatestWrite_PutsThePreviousPlanBackOrRemovesANewOne()
    {
        var key = new BudgetKey(2096, FundingSource.National);
        var (_, first) = await Store.WriteAsync(Plan(key, 100), 0, "a", CancellationToken.None);
        var (_, second) = await Store.WriteAsync(Plan(key, 200), 1, "b", CancellationToken.None);

        await Store.RevertAsync(second!, first, CancellationToken.None);
        var restored = await Store.GetAsync(key, CancellationToken.None);
        await Store.RevertAsync(restored!, null, CancellationToken.None);

        Assert.Equal((100L, 1), (restored!.Plan.Budget, restored.Version));
        Assert.Null(await Store.GetAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task RevertAsync_SomeoneSavedAfter_KeepsTheNewerPlan()
    {
        var key = new BudgetKey(2097, FundingSource.Local);
        var (_, first) = await Store.WriteAsync(Plan(key, 100), 0, "a", CancellationToken.None);
        var (_, second) = await Store.WriteAsync(Plan(key, 200), 1, "b", CancellationToken.None);
        var (outcome, _) = await Store.WriteAsync(Plan(key, 300), 1, "c", CancellationToken.None);

        await Store.RevertAsync(first!, null, CancellationToken.None);

        Assert.Equal(KhuyenCong.Application.Programmes.SaveOutcome.Stale, outcome);
        Assert.Equal((200L, 2), ((await Store.GetAsync(key, CancellationToken.None))!.Plan.Budget, second!.Version));
    }
}
