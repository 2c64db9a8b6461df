using System.Security.Cryptography;
using System.Text;
using KhuyenCong.Domain.Links;

namespace KhuyenCong.UnitTests.Domain.Links;

public class LinkTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Key1 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Key2 = RandomNumberGenerator.GetBytes(32);

    private static LinkSigningKeys Keys(string current = "k1") => new(current, new Dictionary<string, byte[]> { ["k1"] = Key1, ["k2"] = Key2 });

    private static LinkClaims Claims(DateTimeOffset? expires = null) =>
        new(LinkToken.NewLinkId(), "review", "01a2", "reviewer-7", 1, expires ?? Now.AddDays(30));

    [Fact]
    public void Verify_TokenJustCreated_IsValidWithTheSameClaims()
    {
        var claims = Claims();
        var token = LinkToken.Create(claims, Keys());

        Assert.Equal(LinkTokenStatus.Valid, LinkToken.Verify(token, Keys(), Now, out var read));
        Assert.Equal(claims with { ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(claims.ExpiresAt.ToUnixTimeSeconds()) }, read);
        Assert.StartsWith("k1.", token, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AfterExpiry_IsExpiredNotInvalid()
    {
        var token = LinkToken.Create(Claims(Now.AddMinutes(1)), Keys());

        Assert.Equal(LinkTokenStatus.Expired, LinkToken.Verify(token, Keys(), Now.AddMinutes(1), out var read));
        Assert.NotNull(read);
    }

    [Fact]
    public void Verify_KeyRotated_OldLinksStillVerifyAndNewLinksUseTheNewKey()
    {
        var old = LinkToken.Create(Claims(), Keys("k1"));
        var rotated = Keys("k2");

        Assert.Equal(LinkTokenStatus.Valid, LinkToken.Verify(old, rotated, Now, out _));
        Assert.StartsWith("k2.", LinkToken.Create(Claims(), rotated), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_KeyRemoved_OldLinksAreInvalid()
    {
        var old = LinkToken.Create(Claims(), Keys("k1"));
        var withoutK1 = new LinkSigningKeys("k2", new Dictionary<string, byte[]> { ["k2"] = Key2 });

        Assert.Equal(LinkTokenStatus.Invalid, LinkToken.Verify(old, withoutK1, Now, out _));
    }

    [Fact]
    public void Verify_PayloadTampered_IsInvalid()
    {
        var token = LinkToken.Create(Claims(), Keys());
        var parts = token.Split('.');
        var forged = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace("01a2", "99zz", StringComparison.Ordinal)));

        Assert.Equal(LinkTokenStatus.Invalid, LinkToken.Verify($"{parts[0]}.{forged}.{parts[2]}", Keys(), Now, out var read));
        Assert.Null(read);
    }

    [Fact]
    public void Verify_ExpiryExtendedByTheHolder_IsInvalid()
    {
        var token = LinkToken.Create(Claims(Now.AddSeconds(-1)), Keys());
        var parts = token.Split('.');
        var json = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
        var later = json.Replace(Now.AddSeconds(-1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            Now.AddDays(9).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var forged = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(later))}.{parts[2]}";

        Assert.NotEqual(json, later);
        Assert.Equal(LinkTokenStatus.Invalid, LinkToken.Verify(forged, Keys(), Now, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("k1")]
    [InlineData("k1.abc")]
    [InlineData("k1.abc.def.ghi")]
    [InlineData("k9.eyJsIjoiMSJ9.AAAA")]
    [InlineData("k1.!!!.???")]
    [InlineData("k1.eyJsIjoiMSJ9.AAAA")]
    public void Verify_Malformed_IsInvalid(string? token) =>
        Assert.Equal(LinkTokenStatus.Invalid, LinkToken.Verify(token, Keys(), Now, out _));

    [Fact]
    public void Verify_SignedWithAnotherKeyUnderTheSameId_IsInvalid()
    {
        var other = new LinkSigningKeys("k1", new Dictionary<string, byte[]> { ["k1"] = RandomNumberGenerator.GetBytes(32) });

        Assert.Equal(LinkTokenStatus.Invalid, LinkToken.Verify(LinkToken.Create(Claims(), other), Keys(), Now, out _));
    }

    [Fact]
    public void NewLinkId_ManyCalls_AreUnique() =>
        Assert.Equal(1000, Enumerable.Range(0, 1000).Select(_ => LinkToken.NewLinkId()).Distinct().Count());

    [Fact]
    public void Parse_SettingJson_ReadsCurrentAndEveryKey()
    {
        var json = "{\"current\":\"k2\",\"keys\":{\"k1\":\"" + Convert.ToBase64String(Key1) + "\",\"k2\":\"" + Convert.ToBase64String(Key2) + "\"}}";

        var keys = LinkSigningKeys.Parse(json);

        Assert.Equal("k2", keys.CurrentKeyId);
        Assert.True(keys.TryGet("k1", out var k1));
        Assert.Equal(Key1, k1);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"keys":{"k1":"AAAA"}}""")]
    [InlineData("""{"current":"k1","keys":{"k1":"AAAA"}}""")]
    [InlineData("""{"current":"k3","keys":{"k1":"MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE="}}""")]
    [InlineData("""{"current":"k1","keys":{"k1":"%%%"}}""")]
    public void Parse_BadSetting_ThrowsFormatExceptionWithoutKeyMaterial(string json)
    {
        var ex = Assert.Throws<FormatException>(() => LinkSigningKeys.Parse(json));
        Assert.DoesNotContain("MDEyMzQ1", ex.Message, StringComparison.Ordinal);
    }
}
