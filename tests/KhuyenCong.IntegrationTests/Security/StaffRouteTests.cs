using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using KhuyenCong.Application.Identity;
using KhuyenCong.LocalHost.Functions;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Security;

/// <summary>
/// Every HTTP route is either on the short public list below or a staff route, and every staff route refuses a
/// request without a key, with a wrong key, and with a forged X-MS-CLIENT-PRINCIPAL header. A new route that forgets
/// its staff check fails here until it is protected or deliberately made public.
/// </summary>
public partial class StaffRouteTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    private static readonly HashSet<string> PublicRoutes = new(StringComparer.Ordinal)
    {
        "GET {ignored:maxlength(0)?}",
        "GET assets/{name}",
        "GET api/health",
        "POST api/proposals",
        "GET api/track/{trackingCode}",
        "GET track/{trackingCode}",
        "GET track/{trackingCode}/receipt.pdf",
        "GET track",
        "POST track",
        "GET api/caps",
        "GET api/geography/provinces",
        "GET api/geography/communes",
        "GET api/kinds",
        "GET api/entity-types",
        "GET api/sectors",
        "GET api/priority-groups",
        "GET api/calls",
        "GET api/calls/{id}",
        "GET links/{token}",
        "POST links/{token}",
        "GET links/{token}/files/{attachmentId}",
        "GET links/selection/{token}",
        "POST links/selection/{token}",
    };

    public static TheoryData<string, string> StaffRoutes()
    {
        var data = new TheoryData<string, string>();
        foreach (var function in FunctionCatalog.Discover(LocalHostApplication.FunctionsAssembly).Where(f => f.Kind == TriggerKind.Http))
        {
            foreach (var method in function.Http!.Methods.Select(m => m.ToUpperInvariant()))
            {
                if (!PublicRoutes.Contains($"{method} {function.Http.Route}"))
                {
                    data.Add(method, function.Http.Route);
                }
            }
        }

        return data;
    }

    [Fact]
    public void StaffRoutes_Discovered_IncludeTheKnownStaffRoutes()
    {
        var routes = StaffRoutes().Select(r => $"{r[0]} {r[1]}").ToList();

        Assert.Contains("GET api/proposals/{id}", routes);
        Assert.Contains("POST api/proposals/{id}/cancel", routes);
        Assert.Contains("PUT api/caps", routes);
        Assert.True(routes.Count >= 10, string.Join(", ", routes));
    }

    [Theory]
    [MemberData(nameof(StaffRoutes))]
    public async Task StaffRoute_WithoutKeyWrongKeyOrForgedPrincipal_Returns401(string method, string route)
    {
        var path = "/" + RouteParameter().Replace(route, "test-value").Replace("{ignored:maxlength(0)?}", string.Empty, StringComparison.Ordinal);
        var forged = StaffPrincipal.Encode("Kẻ giả mạo", StaffRoles.Admin, StaffRoles.Officer, StaffRoles.Director, StaffRoles.Finance);
        using var client = fixture.CreateClient();

        foreach (var (header, value) in new (string?, string?)[] { (null, null), ("x-functions-key", "wrong-key"), (StaffPrincipal.HeaderName, forged) })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            if (header is not null)
            {
                request.Headers.Add(header, value);
            }

            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} with {header ?? "nothing"} answered {(int)response.StatusCode}");
        }
    }

    [GeneratedRegex(@"\{(?!ignored)[^}]+\}")]
    private static partial Regex RouteParameter();
}
