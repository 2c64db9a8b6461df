using System.Globalization;
using KhuyenCong.Application.Approval;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Identity;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Proposals;

/// <summary>
/// <c>POST /api/proposals/{id}/decision-number</c> <c>{ "decisionNumber": "125/QĐ-SCT", "decisionDate": "2026-03-15" }</c>
/// (officer): the approval decision's number and date, when the director approved without them
/// (<see cref="DecisionNumberRecording"/>). JSON, or the staff page's form (a 303 back to the page).
/// </summary>
public sealed class DecisionNumberFunction(DecisionNumberRecording recording, StaffEndpoint staff)
{
    [Function(nameof(RecordDecisionNumber))]
    public Task<IActionResult> RecordDecisionNumber([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/proposals/{id}/decision-number")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        staff.ActionAsync(request, StaffRoles.Officer, id, "decision-number", async (c, input) =>
            (await recording.RecordAsync(new DecisionNumberRequest(id, input.Field(DecisionNumberRecording.NumberField), input.Field(DecisionNumberRecording.DateField), c.Staff.Actor),
                cancellationToken))
            .Answer(c.Language, r => new OkObjectResult(new
            {
                id,
                decisionNumber = r.DecisionNumber,
                decisionDate = r.DecisionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                approvedAmount = r.ApprovedAmount,
                by = r.By,
            })), cancellationToken);
}
