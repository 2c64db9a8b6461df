using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Applicants;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.UnitTests.Domain.Reference;

/// <summary>
/// The activity catalogue (data/reference/activities.json: ND 45/2012 art. 4 was not readable, so each activity names
/// the text it comes from, e.g. TT 28/2018/TT-BTC art. 8 cl. 2 for demonstration models), đề án carried out by the
/// Centre for beneficiaries (đề án nhóm), typical-product rounds (TT 26/2014/TT-BCT arts. 14, 19) and the dossier.
/// </summary>
public class ActivityRulesTests
{
    private static ProposalForm Centre(string activity, string? beneficiaries, string kind = "") =>
        ProposalValidatorTests.ValidForm() with
        {
            OrganizationName = "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp",
            EntityType = EntityTypes.ServiceProvider,
            Kind = kind,
            Activity = activity,
            Beneficiaries = beneficiaries,
        };

    private const string ThreeBeneficiaries = """
        [{"name":"HTX Mây tre Phú Vinh","taxCode":"0101234567","entityType":"cooperative","commune":"Xã Tân Hưng"},
         {"name":"Hộ kinh doanh Nguyễn Văn Bình","taxCode":"001089012345","entityType":"household-business","commune":"Phường Mỹ Hào"},
         {"name":"Công ty TNHH Nhựa Lạc Đạo","taxCode":"0900480825","entityType":"sme","commune":"Xã Lạc Đạo"}]
        """;

    [Fact]
    public void Catalogue_EveryKind_HasOneDefaultActivityAndTheOldCodesStayReadable()
    {
        Assert.All(Enum.GetValues<ProposalKind>(), k => Assert.True(ActivityCatalog.DefaultFor(k).DefaultForKind));
        Assert.True(ActivityCatalog.TryParse("demonstration-model", out var model));
        Assert.Equal("demonstration-model-new", model.Code);
        Assert.True(ActivityCatalog.TryParse("trade-promotion", out var trade));
        Assert.Equal("market-expansion", trade.Code);
        Assert.Equal("TT 28/2018/TT-BTC art. 8 cl. 2 (second indent)", ActivityCatalog.Get("demonstration-model-replication").Clause);
        Assert.DoesNotContain(ActivityCatalog.All, a => a.Code is "international-cooperation" or "relocation");
        Assert.Contains(ActivityCatalog.NotAccepted, n => n.Code == "international-cooperation");
    }

    [Theory]
    [InlineData("communication")]
    [InlineData("capacity-building")]
    [InlineData("enterprise-establishment")]
    [InlineData("artisan-support")]
    public void Catalogue_ActivitiesTheOldKindsMissed_AreKindsOfTheirOwn(string code) =>
        Assert.Equal(code, ActivityCatalog.Get(code).Kind.ToCode());

    [Fact]
    public void Validate_ActivityWithoutKind_TakesTheActivitysKind()
    {
        var result = ProposalValidator.Validate(ProposalValidatorTests.ValidForm() with { Kind = null, Activity = "demonstration-model-replication" });

        Assert.True(result.IsValid, string.Join("; ", result.FieldErrors));
        Assert.Equal(ProposalKind.DemonstrationModel, result.Submission.Kind);
        Assert.Equal("demonstration-model-replication", result.Submission.Activity);
    }

    [Fact]
    public void Validate_ActivityOfAnotherKind_RefusedNamingActivity() =>
        Assert.Equal(FieldErrorCodes.ActivityMismatch,
            Assert.Single(ProposalValidator.Validate(ProposalValidatorTests.ValidForm() with { Kind = "training", Activity = "machinery" }).FieldErrors).Code);

