using System.Net;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.LocalHost;

[Collection(LocalHostCollection.Name)]
public class AdminEndpointTests(LocalHostFixture fixture)
{
    private async Task<HttpStatusCode> PostAsync(string name, string? key)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/functions/{name}") { Content = new StringContent("{}") };
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task RunFunction_WithoutKey_Returns401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Health", null));

    [Fact]
    public async Task RunFunction_WithTheFunctionKeyOnly_Returns401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Health", LocalHostFactory.FunctionKey));

    [Fact]
    public async Task RunFunction_UnknownName_Returns404() =>
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync("NoSuchFunction", LocalHostFactory.AdminKey));

    [Fact]
    public async Task RunFunction_HttpFunction_Returns400() =>
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("Health", LocalHostFactory.AdminKey));
}
