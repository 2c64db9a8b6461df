using KhuyenCong.Application.Caps;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.UnitTests.Application.Caps;

/// <summary>Editing the support caps: every field's rule, and the cap stored.</summary>
[Collection(UseCaseCollection.Name)]
public class CapEditingTests(UseCaseStorage storage)
{
    private CapEditing Editing => storage.Get<CapEditing>();

    private static CapForm Valid => new("local", "hung-yen", "training", "2031-01-01", null, 50, 300_000_000, "Nghị quyết 05/2031/NQ-HĐND tỉnh Hưng Yên (ví dụ)");

    [Fact]
    public async Task SaveAsync_EveryFieldWrong_NamesEachWithItsMessage()
    {
        var form = new CapForm("moon", "atlantis", "rockets", "01/01/2031", "never", 0, -1, " ");

        var errors = DecisionAssert.InvalidFields(await Editing.SaveAsync(form, "officer", CancellationToken.None),
            "fundingSource", "kind", "province", "effectiveFrom", "effectiveTo", "maxPercent", "maxAmount", "basis");

        Assert.Equal(CapEditing.BasisInvalid.Vietnamese, errors.In(KhuyenCong.Domain.Text.Language.Vietnamese)["basis"][0]);
    }

    [Theory]
    [InlineData("2030-12-31")]
    [InlineData("2031-01-01")]
    [InlineData("31/12/2031")]
    public async Task SaveAsync_EffectiveToNotAfterEffectiveFrom_InvalidNamingEffectiveTo(string to)
    {
        DecisionAssert.Invalid(await Editing.SaveAsync(Valid with { EffectiveTo = to }, "officer", CancellationToken.None), "effectiveTo", CapEditing.EffectiveToInvalid);
    }

    [Fact]
    public async Task SaveAsync_PercentAbove100_InvalidNamingMaxPercent()
    {
        DecisionAssert.Invalid(await Editing.SaveAsync(Valid with { MaxPercent = 100.5m }, "officer", CancellationToken.None), "maxPercent", CapEditing.MaxPercentInvalid);
    }

    [Fact]
    public async Task SaveAsync_Valid_StoresTheCapForTheProvince()
    {
        var cap = DecisionAssert.Done(await Editing.SaveAsync(Valid with { Province = "Hưng Yên" }, "officer", CancellationToken.None));

        Assert.Equal((FundingSource.Local, "hung-yen", ProposalKind.Training), (cap.FundingSource, cap.Province, cap.Kind));
        Assert.Contains(await storage.Get<ICapStore>().ListAsync(CancellationToken.None),
            c => c.Province == "hung-yen" && c.Kind == ProposalKind.Training && c.EffectiveFrom == new DateOnly(2031, 1, 1) && c.MaxAmount == 300_000_000);
    }

    [Fact]
    public async Task SaveAsync_LocalCapForAFormerProvincesTerritory_StoresItForThatActivityAndUnit()
    {
        // A former province's People's Council resolution keeps applying on its former territory until replaced.
        var form = Valid with { Kind = null, Activity = "machinery", Territory = "thai-binh", Unit = "per-establishment", MaxPercent = null };

        var cap = DecisionAssert.Done(await Editing.SaveAsync(form, "officer", CancellationToken.None));

        Assert.Equal(("hung-yen", "thai-binh", "machinery", CapUnit.PerEstablishment, (decimal?)null, (long?)300_000_000),
            (cap.Province, cap.Territory, cap.Activity, cap.Unit, cap.MaxPercent, cap.MaxAmount));
    }

    [Fact]
    public async Task SaveAsync_TerritoryNotMergedIntoTheProvinceUnknownActivityAndUnit_InvalidNamingEach()
    {
        var form = Valid with { Activity = "rockets", Territory = "ha-giang", Unit = "per-galaxy" };

        DecisionAssert.InvalidFields(await Editing.SaveAsync(form, "officer", CancellationToken.None), "activity", "territory", "unit");
    }

    [Fact]
    public async Task SaveAsync_NeitherShareNorAmount_InvalidNamingMaxAmount()
    {
        DecisionAssert.Invalid(await Editing.SaveAsync(Valid with { MaxPercent = null, MaxAmount = null }, "officer", CancellationToken.None),
            "maxAmount", CapEditing.AmountOrPercentRequired);
    }
}
