using System.Text;
using KhuyenCong.Application.Identity;
using KhuyenCong.Functions.Proposals;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using static KhuyenCong.UnitTests.Web.WebTestSupport;

namespace KhuyenCong.UnitTests.Functions;

/// <summary>
/// Roles on the staff action routes (LocalHost gives its key every role, so only here can a lesser role be tried).
/// The role is checked before anything is read or stored, so the functions run here without storage.
/// </summary>
public class StaffActionRolesTests
{
    private static StaffActionFunctions Functions() =>
        new(null!, null!, null!, null!, null!, StaffEndpoints.Create());

    private static HttpRequest StaffRequest(string path, string body, params string[] roles)
    {
        var request = Request(path, null, (StaffPrincipal.HeaderName, StaffPrincipal.Encode("Nguyễn Văn A", roles))).WithPlatform();
        request.Method = "POST";
        request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        request.ContentType = "application/json";
        return request;
    }

    private static int Status(IActionResult result) => Assert.IsType<ObjectResult>(result).StatusCode!.Value;

    [Theory]
    [InlineData(StaffRoles.Officer)]
    [InlineData(StaffRoles.Director)]
    public async Task RecordPayment_WithoutFinanceRole_Returns403(string role)
    {
        var result = await Functions().RecordPayment(StaffRequest("/api/proposals/p1/payments", """{"kind":"advance","amount":1000}""", role), "p1", null!, CancellationToken.None);

        Assert.Equal(StatusCodes.Status403Forbidden, Status(result));
    }

    [Theory]
    [InlineData(StaffRoles.Finance)]
    [InlineData(StaffRoles.Director)]
    public async Task OfficerActions_WithoutOfficerRole_Return403(string role)
    {
        var functions = Functions();

        Assert.Equal(403, Status(await functions.DecideScreening(StaffRequest("/x", """{"decision":"accept"}""", role), "p1", null!, CancellationToken.None)));
        Assert.Equal(403, Status(await functions.ReplaceReviewer(StaffRequest("/x", """{"reason":"x"}""", role), "p1", "r1", null!, CancellationToken.None)));
        Assert.Equal(403, Status(await functions.RecordContract(StaffRequest("/x", "{}", role), "p1", null!, CancellationToken.None)));
        Assert.Equal(403, Status(await functions.ConfirmAcceptance(StaffRequest("/x", "{}", role), "p1", null!, CancellationToken.None)));
    }

    [Fact]
    public async Task Actions_WithoutPrincipal_Return401()
    {
        var request = Request("/api/proposals/p1/payments", null).WithPlatform();

        Assert.Equal(401, Status(await Functions().RecordPayment(request, "p1", null!, CancellationToken.None)));
    }
}
