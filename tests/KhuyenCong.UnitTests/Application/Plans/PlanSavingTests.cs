using KhuyenCong.Application.Common;
using KhuyenCong.Application.Plans;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Application.Plans;

/// <summary>Saving an annual plan: its rules, the version edited, and the ledger's allocation it sets (all or nothing).</summary>
[Collection(UseCaseCollection.Name)]
public class PlanSavingTests(UseCaseStorage storage)
{
    private PlanSaving Saving => storage.Get<PlanSaving>();

    private static AnnualPlanForm Form(long budget, string? programmeId = null) =>
        new(programmeId, budget, [new PlanItemForm("Đào tạo nghề may công nghiệp", "training", 300_000_000)], "Ưu tiên cơ sở do phụ nữ làm chủ.");

    private static PlanRequest Request(int year, int? version, AnnualPlanForm form) => new(year.ToString(System.Globalization.CultureInfo.InvariantCulture), "local", version, form, "officer");

    [Fact]
    public async Task SaveAsync_BadKey_InvalidNamingYearAndFundingSource()
    {
        DecisionAssert.InvalidFields(await Saving.SaveAsync(new PlanRequest("x", "moon", 0, Form(1), "officer"), CancellationToken.None), "year", "fundingSource");
    }

    [Fact]
    public async Task SaveAsync_BadItemsVersionAndUnknownProgramme_InvalidByFieldInBothLanguages()
    {
        var form = new AnnualPlanForm("ffffffffffffffffffffffffffffffff", 1_000_000, [new PlanItemForm("", "rockets", -1)], null);

        var result = await Saving.SaveAsync(Request(2071, -1, form), CancellationToken.None);

        var errors = DecisionAssert.InvalidFields(result, "items[0].title", "items[0].kind", "items[0].expectedAmount", "version", "programmeId");
        Assert.Equal(["Không có chương trình này."], errors.In(Language.Vietnamese)["programmeId"]);
        Assert.Equal(["Unknown programme."], errors.In(Language.English)["programmeId"]);
        Assert.Equal(0, (await storage.Ledger.GetAsync(new BudgetKey(2071, FundingSource.Local), CancellationToken.None)).Allocated);
    }

    [Fact]
    public async Task SaveAsync_NewPlan_SetsTheAllocationToItsBudget()
    {
        var view = DecisionAssert.Done(await Saving.SaveAsync(Request(2072, 0, Form(5_200_000_000)), CancellationToken.None));

        Assert.Equal((1, 5_200_000_000L), (view.Record!.Version, view.Line.Allocated));
        Assert.Equal(5_200_000_000, (await storage.Ledger.GetAsync(new BudgetKey(2072, FundingSource.Local), CancellationToken.None)).Allocated);
    }

    [Fact]
    public async Task SaveAsync_TwoEditsOfOneVersion_TheFirstWinsTheSecondIsAnEditConflict()
    {
        DecisionAssert.Done(await Saving.SaveAsync(Request(2073, 0, Form(300_000_000)), CancellationToken.None));

        var results = await Task.WhenAll(Task.Run(() => Saving.SaveAsync(Request(2073, 1, Form(400_000_000)), CancellationToken.None)),
            Task.Run(() => Saving.SaveAsync(Request(2073, 1, Form(500_000_000)), CancellationToken.None)));

        var winner = Assert.Single(results, r => r.IsDone).Value!;
        var loser = Assert.Single(results, r => !r.IsDone);
        Assert.Equal(PlanSaving.Stale, DecisionAssert.Conflict(loser));
        Assert.Null(loser.Value);
        Assert.Equal(winner.Line.Allocated, (await storage.Ledger.GetAsync(new BudgetKey(2073, FundingSource.Local), CancellationToken.None)).Allocated);
    }

    [Fact]
    public async Task SaveAsync_BudgetBelowCommitted_ConflictWithThePlanAndLineAsTheyStay()
    {
        var key = new BudgetKey(2074, FundingSource.Local);
        DecisionAssert.Done(await Saving.SaveAsync(Request(2074, 0, Form(100_000_000)), CancellationToken.None));
        await storage.Ledger.CommitAsync(key, "p-2074", 60_000_000, "director", CancellationToken.None);

        var result = await Saving.SaveAsync(Request(2074, 1, Form(50_000_000)), CancellationToken.None);

        Assert.Equal("Kinh phí được giao (50.000.000 đồng) không được thấp hơn số đã cam kết cho các đề án đã phê duyệt (60.000.000 đồng).",
            DecisionAssert.Conflict(result).Vietnamese);
        Assert.Equal((1, 100_000_000L, 60_000_000L), (result.Value!.Record!.Version, result.Value.Line.Allocated, result.Value.Line.Committed));
        Assert.Equal(1, (await storage.Get<IAnnualPlanStore>().GetAsync(key, CancellationToken.None))!.Version);
    }
}
