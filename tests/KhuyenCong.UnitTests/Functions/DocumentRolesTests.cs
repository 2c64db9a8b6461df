using System.Text;
using KhuyenCong.Application.Identity;
using KhuyenCong.Functions.Documents;
using KhuyenCong.UnitTests.Documents;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using static KhuyenCong.UnitTests.Web.WebTestSupport;

namespace KhuyenCong.UnitTests.Functions;

/// <summary>
/// Roles on the document routes (LocalHost gives its key every role, so only here can a lesser role be tried): the
/// staff-route prologue checks the role before anything is read or stored, so the functions run here on the app's
/// registrations without storage, behind App Service Authentication (<see cref="WithPlatform"/>).
/// </summary>
public sealed class DocumentRolesTests : IDisposable
{
    private readonly ServiceProvider services = DocumentsTestServices.Create();

    public void Dispose() => services.Dispose();

    private TemplateFunctions Templates() => ActivatorUtilities.CreateInstance<TemplateFunctions>(services, StaffEndpoints.Create());

    private ProposalDocumentFunctions Documents() => ActivatorUtilities.CreateInstance<ProposalDocumentFunctions>(services, StaffEndpoints.Create());

    private static HttpRequest StaffRequest(params string[] roles)
    {
        var request = Request("/x", null, (StaffPrincipal.HeaderName, StaffPrincipal.Encode("Nguyễn Văn A", roles))).WithPlatform();
        request.Body = new MemoryStream(Encoding.UTF8.GetBytes("{}"));
        request.ContentType = "application/json";
        return request;
    }

    private static int Status(IActionResult result) => Assert.IsType<ObjectResult>(result).StatusCode!.Value;

    [Theory]
    [InlineData(StaffRoles.Officer)]
    [InlineData(StaffRoles.Director)]
    [InlineData(StaffRoles.Finance)]
    public async Task TemplateRoutes_WithoutAdminRole_Return403(string role)
    {
        var templates = Templates();

        Assert.Equal(403, Status(await templates.PutTemplate(StaffRequest(role), "receipt", CancellationToken.None)));
        Assert.Equal(403, Status(await templates.GetTemplate(StaffRequest(role), "receipt", CancellationToken.None)));
        Assert.Equal(403, Status(await templates.ResetTemplate(StaffRequest(role), "receipt", CancellationToken.None)));
        Assert.Equal(403, Status(await templates.ListTemplates(StaffRequest(role), CancellationToken.None)));
    }

    [Theory]
    [InlineData(StaffRoles.Director)]
    [InlineData(StaffRoles.Finance)]
    public async Task DocumentRoutes_WithoutOfficerRole_Return403(string role)
    {
        var documents = Documents();

        Assert.Equal(403, Status(await documents.GenerateDocument(StaffRequest(role), "p1", "receipt", CancellationToken.None)));
        Assert.Equal(403, Status(await documents.ListDocuments(StaffRequest(role), "p1", CancellationToken.None)));
        Assert.Equal(403, Status(await documents.DownloadDocument(StaffRequest(role), "p1", "d1", CancellationToken.None)));
        Assert.Equal(403, Status(await documents.UploadSignedScan(StaffRequest(role), "p1", "d1", CancellationToken.None)));
        Assert.Equal(403, Status(await documents.DownloadSignedScan(StaffRequest(role), "p1", "d1", CancellationToken.None)));
    }

    [Fact]
    public async Task DocumentRoutes_WithoutPrincipal_Return401() =>
        Assert.Equal(401, Status(await Documents().GenerateDocument(Request("/x", null).WithPlatform(), "p1", "receipt", CancellationToken.None)));
}
