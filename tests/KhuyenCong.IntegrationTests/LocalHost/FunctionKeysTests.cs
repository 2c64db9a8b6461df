using KhuyenCong.LocalHost.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.IntegrationTests.LocalHost;

public class FunctionKeysTests
{
    private static readonly FunctionKeys Keys = new("function-key", "admin-key");

    private static HttpRequest Request(string? header = null, string? code = null)
    {
        var context = new DefaultHttpContext();
        if (header is not null)
        {
            context.Request.Headers[FunctionKeys.HeaderName] = header;
        }

        if (code is not null)
        {
            context.Request.QueryString = QueryString.Create("code", code);
        }

        return context.Request;
    }

    [Fact]
    public void Authorizes_AnonymousLevel_AllowsARequestWithoutKey() =>
        Assert.True(Keys.Authorizes(Request(), AuthorizationLevel.Anonymous));

    [Theory]
    [InlineData("function-key", null, true)]
    [InlineData(null, "function-key", true)]
    [InlineData("admin-key", null, true)]
    [InlineData(null, null, false)]
    [InlineData("wrong", null, false)]
    [InlineData(null, "FUNCTION-KEY", false)]
    [InlineData("", "", false)]
    public void Authorizes_FunctionLevel_AcceptsTheFunctionOrAdminKeyInHeaderOrQuery(string? header, string? code, bool expected) =>
        Assert.Equal(expected, Keys.Authorizes(Request(header, code), AuthorizationLevel.Function));

    [Theory]
    [InlineData("admin-key", true)]
    [InlineData("function-key", false)]
    public void Authorizes_AdminLevel_AcceptsOnlyTheAdminKey(string key, bool expected) =>
        Assert.Equal(expected, Keys.Authorizes(Request(key), AuthorizationLevel.Admin));

    [Fact]
    public void NewKey_TwoCalls_GiveDifferentLongKeys()
    {
        var a = FunctionKeys.NewKey();
        var b = FunctionKeys.NewKey();

        Assert.NotEqual(a, b);
        Assert.True(a.Length >= 40);
    }
}
