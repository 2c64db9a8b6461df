using KhuyenCong.Application.WorkQueue;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Web;

/// <summary><c>GET /staff/queue</c> (any staff member): the officers' work queue ("Việc cần xử lý").</summary>
public sealed class StaffQueueFunction(OfficerWorkQueue queue, StaffEndpoint staff, PageRenderer pages, TimeProvider time)
{
    /// <summary><c>GET /staff/queue?reason=</c>: every waiting proposal, or those of one step.</summary>
    [Function(nameof(StaffWorkQueue))]
    public Task<IActionResult> StaffWorkQueue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/queue")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, async c =>
        {
            var code = c.Http.Query["reason"].ToString().Trim();
            WorkReason? reason = WorkItem.Codes.TryGetValue(code, out var found) ? found : null;
            var error = code.Length > 0 && reason is null
                ? new Bilingual("Chọn một việc trong danh sách.", "Choose a step from the list.").In(c.Language)
                : null;
            var all = await queue.ListAsync(cancellationToken);
            var counts = all.GroupBy(i => i.Reason).ToDictionary(g => g.Key, g => g.Count());
            var model = new StaffQueuePageModel(StaffLinks.From(c.Http, c.Language), all.Where(i => reason is null || i.Reason == reason).ToList(),
                counts, reason, error, time.GetUtcNow()) { FormToken = staff.FormToken(c.Staff) };
            return await pages.PageAsync<StaffQueuePage, StaffQueuePageModel>(c.Http, c.Language, model,
                PageOptions.Standard with { StatusCode = error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, CacheControl = "no-store" });
        });
}
