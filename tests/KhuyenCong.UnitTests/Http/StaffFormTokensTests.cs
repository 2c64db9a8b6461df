using KhuyenCong.Application.Identity;
using KhuyenCong.UnitTests.Functions;
using KhuyenCong.UnitTests.Web;

namespace KhuyenCong.UnitTests.Http;

/// <summary>The staff forms' CSRF token: bound to the staff member, expiring, signed with a listed key.</summary>
public class StaffFormTokensTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly StaffPrincipal Officer = new("Nguyễn Văn A", new HashSet<string> { StaffRoles.Officer });

    [Fact]
    public void IsValid_TokenIssuedToTheSameStaffMember_IsTrue()
    {
        var tokens = StaffEndpoints.Tokens(new FixedTimeProvider(Now));

        Assert.True(tokens.IsValid(Officer, tokens.Issue(Officer)));
    }

    [Fact]
    public void IsValid_TokenOfAnotherStaffMemberOrRole_IsFalse()
    {
        var tokens = StaffEndpoints.Tokens(new FixedTimeProvider(Now));
        var token = tokens.Issue(Officer);

        Assert.False(tokens.IsValid(new StaffPrincipal("Trần Thị B", Officer.Roles), token));
        Assert.False(tokens.IsValid(new StaffPrincipal(Officer.Name, new HashSet<string> { StaffRoles.Finance }), token));
    }

    [Fact]
    public void IsValid_AfterItsLifetime_IsFalse()
    {
        var token = StaffEndpoints.Tokens(new FixedTimeProvider(Now)).Issue(Officer);

        Assert.True(StaffEndpoints.Tokens(new FixedTimeProvider(Now.AddHours(15))).IsValid(Officer, token));
        Assert.False(StaffEndpoints.Tokens(new FixedTimeProvider(Now.AddHours(17))).IsValid(Officer, token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("k1")]
    [InlineData("k1.99999999999.AAAA")]
    [InlineData("unknown.99999999999.AAAA")]
    [InlineData("k1.-5.AAAA")]
    public void IsValid_MissingMalformedOrForged_IsFalse(string? presented) =>
        Assert.False(StaffEndpoints.Tokens(new FixedTimeProvider(Now)).IsValid(Officer, presented));

    [Fact]
    public void IsValid_TokenWithItsExpiryChanged_IsFalse()
    {
        var token = StaffEndpoints.Tokens(new FixedTimeProvider(Now)).Issue(Officer);
        var parts = token.Split('.');

        Assert.False(StaffEndpoints.Tokens(new FixedTimeProvider(Now)).IsValid(Officer, $"{parts[0]}.{long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) + 86400}.{parts[2]}"));
    }

    [Fact]
    public void IsValid_AfterAKeyRotation_AcceptsTokensOfTheOlderKeyWhileItIsListed()
    {
        var token = StaffEndpoints.Tokens(new FixedTimeProvider(Now)).Issue(Officer);
        const string Rotated = """{"current":"k2","keys":{"k1":"dGVzdC1zaWduaW5nLWtleS1mb3ItdW5pdC10ZXN0cy0zMi1ieXRlcw==","k2":"c2Vjb25kLXNpZ25pbmcta2V5LWZvci1yb3RhdGlvbi10ZXN0cy0zMg=="}}""";
        const string Dropped = """{"current":"k2","keys":{"k2":"c2Vjb25kLXNpZ25pbmcta2V5LWZvci1yb3RhdGlvbi10ZXN0cy0zMg=="}}""";

        Assert.True(StaffEndpoints.Tokens(new FixedTimeProvider(Now), Rotated).IsValid(Officer, token));
        Assert.StartsWith("k2.", StaffEndpoints.Tokens(new FixedTimeProvider(Now), Rotated).Issue(Officer), StringComparison.Ordinal);
        Assert.False(StaffEndpoints.Tokens(new FixedTimeProvider(Now), Dropped).IsValid(Officer, token));
    }
}
