using FsCheck;
using FsCheck.Xunit;
using KhuyenCong.Domain.Attachments;
using KhuyenCong.Domain.Links;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Domain.Tracking;

namespace KhuyenCong.UnitTests.Properties;

/// <summary>
/// Whatever a client sends, the parsers and the validator give an answer (valid, or errors by known field) and never
/// throw: an exception here would be a 500 in the API.
/// </summary>
public class InputRobustnessProperties
{
    private static readonly string[] FieldNames = ProposalFieldRules.All.Select(r => r.Name).ToArray();

    private static readonly IReadOnlyDictionary<string, string> Valid = new Dictionary<string, string>
    {
        ["organizationName"] = "Hộ kinh doanh Nguyễn Văn Bình", ["taxCode"] = "0101234567", ["entityType"] = "household-business", ["representative"] = "Nguyễn Văn Bình",
        ["email"] = "binh@example.vn", ["phone"] = "0912345678", ["address"] = "Thôn Đông", ["commune"] = "Xã Tân Hưng",
        ["province"] = "hung-yen", ["kind"] = "machinery", ["sector"] = "Chế biến nông sản", ["fundingSource"] = "national",
        ["title"] = "Máy sấy", ["summary"] = "Đầu tư máy sấy", ["totalCost"] = "600000000", ["requestedSupport"] = "300000000",
        ["ownContribution"] = "300000000", ["startDate"] = "2027-01-01", ["endDate"] = "2027-06-30",
    };

    [Fact]
    public void ValidForm_Used_ByTheProperties_IsValid() =>
        Assert.True(ProposalValidator.Validate(ProposalForm.FromFields(n => Valid.GetValueOrDefault(n))).IsValid);

    [Property(MaxTest = 300)]
    public bool Validate_AnyValuesInEveryField_AnswersWithoutThrowing(string?[] values, bool english)
    {
        values ??= [];
        var form = ProposalForm.FromFields(name =>
        {
            var i = Array.IndexOf(FieldNames, name);
            return values.Length == 0 || i < 0 ? null : values[i % values.Length];
        });

        var result = ProposalValidator.Validate(form, english ? Language.English : Language.Vietnamese);

        return result.IsValid ? result.Submission is not null : result.Errors.Count > 0 && result.Errors.Keys.All(FieldNames.Contains);
    }

    [Property(MaxTest = 500)]
    public bool Validate_ValidFormWithOneFieldReplaced_AnswersWithErrorsOnlyOnKnownFields(NonNegativeInt which, string? value)
    {
        var field = FieldNames[which.Get % FieldNames.Length];
        var form = ProposalForm.FromFields(name => name == field ? value : Valid.GetValueOrDefault(name));

        var result = ProposalValidator.Validate(form);

        return result.IsValid || (result.Errors.Count > 0 && result.Errors.Keys.All(FieldNames.Contains));
    }

    [Property(MaxTest = 500)]
    public bool TryParseAmount_AnyText_NeverThrowsAndNeverGivesANegativeAmount(string? text) =>
        !ProposalValidator.TryParseAmount(text, out var amount) || amount >= 0;

    [Property(MaxTest = 500)]
    public bool TryNormalizePhone_AnyText_GivesTenOrElevenDigitsStartingWithZero(string? text) =>
        !ProposalValidator.TryNormalizePhone(text, out var phone) || (phone.StartsWith('0') && phone.Length is 10 or 11 && phone.All(char.IsAsciiDigit));

    [Property(MaxTest = 500)]
    public bool VerifyLinkToken_AnyText_IsNeverValid(string? token)
    {
        var keys = new LinkSigningKeys("k1", new Dictionary<string, byte[]> { ["k1"] = new byte[32] });

        return LinkToken.Verify(token, keys, DateTimeOffset.UtcNow, out _) == LinkTokenStatus.Invalid;
    }

    [Property(MaxTest = 500)]
    public bool VerifyLinkToken_ThreeArbitraryParts_IsNeverValid(string? a, string? b, string? c)
    {
        var keys = new LinkSigningKeys("k1", new Dictionary<string, byte[]> { ["k1"] = new byte[32] });

        return LinkToken.Verify($"k1.{a}.{b}{c}", keys, DateTimeOffset.UtcNow, out _) != LinkTokenStatus.Valid;
    }

    [Property(MaxTest = 500)]
    public bool TrackingCodeTryParse_AnyText_RoundTripsWhenAccepted(string? text) =>
        !TrackingCode.TryParse(text, out var code) || (TrackingCode.TryParse(code.Value, out var again) && again.Value == code.Value);

    [Property(MaxTest = 500)]
    public bool SanitizeFileName_AnyName_GivesASafeNameOrRefuses(string? name)
    {
        if (!AttachmentRules.TrySanitizeFileName(name, out var safe))
        {
            return true;
        }

        return safe.Length is > 0 and <= AttachmentRules.MaxFileNameLength
            && !safe.Contains('/', StringComparison.Ordinal) && !safe.Contains('\\', StringComparison.Ordinal)
            && !safe.Contains("..", StringComparison.Ordinal) && !safe.Any(char.IsControl)
            && !safe.Any(VietnameseText.IsInvisibleFormatCharacter);
    }

    [Theory]
    [InlineData("a.\0.")]
    [InlineData("ho-so.\u200B.pdf")]
    public void SanitizeFileName_DotsJoinedByRemovedHiddenCharacters_IsRefused(string name) =>
        Assert.False(AttachmentRules.TrySanitizeFileName(name, out _));

    [Property(MaxTest = 500)]
    public bool FoldAndNormalize_AnyText_NeverThrow(string? text) =>
        VietnameseText.Fold(text) is not null && VietnameseText.Normalize(text) is not null && VietnameseText.Normalize(text, TextMode.MultiLine) is not null;

    [Property(MaxTest = 200)]
    public bool LinkSigningKeysParse_AnyText_ThrowsOnlyFormatException(string? json)
    {
        try
        {
            LinkSigningKeys.Parse(json ?? string.Empty);
            return true;
        }
        catch (FormatException)
        {
            return true;
        }
    }
}
