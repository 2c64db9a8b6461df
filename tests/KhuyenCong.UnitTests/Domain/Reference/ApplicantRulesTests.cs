using KhuyenCong.Domain.Applicants;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Domain.Reference;

/// <summary>
/// Who may apply and how each is identified: ND 45/2012/NĐ-CP art. 1 cl. 2 as amended by ND 235/2025/NĐ-CP art. 1 cl. 1
/// (the "art. 2" is art. 1 cl. 2); tax codes of 10 digits and 10-3 (Luật Quản lý thuế 2019 art. 3 cl. 5,
/// TT 105/2020/TT-BTC art. 5) and the 12-digit personal identification number of household businesses (TT 86/2024/TT-BTC).
/// </summary>
public class ApplicantRulesTests
{
    private static ProposalForm Form(string entityType, string taxCode) =>
        ProposalValidatorTests.ValidForm() with { EntityType = entityType, TaxCode = taxCode };

    [Theory]
    [InlineData("household-business", "001089012345")]
    [InlineData("household-business", "0101234567")]
    [InlineData("sme", "0101234567")]
    [InlineData("sme", "0101234567-001")]
    [InlineData("cooperative", "0901234567")]
    [InlineData("artisan", "034056789012")]
    [InlineData("craft-village", "0901234567")]
    public void Validate_TaxCodeThatFitsTheEntityType_AcceptedND45Art1Cl2(string entityType, string taxCode)
    {
        var result = ProposalValidator.Validate(Form(entityType, taxCode));

        Assert.True(result.IsValid, string.Join("; ", result.FieldErrors));
        Assert.Equal(entityType, result.Submission.EntityType);
        Assert.Equal(taxCode, result.Submission.TaxCode);
    }

    [Theory]
    [InlineData("sme", "001089012345")]
    [InlineData("cooperative-group", "0101234567-001")]
    [InlineData("artisan", "0101234567")]
    [InlineData("cluster-investor", "001089012345")]
    public void Validate_TaxCodeThatDoesNotFitTheEntityType_NamesTaxCodeAndEntityType(string entityType, string taxCode)
    {
        var result = ProposalValidator.Validate(Form(entityType, taxCode));

        Assert.False(result.IsValid);
        Assert.Equal([ProposalFields.TaxCode, ProposalFields.EntityType], result.FieldErrors.Select(e => e.Field));
        Assert.All(result.FieldErrors, e => Assert.Equal(FieldErrorCodes.IdentifierMismatch, e.Code));
    }

    [Fact]
    public void Validate_TwelveDigitsForAnEnterprise_ExplainsInVietnameseAndEnglish()
    {
        var vi = ProposalValidator.Validate(Form("sme", "001089012345")).Errors[ProposalFields.TaxCode].Single();
        var en = ProposalValidator.Validate(Form("sme", "001089012345"), Language.English).Errors[ProposalFields.TaxCode].Single();

        Assert.StartsWith("Số định danh cá nhân 12 chữ số không dùng cho loại hình \"Doanh nghiệp nhỏ và vừa\"", vi, StringComparison.Ordinal);
        Assert.StartsWith("A 12-digit personal identification number does not identify a small or medium-sized enterprise", en, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, FieldErrorCodes.Required)]
    [InlineData("enterprise", FieldErrorCodes.UnknownChoice)]
    [InlineData("unspecified", FieldErrorCodes.UnknownChoice)]
    public void Validate_MissingUnknownOrLegacyOnlyEntityType_RefusedForANewSubmission(string? entityType, string code)
    {
        var result = ProposalValidator.Validate(ProposalValidatorTests.ValidForm() with { EntityType = entityType });

        Assert.Equal(code, Assert.Single(result.FieldErrors, e => e.Field == ProposalFields.EntityType).Code);
    }

    [Fact]
    public void Validate_HistoricalWithoutEntityType_GetsItByTheDocumentedRule()
    {
        var result = ProposalValidator.Validate(ProposalValidatorTests.ValidForm() with { EntityType = null, OrganizationName = "Công ty TNHH Cơ khí Phố Nối" },
            Language.Vietnamese, ValidationMode.Historical);

        Assert.True(result.IsValid, string.Join("; ", result.FieldErrors));
        Assert.Equal("sme", result.Submission.EntityType);
    }

    // The migration rule (data/reference/entity-types.json, migrationRule; ADR 0023).
    [Theory]
    [InlineData("001089012345", "Nguyễn Văn A", "household-business")]
    [InlineData("0101234567", "Hợp tác xã Dệt may", "cooperative")]
    [InlineData("0101234567", "HTX Mây tre", "cooperative")]
    [InlineData("0101234567", "Liên hiệp hợp tác xã Nông sản", "cooperative-union")]
    [InlineData("0101234567", "Tổ hợp tác Đan lát", "cooperative-group")]
    [InlineData("0101234567", "Công ty TNHH Nhựa", "sme")]
    [InlineData("0101234567", "DNTN Bình An", "sme")]
    [InlineData("0101234567", "Cơ sở Cơ khí Nghĩa Dân", "household-business")]
    [InlineData("0101234567", "Trung tâm Dạy nghề", "unspecified")]
    public void Infer_StoredRecordWithoutType_FollowsTheMigrationRule(string taxCode, string name, string expected) =>
        Assert.Equal(expected, EntityTypes.Infer(taxCode, name));

    [Fact]
    public void EntityTypes_Data_EveryTypeNamesItsClauseConfidenceAndIdentifiers()
    {
        Assert.Contains("art. 1 cl. 2", EntityTypes.Basis, StringComparison.Ordinal);
        Assert.All(EntityTypes.Selectable, t =>
        {
            Assert.Contains("ND 45/2012 art. 1 cl. 2", t.Clause, StringComparison.Ordinal);
            Assert.Contains(t.Confidence, new[] { "text", "secondary" });
            Assert.NotEmpty(t.Identifiers);
        });
        Assert.Equal(EntityRole.Implementer, EntityTypes.Get(EntityTypes.ServiceProvider).Role);
        Assert.True(EntityTypes.Get(EntityTypes.Unspecified).LegacyOnly);
    }

    [Theory]
    [InlineData("women-owned,ethnic-minority-owned", new[] { "women-owned", "ethnic-minority-owned" })]
    [InlineData("[\"difficult-area\", \"difficult-area\"]", new[] { "difficult-area" })]
    public void Validate_PriorityFacts_RecordedForRanking(string priorities, string[] expected)
    {
        var result = ProposalValidator.Validate(ProposalValidatorTests.ValidForm() with { Priorities = priorities });

        Assert.True(result.IsValid, string.Join("; ", result.FieldErrors));
        Assert.Equal(expected, result.Submission.Priorities);
    }

    [Fact]
    public void PriorityGroups_Data_KeepTheirConfidenceAndUse()
    {
        var women = Assert.Single(PriorityGroups.All, g => g.Code == "women-owned");

        Assert.Equal("secondary", women.Confidence);
        Assert.Equal("ranking", women.Use);
        Assert.Equal("2025-10-15", women.ValidFrom);
        Assert.Equal("condition", Assert.Single(PriorityGroups.All, g => g.Code == "difficult-area").Use);
        Assert.Equal(FieldErrorCodes.UnknownChoice,
            Assert.Single(ProposalValidator.Validate(ProposalValidatorTests.ValidForm() with { Priorities = "rich-owned" }).FieldErrors).Code);
    }
}
