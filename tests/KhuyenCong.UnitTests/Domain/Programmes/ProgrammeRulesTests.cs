using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Programmes;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Domain.Programmes;

public class ProgrammeRulesTests
{
    private static ProgrammeForm Valid() => new("  Chương trình  khuyến công 2021–2025 ", 2021, 2025, "national", "1881/QĐ-TTg",
        [new ProgrammeTargetForm("Demonstration-Models", null, null, null, 15), new ProgrammeTargetForm("trainees", "Lao động được đào tạo", "Trainees", "người", 400)]);

    [Fact]
    public void Validate_ValidForm_NormalisesTextAndFillsTargetDefaults()
    {
        var (programme, errors) = ProgrammeRules.Validate(Valid(), "id1", Language.Vietnamese);

        Assert.Empty(errors);
        Assert.Equal("Chương trình khuyến công 2021–2025", programme!.Name);
        Assert.Equal(FundingSource.National, programme.FundingSource);
        Assert.Equal(new ProgrammeTarget("demonstration-models", "Mô hình trình diễn kỹ thuật", "Technical demonstration models", "mô hình", 15), programme.Targets[0]);
        Assert.Equal([2021, 2022, 2023, 2024, 2025], programme.Years);
    }

    [Fact]
    public void Validate_DuplicateTargetAndLongPeriod_ErrorsByFieldInEnglish()
    {
        var form = Valid() with
        {
            FromYear = 2021,
            ToYear = 2040,
            Targets = [new ProgrammeTargetForm("trainees", null, null, null, 1), new ProgrammeTargetForm("trainees", null, null, null, 2), null],
        };

        var (programme, errors) = ProgrammeRules.Validate(form, "id1", Language.English);

        Assert.Null(programme);
        Assert.Equal(["toYear", "targets[1].code", "targets[2]"], errors.Select(e => e.Field));
        Assert.Equal("A programme lasts at most 10 years.", errors[0].Message);
        Assert.Equal("The target \"trainees\" is listed twice.", errors[1].Message);
    }

    [Fact]
    public void Validate_MissingEverything_ReportsEachRequiredFieldInVietnamese()
    {
        var (_, errors) = ProgrammeRules.Validate(new ProgrammeForm(null, null, null, null, null, null), "id1", Language.Vietnamese);

        Assert.Equal(["name", "fromYear", "toYear", "fundingSource", "decisionNumber"], errors.Select(e => e.Field));
        Assert.Equal("Vui lòng nhập số quyết định.", errors[4].Message);
    }

    [Fact]
    public void AnnualPlanRules_ValidForm_KeepsItemsAndMultiLineNotes()
    {
        var key = new BudgetKey(2026, FundingSource.Local);
        var form = new AnnualPlanForm(null, 1_000, [new PlanItemForm(" Máy sấy ", "machinery", 400), new PlanItemForm("Đào tạo", "training", 0)], "Dòng 1\r\n\r\n\r\nDòng 2");

        var (plan, errors) = AnnualPlanRules.Validate(key, form, Language.Vietnamese);

        Assert.Empty(errors);
        Assert.Equal(400, plan!.PlannedTotal);
        Assert.Equal("Máy sấy", plan.Items[0].Title);
        Assert.Equal("Dòng 1\n\nDòng 2", plan.Notes);
    }

    [Fact]
    public void AnnualPlanRules_NegativeBudgetAndUnknownKind_ErrorsByField()
    {
        var (plan, errors) = AnnualPlanRules.Validate(new BudgetKey(2026, FundingSource.Local),
            new AnnualPlanForm("not/an/id", -1, [new PlanItemForm("A", "rockets", 1)], null), Language.Vietnamese);

        Assert.Null(plan);
        Assert.Equal(["budget", "programmeId", "items[0].kind"], errors.Select(e => e.Field));
        Assert.Equal("Kinh phí được giao không được là số âm.", errors[0].Message);
    }
}
