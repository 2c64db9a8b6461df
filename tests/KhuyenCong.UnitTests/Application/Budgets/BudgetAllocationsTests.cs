using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Application.Budgets;

/// <summary>Setting a year's allocation, on the real ledger (which refuses an allocation below what is committed).</summary>
[Collection(UseCaseCollection.Name)]
public class BudgetAllocationsTests(UseCaseStorage storage)
{
    private BudgetAllocations Budgets => storage.Get<BudgetAllocations>();

    [Theory]
    [InlineData("20x6", "national", "5200000000", "year")]
    [InlineData("1999", "national", "5200000000", "year")]
    [InlineData("2081", "moon", "5200000000", "fundingSource")]
    [InlineData("2081", "local", null, "allocated")]
    [InlineData("2081", "local", "5.2", "allocated")]
    [InlineData("2081", "local", "-1", "allocated")]
    public async Task SetAsync_BadYearSourceOrAmount_InvalidNamingItAndNothingSet(string year, string source, string? amount, string field)
    {
        var result = await Budgets.SetAsync(year, source, FieldInput.Of(amount), "finance", CancellationToken.None);

        DecisionAssert.InvalidFields(result, field);
        Assert.Equal(0, (await storage.Ledger.GetAsync(new BudgetKey(2081, FundingSource.Local), CancellationToken.None)).Allocated);
    }

    [Fact]
    public async Task SetAsync_AmountOfTheWrongType_SaysItMustBeAWholeAmount()
    {
        var result = await Budgets.SetAsync("2082", "local", new FieldInput(null, WrongType: true), "finance", CancellationToken.None);

        DecisionAssert.Invalid(result, "allocated", BudgetAllocations.AllocatedNotWhole);
    }

    [Fact]
    public async Task SetAsync_BelowCommitted_InvalidOnAllocatedInBothLanguagesAndUnchanged()
    {
        var key = new BudgetKey(2083, FundingSource.National);
        await storage.Ledger.SetAllocationAsync(key, 100_000_000, "finance", CancellationToken.None);
        await storage.Ledger.CommitAsync(key, "p-2083", 60_000_000, "director", CancellationToken.None);

        var result = await Budgets.SetAsync("2083", "national", FieldInput.Of("50000000"), "finance", CancellationToken.None);

        var errors = DecisionAssert.InvalidFields(result, "allocated");
        Assert.Contains("60.000.000 đồng", errors.In(Language.Vietnamese)["allocated"][0], StringComparison.Ordinal);
        Assert.Contains("60,000,000 VND", errors.In(Language.English)["allocated"][0], StringComparison.Ordinal);
        Assert.Equal(100_000_000, (await storage.Ledger.GetAsync(key, CancellationToken.None)).Allocated);
    }

    [Fact]
    public async Task SetAsync_WholeAmount_SetsItAsTheLine()
    {
        var line = DecisionAssert.Done(await Budgets.SetAsync(" 2084 ", "local", FieldInput.Of("5200000000"), "finance", CancellationToken.None));

        Assert.Equal((2084, FundingSource.Local, 5_200_000_000L), (line.Key.Year, line.Key.FundingSource, line.Allocated));
    }

    [Fact]
    public async Task ListAsync_BadYear_InvalidNamingTheYear()
    {
        DecisionAssert.Invalid(await Budgets.ListAsync("next", CancellationToken.None), "year", BudgetKeys.YearInvalid);
    }

    [Fact]
    public async Task ListAsync_Year_OneLinePerFundingSource()
    {
        var year = DecisionAssert.Done(await Budgets.ListAsync("2085", CancellationToken.None));

        Assert.Equal([FundingSource.National, FundingSource.Local], year.Lines.Select(l => l.Key.FundingSource));
    }
}