    [Fact]
    public void Validate_EstablishmentProposingACentreActivity_RefusedNamingActivity()
    {
        var result = ProposalValidator.Validate(ProposalValidatorTests.ValidForm() with { Kind = null, Activity = "communication" });

        var error = Assert.Single(result.FieldErrors);
        Assert.Equal((ProposalFields.Activity, FieldErrorCodes.NotForApplicant), (error.Field, error.Code));
        Assert.Contains("Trung tâm Khuyến công", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CentreGroupProposal_KeepsItsBeneficiariesDistinctByTaxCode()
    {
        var result = ProposalValidator.Validate(Centre("fair-participation", ThreeBeneficiaries));

        Assert.True(result.IsValid, string.Join("; ", result.FieldErrors));
        Assert.Equal(3, result.Submission.Beneficiaries.Count);
        Assert.Equal(["0101234567", "001089012345", "0900480825"], result.Submission.Beneficiaries.Select(b => b.TaxCode));
        Assert.Equal(ProposalKind.TradePromotion, result.Submission.Kind);
    }

    [Fact]
    public void Validate_BeneficiaryListedTwice_RefusedNamingBeneficiaries()
    {
        const string twice = """[{"name":"A","taxCode":"0101234567","entityType":"sme","commune":"Xã Tân Hưng"},{"name":"A bis","taxCode":"0101234567","entityType":"sme","commune":"Xã Tân Hưng"}]""";

        var error = Assert.Single(ProposalValidator.Validate(Centre("fair-participation", twice)).FieldErrors);

        Assert.Equal((ProposalFields.Beneficiaries, FieldErrorCodes.Duplicate), (error.Field, error.Code));
        Assert.Contains("0101234567", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"name":"A","taxCode":"001089012345","entityType":"sme","commune":"Xã Tân Hưng"}]""")]
    [InlineData("""[{"name":"A","taxCode":"0101234567","entityType":"service-provider","commune":"Xã Tân Hưng"}]""")]
    [InlineData("""[{"name":"","taxCode":"0101234567","entityType":"sme","commune":"Xã Tân Hưng"}]""")]
    [InlineData("""{"name":"A"}""")]
    public void Validate_BadBeneficiary_RefusedNamingBeneficiaries(string beneficiaries) =>
        Assert.Equal(ProposalFields.Beneficiaries, Assert.Single(ProposalValidator.Validate(Centre("fair-participation", beneficiaries)).FieldErrors).Field);

    [Fact]
    public void Validate_RequiredBeneficiariesMissing_OrListedByAnEstablishment_Refused()
    {
        Assert.Equal(FieldErrorCodes.Required, Assert.Single(ProposalValidator.Validate(Centre("fair-participation", null)).FieldErrors).Code);
        Assert.True(ProposalValidator.Validate(Centre("communication", null)).IsValid);
        Assert.Equal(FieldErrorCodes.NotForApplicant,
            Assert.Single(ProposalValidator.Validate(ProposalValidatorTests.ValidForm() with { Beneficiaries = ThreeBeneficiaries }).FieldErrors).Code);
    }

    // TT 26/2014/TT-BCT art. 19: commune, district and province rounds are paid from local money, regional and national ones from national money.
    [Theory]
    [InlineData("province", "local", true)]
    [InlineData("region", "national", true)]
    [InlineData("province", "national", false)]
    [InlineData("national", "local", false)]
    public void Validate_TypicalProductRound_LevelMatchesTheFundingSource(string level, string source, bool valid)
    {
        var result = ProposalValidator.Validate(Centre("typical-product-voting", null) with { RoundLevel = level, FundingSource = source });

        Assert.Equal(valid, result.IsValid);
    }

    [Fact]
    public void Validate_TypicalProductByAnEstablishment_RefusedAsRoundsAreOrganisedByAuthorities()
    {
        var error = Assert.Single(ProposalValidator.Validate(ProposalValidatorTests.ValidForm() with { Kind = "typical-product", FundingSource = "local" }).FieldErrors);

        Assert.Equal(ProposalFields.Kind, error.Field);
        Assert.Contains("Thông tư 26/2014/TT-BCT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_EveryActivity_ListsItsDossierWithBasisAndNoInventedTemplate()
    {
        foreach (var activity in ActivityCatalog.All)
        {
            var own = DossierDocuments.Required(activity, EntityRole.Establishment);
            var centre = DossierDocuments.Required(activity, EntityRole.Implementer);
            Assert.True(own.Count > 0 || centre.Count > 0, activity.Code);
            Assert.Equal(activity.EstablishmentMayPropose, own.Count > 0);
            Assert.All(own.Concat(centre), d =>
            {
                Assert.Null(d.Template);
                Assert.False(string.IsNullOrWhiteSpace(d.Basis));
                Assert.False(string.IsNullOrWhiteSpace(d.TemplateNote));
            });
        }

        Assert.Contains(DossierDocuments.Required(ActivityCatalog.Get("machinery"), EntityRole.Establishment), d => d.Code == "bao-gia");
        Assert.DoesNotContain(DossierDocuments.Required(ActivityCatalog.Get("training"), EntityRole.Establishment), d => d.Code == "bao-gia");
        Assert.Equal("van-ban-de-nghi", DossierDocuments.Required(ActivityCatalog.Get("communication"), EntityRole.Implementer)[0].Code);
    }

    [Fact]
    public void DocumentChecklist_MarkedFiles_PresentMissingAndUnmarked()
    {
        var p = new Proposal
        {
            Id = "p", TrackingCode = "KC-AAAA-BBBB-CCCC-DDDD-EE", Status = ProposalStatus.Submitted, SubmittedAt = DateTimeOffset.UnixEpoch,
            Channel = SubmissionChannel.Online, EnteredBy = "applicant",
            Submission = ProposalValidator.Validate(ProposalValidatorTests.ValidForm()).Submission!,
            Attachments =
            [
                new AttachmentInfo("a", "de-an.pdf", "application/pdf", 1, "x", DateTimeOffset.UnixEpoch) { Document = "thuyet-minh" },
                new AttachmentInfo("b", "scan.pdf", "application/pdf", 1, "x", DateTimeOffset.UnixEpoch),
                new AttachmentInfo("c", "bao-cao.pdf", "application/pdf", 1, "x", DateTimeOffset.UnixEpoch, AttachmentPurposes.Progress) { Document = "du-toan" },
            ],
        };

        var checklist = DocumentChecklist.For(p);

        Assert.Equal(["thuyet-minh"], checklist.Present.Select(d => d.Code));
        Assert.Equal(5, checklist.Missing.Count);
        Assert.Equal(1, checklist.Unmarked);
        Assert.False(checklist.MayBeCoveredByUnmarkedFiles);
    }
}
