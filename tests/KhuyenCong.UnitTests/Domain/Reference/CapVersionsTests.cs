using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Reference;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Domain.Reference;

/// <summary>
/// The caps table as data (data/reference/caps-national.json and caps-local-examples.json): the versions and their
/// dates, each cap with its basis and confidence. TTLT 26/2014/TTLT-BTC-BCT applied from 08/04/2014 to 10/05/2018,
/// TT 28/2018/TT-BTC from 11/05/2018 (the 10/05 was wrong); what TT 64/2024/TT-BTC changed was not found.
/// </summary>
public class CapVersionsTests
{
    private static SupportCap? National(string activity, DateOnly date) =>
        CapResolver.Resolve(CapSeed.All, FundingSource.National, "hung-yen", null, activity, date);

    private static ProposalSubmission Submission(string activity, long total, long requested, string source = "national", string? communeCode = null) =>
        ProposalValidator.Validate(ProposalValidatorTests.ValidForm() with
        {
            Kind = null,
            Activity = activity,
            FundingSource = source,
            TotalCost = total.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RequestedSupport = requested.ToString(System.Globalization.CultureInfo.InvariantCulture),
            OwnContribution = (total - requested).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Submission! with { CommuneCode = communeCode };

    // TTLT 26/2014 ("tối đa 30% chi phí, không quá 500 triệu đồng/mô hình") until 10/05/2018; TT 28/2018 art. 8 cl. 2 ("tối đa 30% chi phí nhưng không quá 1.000 triệu đồng/mô hình") from 11/05/2018.
    [Theory]
    [InlineData("2014-04-07", null, null)]
    [InlineData("2014-04-08", 30, 500_000_000L)]
    [InlineData("2018-05-10", 30, 500_000_000L)]
    [InlineData("2018-05-11", 30, 1_000_000_000L)]
    [InlineData("2026-01-01", 30, 1_000_000_000L)]
    public void DemonstrationModelNew_EachSideOfAChange_GetsTheCapOfItsDate(string date, int? percent, long? amount)
    {
        var cap = National("demonstration-model-new", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(percent, (int?)cap?.MaxPercent);
        Assert.Equal(amount, cap?.MaxAmount);
        Assert.True(cap is null || cap.Unit == CapUnit.PerModel);
    }

    // The second type (TT 28/2018 art. 8 cl. 2, second indent): TTLT 26/2014 gave 100 million per model; the TT 28 figure was not found, so none is invented.
    [Theory]
    [InlineData("2018-05-10", 100_000_000L)]
    [InlineData("2018-05-11", null)]
    public void DemonstrationModelReplication_FigureNotFoundAfterCircular28_NoCapInvented(string date, long? amount)
    {
        Assert.Equal(amount, National("demonstration-model-replication", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))?.MaxAmount);
        Assert.Contains(CapSeed.NotFound, n => n.Activity == "demonstration-model-replication");
    }

    // Machinery: 50%, 200 million per application under TTLT 26/2014; 50%, 300 million per establishment under TT 28/2018 art. 8 cl. 4.
    [Fact]
    public void Machinery_BeforeAndAfterCircular28_ChangesAmountAndUnit()
    {
        var before = National("machinery", new DateOnly(2018, 5, 10))!;
        var after = National("machinery", new DateOnly(2018, 5, 11))!;

        Assert.Equal((50m, 200_000_000L, CapUnit.PerProposal), (before.MaxPercent!.Value, before.MaxAmount!.Value, before.Unit));
        Assert.Equal((50m, 300_000_000L, CapUnit.PerEstablishment), (after.MaxPercent!.Value, after.MaxAmount!.Value, after.Unit));
    }

    [Fact]
    public void Seed_Circular28Caps_AreMarkedUnconfirmedAfterCircular64AndNoneClaimsItsValues()
    {
        var circular28 = CapSeed.National.Where(c => c.EffectiveFrom == new DateOnly(2018, 5, 11)).ToList();

        Assert.NotEmpty(circular28);
        Assert.All(circular28, c => Assert.Contains("64/2024/TT-BTC", c.Note, StringComparison.Ordinal));
        Assert.All(CapSeed.All, c => Assert.DoesNotContain("sửa đổi bởi Thông tư 64/2024", c.Basis, StringComparison.Ordinal));
        Assert.All(CapSeed.National, c => Assert.Contains(c.Confidence, new[] { Confidence.Text, Confidence.Secondary }));
        Assert.DoesNotContain(CapSeed.National, c => c.EffectiveFrom < new DateOnly(2014, 4, 8));
        Assert.Empty(CapResolver.FindConflicts(CapSeed.All));
    }

    [Fact]
    public void Check_NationalDemonstrationModelAt35Percent_RefusedNamingTheCap()
    {
        var result = CapCheck.Check(Submission("demonstration-model-new", 1_000_000_000, 350_000_000), CapSeed.All, new DateOnly(2026, 3, 1));

        var error = Assert.Single(result.FieldErrors);
        Assert.Equal(FieldErrorCodes.ExceedsCapPercent, error.Code);
        Assert.Contains("vượt mức tối đa 30%", error.Message, StringComparison.Ordinal);
        Assert.Contains("Thông tư 28/2018/TT-BTC Điều 8 khoản 2", error.Message, StringComparison.Ordinal);
    }

    // "không quá 300 triệu đồng/cơ sở": what the establishment already received under the same cap counts.
    [Fact]
    public void Check_MachineryPerEstablishment_CountsWhatWasAlreadyReceived()
    {
        var submission = Submission("machinery", 500_000_000, 200_000_000);

        var first = CapCheck.Check(submission, CapSeed.All, new DateOnly(2026, 3, 1));
        var second = CapCheck.Check(submission, CapSeed.All, new DateOnly(2026, 3, 1), Language.Vietnamese, alreadyReceived: 150_000_000);

        Assert.True(first.IsWithinCap);
        var error = Assert.Single(second.FieldErrors);
        Assert.Equal(FieldErrorCodes.ExceedsCapAmount, error.Code);
        Assert.Contains("150.000.000 đồng cơ sở đã được hỗ trợ theo cùng mức này", error.Message, StringComparison.Ordinal);
        Assert.Equal(150_000_000, second.MaxSupport);
    }

    [Fact]
    public void MaxSupport_GroupProposalPerEstablishment_MultipliesByBeneficiaries()
    {
        var cap = National("machinery", new DateOnly(2026, 1, 1))!;

        Assert.Equal(900_000_000, cap.MaxSupportFor(3_000_000_000, 0, 3));
        Assert.Equal(300_000_000, cap.MaxSupportFor(3_000_000_000, 0, 1));
    }

    // A former province's People's Council resolution keeps applying on its former territory (Law 64/2025/QH15 art. 54 cl. 2 as amended by Law 87/2025/QH15).
    [Fact]
    public void Resolve_CapOfAFormerProvincesTerritory_AppliesOnlyToItsCommunes()
    {
        var wholeProvince = new SupportCap(FundingSource.Local, "hung-yen", "machinery", new DateOnly(2025, 7, 1), null, 50m, 250_000_000, "Nghị quyết (ví dụ) tỉnh Hưng Yên");
        var thaiBinh = new SupportCap(FundingSource.Local, "hung-yen", "machinery", new DateOnly(2020, 1, 1), null, 40m, 200_000_000, "Nghị quyết (ví dụ) tỉnh Thái Bình cũ") { Territory = "thai-binh" };
        SupportCap[] caps = [wholeProvince, thaiBinh];

        var inThaiBinh = CapResolver.Resolve(caps, FundingSource.Local, "hung-yen", FormerTerritories.Of("12754"), "machinery", new DateOnly(2026, 1, 1));
        var inHungYen = CapResolver.Resolve(caps, FundingSource.Local, "hung-yen", FormerTerritories.Of("11977"), "machinery", new DateOnly(2026, 1, 1));

        Assert.Equal("thai-binh", FormerTerritories.Of("12754"));
        Assert.Same(thaiBinh, inThaiBinh);
        Assert.Same(wholeProvince, inHungYen);
        Assert.Equal(104, FormerTerritories.Count);
    }

    [Fact]
    public void Check_ExampleLocalCap_IsShownButNeverRefuses()
    {
        var over = Submission("machinery", 500_000_000, 400_000_000, "local", communeCode: "11977");

        var result = CapCheck.Check(over, CapSeed.All, new DateOnly(2026, 3, 1));

        Assert.True(result.IsWithinCap);
        Assert.True(result.Cap!.IsExample);
        Assert.Equal("hung-yen", result.Cap.Territory);
        Assert.NotEmpty(result.Advisories);
    }
}
