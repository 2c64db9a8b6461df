using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Domain.Appraisal;

public class RubricRulesTests
{
    private static Rubric Valid() => DefaultRubric.Create();

    private static RubricCriterion Criterion(string code, int max) => new(code, "Tiêu chí " + code, "Criterion " + code, null, null, max);

    [Fact]
    public void DefaultRubric_Create_IsValidWith100PointsOverFiveCriteriaAndPassMark70()
    {
        var rubric = Valid();

        Assert.Empty(RubricRules.Validate(rubric));
        Assert.Equal(100, rubric.TotalPoints);
        Assert.Equal(5, rubric.Criteria.Count);
        Assert.Equal(70, rubric.PassMark);
        Assert.Equal(1, rubric.Version);
        Assert.Equal([20, 25, 20, 25, 10], rubric.Criteria.Select(c => c.MaxPoints));
        Assert.Contains(rubric.Criteria, c => c.NameVi == "Tính khả thi về kỹ thuật và công nghệ");
    }

    [Fact]
    public void Validate_DuplicateCodeOnceNormalised_ErrorOnTheSecondCode()
    {
        var rubric = new Rubric("r", 1, [Criterion("a", 50), Criterion("b", 30), new RubricCriterion(" A ", "x", "x", null, null, 20)], 50);

        var errors = RubricRules.Validate(RubricRules.Normalize(rubric));

        var error = Assert.Single(errors);
        Assert.Equal("criteria[2].code", error.Field);
        Assert.Equal("duplicate", error.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1001)]
    public void Validate_MaxPointsNotPositiveOrTooLarge_ErrorOnMaxPoints(int max)
    {
        var rubric = new Rubric("r", 1, [Criterion("a", 50), Criterion("b", max)], 10);

        var errors = RubricRules.Validate(rubric, language: Language.English);

        Assert.Contains(errors, e => e.Field == "criteria[1].maxPoints" && e.Message.Contains("positive", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DeclaredTotalDiffersFromSum_ErrorOnTotalPoints()
    {
        var errors = RubricRules.Validate(Valid(), declaredTotal: 90);

        var error = Assert.Single(errors);
        Assert.Equal("totalPoints", error.Field);
        Assert.Contains("100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DeclaredTotalEqualsSum_NoError() =>
        Assert.Empty(RubricRules.Validate(Valid(), declaredTotal: 100));

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Validate_PassMarkOutsideOneToTotal_ErrorOnPassMark(int passMark)
    {
        var errors = RubricRules.Validate(Valid() with { PassMark = passMark });

        Assert.Equal("passMark", Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_PassMarkEqualsTotal_NoError() =>
        Assert.Empty(RubricRules.Validate(Valid() with { PassMark = 100 }));

    [Fact]
    public void Validate_NoCriteria_ErrorOnCriteria() =>
        Assert.Equal("criteria", RubricRules.Validate(new Rubric("r", 1, [], 10)).First().Field);

    [Fact]
    public void Validate_TooManyCriteria_ErrorOnCriteria()
    {
        var many = Enumerable.Range(0, RubricRules.MaxCriteria + 1).Select(i => Criterion("c" + i, 5)).ToList();

        Assert.Contains(RubricRules.Validate(new Rubric("r", 1, many, 10)), e => e.Field == "criteria");
    }

    [Theory]
    [InlineData("Bad Code")]
    [InlineData("đ")]
    [InlineData("-a")]
    [InlineData("")]
    public void Validate_CodeNotInCodeForm_ErrorOnCode(string code)
    {
        var rubric = new Rubric("r", 1, [Criterion(code, 100)], 50);

        Assert.Equal("criteria[0].code", Assert.Single(RubricRules.Validate(rubric)).Field);
    }

    [Fact]
    public void Validate_MissingNamesAndLongDescription_ErrorsByFieldInVietnamese()
    {
        var rubric = new Rubric("r", 1, [new RubricCriterion("a", " ", "", new string('x', RubricRules.DescriptionMaxLength + 1), null, 100)], 50);

        var errors = RubricRules.Validate(rubric);

        Assert.Equal(["criteria[0].nameVi", "criteria[0].nameEn", "criteria[0].descriptionVi"], errors.Select(e => e.Field));
        Assert.Contains("không được để trống", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_CodesAndTexts_LowerCaseCodesTrimmedTextsEmptyDescriptionsNull()
    {
        var rubric = new Rubric(" R ", 1, [new RubricCriterion(" A ", "  Sự   cần thiết ", "Need", "  ", null, 100)], 50);

        var normalized = RubricRules.Normalize(rubric);

        Assert.Equal("r", normalized.Id);
        Assert.Equal("a", normalized.Criteria[0].Code);
        Assert.Equal("Sự cần thiết", normalized.Criteria[0].NameVi);
        Assert.Null(normalized.Criteria[0].DescriptionVi);
    }
}
