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
        Assert.Equal(claims with { ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(claims.ExpiresAt.ToUnixTimeSeconds()), KeyId = "k1" }, read);
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

    /// <summary>Each spelling the decoder alone would take for the same token (finding 9 of issue 11).</summary>
    public static TheoryData<string, string> NonCanonicalSpellings() => new()
    {
        { "padding after the signature", "{0}.{1}.{2}=" },
        { "padding after the claims", "{0}.{1}=.{2}" },
        { "a space inside the signature (%20 decoded)", "{0}.{1}.{2a} {2b}" },
        { "a space inside the claims", "{0}.{1a} {1b}.{2}" },
        { "a line break inside the signature", "{0}.{1}.{2a}\n{2b}" },
        { "a tab after the key id", "{0}\t.{1}.{2}" },
        { "a trailing space", "{0}.{1}.{2} " },
    };

    [Theory]
    [MemberData(nameof(NonCanonicalSpellings))]
    public void Verify_NonCanonicalSpellingOfAGenuineToken_IsInvalid(string what, string pattern)
    {
        var token = LinkToken.Create(Claims(), Keys());
        var parts = token.Split('.');
        var spelled = pattern
            .Replace("{0}", parts[0], StringComparison.Ordinal)
            .Replace("{1a}", parts[1][..5], StringComparison.Ordinal).Replace("{1b}", parts[1][5..], StringComparison.Ordinal)
            .Replace("{1}", parts[1], StringComparison.Ordinal)
            .Replace("{2a}", parts[2][..5], StringComparison.Ordinal).Replace("{2b}", parts[2][5..], StringComparison.Ordinal)
            .Replace("{2}", parts[2], StringComparison.Ordinal);

        Assert.NotEqual(token, spelled);
        Assert.True(LinkTokenStatus.Invalid == LinkToken.Verify(spelled, Keys(), Now, out _), what);
    }

    [Fact]
    public void Verify_SignatureWithSpareBitsSet_IsInvalid()
    {
        // 32 bytes of HMAC are 43 base64url characters: the last one carries 2 spare bits. .NET's decoder refuses them set;
        // the round-trip check refuses them whatever the decoder does.
        var token = LinkToken.Create(Claims(), Keys());
        var parts = token.Split('.');
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var last = Alphabet.IndexOf(parts[2][^1], StringComparison.Ordinal);
        var sibling = $"{parts[0]}.{parts[1]}.{parts[2][..^1]}{Alphabet[last ^ 1]}";

        Assert.Equal(LinkTokenStatus.Invalid, LinkToken.Verify(sibling, Keys(), Now, out _));
        Assert.Equal(LinkTokenStatus.Valid, LinkToken.Verify(token, Keys(), Now, out _));
    }

    [Fact]
    public void Verify_ReadClaims_NameTheKeyThatSigned()
    {
        var old = LinkToken.Create(Claims(), Keys("k1"));

        LinkToken.Verify(old, Keys("k2"), Now, out var read);

        Assert.Equal("k1", read!.KeyId);
        Assert.Equal("k1", LinkToken.KeyIdOf(old));
    }
}
