using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Domain;

public class SupportCapTests
{
    private static readonly DateOnly Y2020 = new(2020, 1, 1);

    private static SupportCap Cap(
        ProposalKind kind = ProposalKind.Machinery,
        FundingSource source = FundingSource.Local,
        string? province = null,
        DateOnly? from = null,
        DateOnly? to = null,
        decimal percent = 50m,
        long amount = 300_000_000,
        string basis = "test") =>
        new(source, province, kind, from ?? Y2020, to, percent, amount, basis);

    private static ProposalSubmission Submission(ProposalKind kind, long total, long requested, FundingSource source = FundingSource.National, string province = "hung-yen")
    {
        var result = ProposalValidator.Validate(ProposalValidatorTests.ValidForm() with
        {
            Kind = kind.ToCode(),
            EntityType = "sme",
            FundingSource = source.ToCode(),
            Province = province,
            TotalCost = total.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RequestedSupport = requested.ToString(System.Globalization.CultureInfo.InvariantCulture),
            OwnContribution = (total - requested).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.True(result.IsValid, string.Join("; ", result.FieldErrors));
        return result.Submission;
    }

    [Fact]
    public void IsEffectiveOn_Dates_FromInclusiveToExclusive()
    {
        var cap = Cap(from: new DateOnly(2024, 1, 1), to: new DateOnly(2025, 1, 1));

        Assert.False(cap.IsEffectiveOn(new DateOnly(2023, 12, 31)));
        Assert.True(cap.IsEffectiveOn(new DateOnly(2024, 1, 1)));
        Assert.True(cap.IsEffectiveOn(new DateOnly(2024, 12, 31)));
        Assert.False(cap.IsEffectiveOn(new DateOnly(2025, 1, 1)));
        Assert.True(Cap().IsEffectiveOn(new DateOnly(2099, 1, 1)));
    }

    [Theory]
    [InlineData(1_000_000_000, 300_000_000)]
    [InlineData(400_000_000, 200_000_000)]
    [InlineData(333, 166)]
    public void MaxSupportFor_TotalCost_LowerOfAmountAndPercent(long total, long expected) =>
        Assert.Equal(expected, Cap().MaxSupportFor(total));

    [Fact]
    public void Resolve_ProvinceCapAndNationwideCap_ProvinceWinsEvenIfOlder()
    {
        var nationwide = Cap(from: new DateOnly(2024, 1, 1));
        var haiDuong = Cap(province: "hai-duong", from: new DateOnly(2021, 1, 1), amount: 250_000_000);

        var cap = CapResolver.Resolve([nationwide, haiDuong], FundingSource.Local, "hai-duong", ProposalKind.Machinery, new DateOnly(2025, 1, 1));

        Assert.Same(haiDuong, cap);
    }

    [Fact]
    public void Resolve_OtherProvince_FallsBackToNationwide()
    {
        var nationwide = Cap();
        var haiDuong = Cap(province: "hai-duong");

        Assert.Same(nationwide, CapResolver.Resolve([haiDuong, nationwide], FundingSource.Local, "hung-yen", ProposalKind.Machinery, new DateOnly(2025, 1, 1)));
        Assert.Same(nationwide, CapResolver.Resolve([haiDuong, nationwide], FundingSource.Local, null, ProposalKind.Machinery, new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void Resolve_ProvinceCodeInOtherCase_Matches() =>
        Assert.NotNull(CapResolver.Resolve([Cap(province: "dak-lak")], FundingSource.Local, "DAK-LAK", ProposalKind.Machinery, new DateOnly(2025, 1, 1)));

    [Fact]
    public void Resolve_SuccessiveCaps_LatestStartedOnOrBeforeDateWins()
    {
        var old = Cap(from: new DateOnly(2018, 5, 10), amount: 300_000_000);
        var newer = Cap(from: new DateOnly(2025, 10, 15), amount: 500_000_000);
        var future = Cap(from: new DateOnly(2030, 1, 1), amount: 900_000_000);
        SupportCap[] caps = [future, old, newer];

        Assert.Same(old, CapResolver.Resolve(caps, FundingSource.Local, "hung-yen", ProposalKind.Machinery, new DateOnly(2025, 10, 14)));
        Assert.Same(newer, CapResolver.Resolve(caps, FundingSource.Local, "hung-yen", ProposalKind.Machinery, new DateOnly(2025, 10, 15)));
        Assert.Same(newer, CapResolver.Resolve(caps, FundingSource.Local, "hung-yen", ProposalKind.Machinery, new DateOnly(2029, 12, 31)));
        Assert.Same(future, CapResolver.Resolve(caps, FundingSource.Local, "hung-yen", ProposalKind.Machinery, new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void Resolve_ProvinceCapEnded_FallsBackToNationwide()
    {
        var nationwide = Cap();
        var ended = Cap(province: "hung-yen", to: new DateOnly(2024, 1, 1));

        Assert.Same(ended, CapResolver.Resolve([nationwide, ended], FundingSource.Local, "hung-yen", ProposalKind.Machinery, new DateOnly(2023, 12, 31)));
        Assert.Same(nationwide, CapResolver.Resolve([nationwide, ended], FundingSource.Local, "hung-yen", ProposalKind.Machinery, new DateOnly(2024, 1, 1)));
    }

    [Fact]
    public void Resolve_OtherKindOrSourceOrBeforeStart_ReturnsNull()
    {
        SupportCap[] caps = [Cap(kind: ProposalKind.Machinery, source: FundingSource.Local)];

        Assert.Null(CapResolver.Resolve(caps, FundingSource.Local, "hung-yen", ProposalKind.TechnologyLine, new DateOnly(2025, 1, 1)));
        Assert.Null(CapResolver.Resolve(caps, FundingSource.National, "hung-yen", ProposalKind.Machinery, new DateOnly(2025, 1, 1)));
        Assert.Null(CapResolver.Resolve(caps, FundingSource.Local, "hung-yen", ProposalKind.Machinery, new DateOnly(2019, 12, 31)));
        Assert.Null(CapResolver.Resolve([], FundingSource.Local, "hung-yen", ProposalKind.Machinery, new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void Resolve_TiedCaps_StricterWinsAndFindConflictsReportsThem()
    {
        var generous = Cap(province: "hung-yen", amount: 400_000_000);
        var strict = Cap(province: "HUNG-YEN", amount: 250_000_000);
        var other = Cap(province: "hung-yen", from: new DateOnly(2019, 1, 1));

        Assert.Same(strict, CapResolver.Resolve([generous, strict, other], FundingSource.Local, "hung-yen", ProposalKind.Machinery, new DateOnly(2025, 1, 1)));
        var conflict = Assert.Single(CapResolver.FindConflicts([generous, strict, other]));
        Assert.Equal((generous, strict), conflict);
        Assert.Empty(CapResolver.FindConflicts(CapSeed.National));
    }

    [Fact]
    public void CapSeedNational_TechnologyLine_IsOneAndAHalfTimesMachineryOfCircular28()
    {
        // TT 28/2018/TT-BTC art. 8 cl. 4: "không quá 1,5 lần mức hỗ trợ ứng dụng máy móc thiết bị tiên tiến" (450 million by arithmetic).
        var machinery = CapResolver.Resolve(CapSeed.National, FundingSource.National, "hung-yen", ProposalKind.Machinery, new DateOnly(2026, 1, 1))!;
        var line = CapResolver.Resolve(CapSeed.National, FundingSource.National, "hung-yen", ProposalKind.TechnologyLine, new DateOnly(2026, 1, 1))!;

        Assert.Equal(machinery.MaxAmount * 3 / 2, line.MaxAmount);
        Assert.Null(line.MaxPercent);
    }

    [Fact]
    public void CapSeedNational_OnlyNationalCapsAndNoneForTrainingOrBeforeCircular26()
    {
        Assert.All(CapSeed.National, c => Assert.Equal(FundingSource.National, c.FundingSource));
        Assert.Null(CapResolver.Resolve(CapSeed.National, FundingSource.National, "hung-yen", ProposalKind.Training, new DateOnly(2026, 1, 1)));
        Assert.Null(CapResolver.Resolve(CapSeed.National, FundingSource.Local, "hung-yen", ProposalKind.Machinery, new DateOnly(2026, 1, 1)));
        Assert.Null(CapResolver.Resolve(CapSeed.National, FundingSource.National, "hung-yen", ProposalKind.Machinery, new DateOnly(2014, 4, 7)));
    }

    [Fact]
    public void Check_WithinCap_NoErrorsAndPercentAndMaxSupport()
    {
        var result = CapCheck.Check(Submission(ProposalKind.Machinery, 1_200_000_000, 300_000_000), CapSeed.National, new DateOnly(2026, 3, 1));

        Assert.True(result.IsWithinCap);
        Assert.Empty(result.Errors);
        Assert.Equal(25m, result.RequestedPercent);
        Assert.Equal(300_000_000, result.MaxSupport);
        Assert.Equal(ProposalKind.Machinery, result.Cap!.Kind);
        Assert.Equal(CapUnit.PerEstablishment, result.Cap.Unit);
    }

    [Fact]
    public void Check_OverAmountCap_ErrorOnRequestedSupportCitingTheLaw()
    {
        var result = CapCheck.Check(Submission(ProposalKind.Machinery, 1_200_000_000, 350_000_000), CapSeed.National, new DateOnly(2026, 3, 1));

        Assert.False(result.IsWithinCap);
        var error = Assert.Single(result.FieldErrors);
        Assert.Equal(ProposalFields.RequestedSupport, error.Field);
        Assert.Equal(FieldErrorCodes.ExceedsCapAmount, error.Code);
        Assert.StartsWith("Kinh phí đề nghị hỗ trợ (350.000.000 đồng) vượt mức hỗ trợ tối đa 300.000.000 đồng/cơ sở (Thông tư 28/2018/TT-BTC", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, Assert.Single(result.Errors[ProposalFields.RequestedSupport]));
    }

    [Fact]
    public void Check_OverPercentCap_ErrorWithRequestedShare()
    {
        var result = CapCheck.Check(Submission(ProposalKind.Machinery, 400_000_000, 250_000_000), CapSeed.National, new DateOnly(2026, 3, 1));

        var error = Assert.Single(result.FieldErrors);
        Assert.Equal(FieldErrorCodes.ExceedsCapPercent, error.Code);
        Assert.StartsWith("Kinh phí đề nghị hỗ trợ bằng 62,5% tổng kinh phí, vượt mức tối đa 50%", error.Message, StringComparison.Ordinal);
        Assert.Equal(62.5m, result.RequestedPercent);
        Assert.Equal(200_000_000, result.MaxSupport);
    }

    [Fact]
    public void Check_OverBothCapsInEnglish_TwoEnglishErrors()
    {
        var submission = Submission(ProposalKind.Machinery, 1_000_000_000, 900_000_000);

        var result = CapCheck.Check(submission, CapSeed.National, new DateOnly(2026, 3, 1), Language.English);

        Assert.Equal([FieldErrorCodes.ExceedsCapAmount, FieldErrorCodes.ExceedsCapPercent], result.FieldErrors.Select(e => e.Code));
        Assert.StartsWith("The requested support (900,000,000 VND) exceeds the maximum of 300,000,000 VND per establishment", result.FieldErrors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("The requested support is 90% of the total cost, above the maximum of 50%", result.FieldErrors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_JustOverPercentCap_ShowsEnoughDecimals()
    {
        var result = CapCheck.Check(Submission(ProposalKind.Machinery, 100_000_000, 50_000_001), CapSeed.National, new DateOnly(2026, 3, 1));

        var error = Assert.Single(result.FieldErrors);
        Assert.Contains("50,000001%", error.Message, StringComparison.Ordinal);
        Assert.Equal(50m, result.RequestedPercent);
    }

    [Fact]
    public void Check_ExactlyAtCaps_Accepted()
    {
        var result = CapCheck.Check(Submission(ProposalKind.Machinery, 600_000_000, 300_000_000), CapSeed.National, new DateOnly(2026, 3, 1));

        Assert.True(result.IsWithinCap);
        Assert.Equal(50m, result.RequestedPercent);
    }

    [Fact]
    public void Check_NoCap_NoErrorsButPercentStillComputed()
    {
        var result = CapCheck.Check(Submission(ProposalKind.Training, 300_000_000, 100_000_000), CapSeed.National, new DateOnly(2026, 3, 1));

        Assert.True(result.IsWithinCap);
        Assert.Null(result.Cap);
        Assert.Null(result.MaxSupport);
        Assert.Equal(33.33m, result.RequestedPercent);
    }

    [Fact]
    public void Check_LocalProvinceCap_AppliesProvinceCap()
    {
        // DOMAIN.md example: Đắk Lắk 2025, demonstration model 30% up to 800 million (the start date here is illustrative).
        var dakLak = new SupportCap(FundingSource.Local, "dak-lak", ProposalKind.DemonstrationModel, new DateOnly(2025, 1, 1), null, 30m, 800_000_000, "Nghị quyết HĐND tỉnh Đắk Lắk");
        SupportCap[] caps = [.. CapSeed.National, dakLak];

        var within = CapCheck.Check(Submission(ProposalKind.DemonstrationModel, 1_000_000_000, 300_000_000, FundingSource.Local, "dak-lak"), caps, new DateOnly(2026, 3, 1));
        var over = CapCheck.Check(Submission(ProposalKind.DemonstrationModel, 1_000_000_000, 400_000_000, FundingSource.Local, "dak-lak"), caps, new DateOnly(2026, 3, 1));
        var elsewhere = CapCheck.Check(Submission(ProposalKind.DemonstrationModel, 1_000_000_000, 400_000_000, FundingSource.Local, "hung-yen"), caps, new DateOnly(2026, 3, 1));

        Assert.True(within.IsWithinCap);
        Assert.Equal(FieldErrorCodes.ExceedsCapPercent, Assert.Single(over.FieldErrors).Code);
        Assert.True(elsewhere.IsWithinCap);
        Assert.Null(elsewhere.Cap);
    }

    [Fact]
    public void Check_CapForAnotherKind_Throws()
    {
        var submission = Submission(ProposalKind.Training, 300_000_000, 100_000_000);

        Assert.Throws<ArgumentException>(() => CapCheck.Check(submission, CapSeed.National.First(c => c.Activity == "machinery")));
    }

    [Theory]
    [InlineData(1_200_000_000, Language.Vietnamese, "1.200.000.000")]
    [InlineData(1_200_000_000, Language.English, "1,200,000,000")]
    [InlineData(0, Language.Vietnamese, "0")]
    public void DisplayFormatAmount_Language_GroupsAsReadThere(long amount, Language language, string expected) =>
        Assert.Equal(expected, DisplayFormat.Amount(amount, language));

    [Fact]
    public void DisplayFormatPercentAndDate_Language_UseLocalConventions()
    {
        Assert.Equal("33,33", DisplayFormat.Percent(33.333m, Language.Vietnamese));
        Assert.Equal("33.33", DisplayFormat.Percent(33.333m, Language.English));
        Assert.Equal("31/03/2026", DisplayFormat.Date(new DateOnly(2026, 3, 31), Language.Vietnamese));
        Assert.Equal("2026-03-31", DisplayFormat.Date(new DateOnly(2026, 3, 31), Language.English));
    }
}
