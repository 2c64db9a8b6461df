using KhuyenCong.Application.Caps;
using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Caps;

/// <summary>The support caps table: anyone may read it (the form shows it); officers edit it (<see cref="CapEditing"/>).</summary>
public sealed class CapsFunctions(ICapStore caps, CapEditing editing, StaffEndpoint staff)
{
    private static readonly ProblemWording Wording = new(CapEditing.InvalidCap);

    /// <summary><c>GET /api/caps</c>: every cap, with its effective dates and legal basis.</summary>
    [Function(nameof(ListCaps))]
    public async Task<IActionResult> ListCaps(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/caps")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        _ = request;
        return new OkObjectResult((await caps.ListAsync(cancellationToken)).Select(c => CycleJson.Of(c)));
    }

    /// <summary><c>PUT /api/caps</c>: adds or replaces the cap for a funding source, province, territory, activity (or a kind's default activity) and effective date.</summary>
    [Function(nameof(SaveCap))]
    public Task<IActionResult> SaveCap(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/caps")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.JsonAsync<CapForm>(request, StaffRoles.Officer, new BodyShape("một mức trần dạng JSON", "a JSON cap"),
            async (c, form) => (await editing.SaveAsync(form, c.Staff.Actor, cancellationToken)).Answer(c.Language, cap => new OkObjectResult(CycleJson.Of(cap)), Wording),
            cancellationToken);
}
