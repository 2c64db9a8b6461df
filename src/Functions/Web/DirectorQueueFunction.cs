using KhuyenCong.Application.Identity;
using KhuyenCong.Application.WorkQueue;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Web;

/// <summary><c>GET /staff/decisions</c> (the director; admins pass): what waits on the director ("Chờ tôi quyết định").</summary>
public sealed class DirectorQueueFunction(DirectorWorkQueue queue, StaffEndpoint staff, PageRenderer pages, TimeProvider time)
{
    [Function(nameof(DirectorDecisions))]
    public Task<IActionResult> DirectorDecisions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/decisions")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, StaffRoles.Director, async c =>
        {
            var model = new DirectorQueuePageModel(StaffLinks.From(c.Http, c.Language), await queue.ListAsync(cancellationToken), time.GetUtcNow());
            return await pages.PageAsync<DirectorQueuePage, DirectorQueuePageModel>(c.Http, c.Language, model, PageOptions.Standard with { CacheControl = "no-store" });
        });
}
