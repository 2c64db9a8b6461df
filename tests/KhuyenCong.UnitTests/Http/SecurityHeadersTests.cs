using System.Net;
using KhuyenCong.Functions;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KhuyenCong.UnitTests.Http;

/// <summary>
/// nosniff on every response and HSTS over HTTPS, from the step the app's registrations put first in the host's
/// pipeline. The pipeline here is the Functions worker's (its forwarded-headers step first, as the ASP.NET Core
/// integration configures it): a request that reached Azure over HTTPS arrives at the worker as HTTP with
/// <c>X-Forwarded-Proto: https</c>. LocalHost's is tested over HTTP in the integration tests.
/// </summary>
public class SecurityHeadersTests
{
    [Fact]
    public void AddKhuyenCongFunctions_RegistersTheHeadersStepForEveryHost()
    {
        var services = new ServiceCollection().AddKhuyenCongFunctions(new ConfigurationBuilder().Build());

        Assert.Contains(services, d => d.ServiceType == typeof(IStartupFilter) && d.ImplementationType == typeof(SecurityHeadersStartupFilter));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(400)]
    [InlineData(503)]
    public async Task Response_OverHttp_HasNosniffAndNoHsts(int status)
    {
        var context = await SendAsync(status, forwardedProto: null);

        Assert.Equal("nosniff", context.Response.Headers.XContentTypeOptions.ToString());
        Assert.False(context.Response.Headers.ContainsKey("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Response_ForwardedFromHttps_HasHsts()
    {
        var context = await SendAsync(200, forwardedProto: "https");

        Assert.Equal("nosniff", context.Response.Headers.XContentTypeOptions.ToString());
        Assert.Equal(SecurityHeaders.StrictTransportSecurity, context.Response.Headers.StrictTransportSecurity.ToString());
    }

    private static async Task<HttpContext> SendAsync(int status, string? forwardedProto)
    {
        using var host = await new HostBuilder()
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(s =>
                {
                    s.AddTransient<IStartupFilter, SecurityHeadersStartupFilter>();
                    s.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.All);
                })
                .Configure(app =>
                {
                    app.UseForwardedHeaders();
                    app.Run(c =>
                    {
                        c.Response.StatusCode = status;
                        return c.Response.WriteAsJsonAsync(new { status });
                    });
                }))
            .StartAsync();
        return await host.GetTestServer().SendAsync(c =>
        {
            c.Request.Path = "/api/caps";
            c.Connection.RemoteIpAddress = IPAddress.Loopback;
            if (forwardedProto is not null)
            {
                c.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
                c.Request.Headers["X-Forwarded-For"] = "203.0.113.5:5678";
            }
        });
    }
}
