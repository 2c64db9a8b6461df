using KhuyenCong.Application.Councils;
using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Councils;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Functions.Web;
using KhuyenCong.Functions.Workflow;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace KhuyenCong.Functions.Councils;

/// <summary>
/// Appraisal councils (hội đồng thẩm định, issue 13 line 2): staff read them; officers set one up by decision for one
/// or more calls (<see cref="CouncilSetup"/>) and record its session (<see cref="CouncilSessions"/>), which closes the
/// appraisal of the calls' proposals. JSON, or the staff council page's forms (answered with a redirect).
/// </summary>
public sealed class CouncilFunctions(CouncilSetup setup, CouncilSessions sessions, StaffEndpoint staff)
{
    private static readonly ProblemWording Wording = new(new Bilingual("Hội đồng thẩm định chưa hợp lệ.", "The appraisal council has errors."));

    private static readonly ProblemWording SessionWording = new(new Bilingual("Phiên họp hội đồng chưa hợp lệ.", "The council's session has errors."));

    /// <summary><c>GET /api/councils</c> (staff): every council, the latest decision first.</summary>
    [Function(nameof(ListCouncils))]
    public Task<IActionResult> ListCouncils(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/councils")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, async c =>
        {
            c.NoStore();
            var all = await setup.ListAsync(cancellationToken);
            return new OkObjectResult(all.Select(council => CycleJson.Of(council, null)));
        });

    /// <summary><c>GET /api/councils/{id}</c> (staff): the council, its session and its conclusions once held.</summary>
    [Function(nameof(GetCouncil))]
    public Task<IActionResult> GetCouncil(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/councils/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, async c =>
        {
            c.NoStore();
            var found = await setup.GetAsync(id, cancellationToken);
            var session = found.IsDone ? await sessions.SessionAsync(found.Value!, cancellationToken) : null;
            return found.Answer(c.Language, council => new OkObjectResult(CycleJson.Of(council, session)));
        });

    /// <summary><c>POST /api/councils</c> (officers): sets up a council by decision; 201 with its Location.</summary>
    [Function(nameof(CreateCouncil))]
    public Task<IActionResult> CreateCouncil(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/councils")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.FormOrJsonAsync(request, StaffRoles.Officer, Page(request, null), result => Page(request, IdOf(result)), async (c, f) =>
        {
            var form = new CouncilForm(f.List("callIds"), f.Field("decisionNumber"), f.Field("decisionDate"), f.Field("chairId"), f.Field("secretaryId"),
                f.List("memberIds"), f.Number("quorum"));
            return (await setup.CreateAsync(form, c.Staff.Actor, cancellationToken))
                .Answer(c.Language, council => new CreatedResult(CycleJson.Url(council), CycleJson.Of(council, null)), Wording);
        }, cancellationToken);

    /// <summary><c>POST /api/councils/{id}/session</c> (officers): records the session; it concludes on every proposal of the calls in review.</summary>
    [Function(nameof(RecordCouncilSession))]
    public Task<IActionResult> RecordCouncilSession(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/councils/{id}/session")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken) =>
        staff.FormOrJsonAsync(request, StaffRoles.Officer, Page(request, id), _ => Page(request, id), async (c, f) =>
        {
            var form = new SessionForm(f.Field("heldOn"), f.List("presentMemberIds"));
            return (await sessions.RecordAsync(id, form, c.Staff.Actor, new DurableWorkflowEvents(durableClient), cancellationToken))
                .Answer(c.Language, record => new OkObjectResult(CycleJson.Of(record.Council, record)), SessionWording);
        }, cancellationToken);

    private static string Page(HttpRequest request, string? id) =>
        StaffLinks.From(request, RequestLanguage.From(request)).To(id is null ? "/staff/councils" : "/staff/councils/" + Uri.EscapeDataString(id));

    private static string? IdOf(IActionResult result) => result is CreatedResult { Location: { } location } ? location[(location.LastIndexOf('/') + 1)..] : null;
}
