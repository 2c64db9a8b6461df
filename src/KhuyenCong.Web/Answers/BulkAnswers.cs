using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// A bulk action decided per proposal (ADR 0027): each id goes through the single action's use case on its own (a
/// refusal of one never stops the others), and the answer is one row per proposal: JSON for the API, the result page
/// for the staff list's form.
/// </summary>
public sealed class BulkAnswers(IProposalRepository proposals, PageRenderer pages)
{
    private static readonly Bilingual NoSuchProposal = new("Không có đề án này.", "No such proposal.");

    /// <summary>One row per id, in the order sent: <paramref name="decide"/>'s done message, or its reason, or "no such proposal".</summary>
    public async Task<IReadOnlyList<BulkRowResult>> DecideEachAsync<T>(IReadOnlyList<string> ids, Func<string, Task<Decision<T>>> decide,
        Func<T, Bilingual> doneMessage, Bilingual notDone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentNullException.ThrowIfNull(doneMessage);
        var rows = new List<BulkRowResult>(ids.Count);
        foreach (var id in ids)
        {
            var proposal = await proposals.GetAsync(id, cancellationToken);
            var decision = proposal is null ? null : await decide(id);
            var message = decision is null ? NoSuchProposal
                : decision.IsDone ? doneMessage(decision.Value!)
                : decision.Reason ?? notDone;
            rows.Add(new BulkRowResult(id, proposal?.TrackingCode, proposal?.Submission.Title, decision?.IsDone == true, message));
        }

        return rows;
    }

    /// <summary>The answer: the result page to a form post, otherwise <c>{action, done, failed, results[]}</c>.</summary>
    public async Task<IActionResult> AnswerAsync(StaffRequest call, string code, Bilingual action, IReadOnlyList<BulkRowResult> rows)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(rows);
        return RequestBody.IsForm(call.Http)
            ? await pages.PageAsync<StaffBulkResultPage, StaffBulkResultPageModel>(call.Http, call.Language,
                new StaffBulkResultPageModel(action, rows, StaffLinks.From(call.Http, call.Language)), PageOptions.Standard with { CacheControl = "no-store" })
            : new OkObjectResult(new
            {
                action = code,
                done = rows.Count(r => r.Done),
                failed = rows.Count(r => !r.Done),
                results = rows.Select(r => new { id = r.Id, trackingCode = r.TrackingCode, done = r.Done, message = r.Message.In(call.Language) }),
            });
    }
}
