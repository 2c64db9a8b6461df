using KhuyenCong.Application.Programmes;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// One action on the proposals ticked in the staff list (<c>ids</c>, 1-200): <c>action=programme</c> with
/// <c>programmeId</c> assigns each to the programme through <see cref="ProgrammeAssignment"/> (the single action's use
/// case, deciding per proposal); <c>export-csv</c> / <c>export-xlsx</c> download them as the list's report. Answers one
/// result per proposal: JSON for the API, a page for the form.
/// </summary>
public sealed class BulkProposalActions(IProposalRepository proposals, IProgrammeStore programmes, ProgrammeAssignment assignment, PageRenderer pages)
{
    public const int MaxProposals = 200;

    /// <summary>The action asked in <paramref name="fields"/>, checked (400 naming each wrong field), done on each proposal ticked.</summary>
    public async Task<IActionResult> HandleAsync(StaffRequest c, StaffFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new BilingualErrors();
        var action = fields.Field("action").Text;
        var ids = fields.List("ids");
        if (action is not ("programme" or "export-csv" or "export-xlsx"))
        {
            errors.Add("action", new Bilingual("Chọn một thao tác: gán chương trình, tải CSV hoặc tải Excel.", "Choose an action: assign a programme, download CSV or download Excel."));
        }

        if (ids.WrongType || ids.Items.Count is 0 or > MaxProposals)
        {
            errors.Add("ids", new Bilingual($"Chọn từ 1 đến {MaxProposals} đề án trong danh sách.", $"Tick 1 to {MaxProposals} proposals in the list."));
        }

        var programmeId = fields.Field("programmeId").Text;
        var programme = action == "programme" && programmeId is not null ? await programmes.GetAsync(programmeId, cancellationToken) : null;
        if (action == "programme" && programme is null)
        {
            errors.Add("programmeId", new Bilingual("Chọn một chương trình có trong danh sách.", "Choose a programme from the list."));
        }

        if (!errors.IsEmpty)
        {
            return Http.Problems.Fields(errors.In(c.Language), c.Language);
        }

        var distinct = ids.Items.Distinct(StringComparer.Ordinal).ToList();
        return action == "programme"
            ? await AssignAsync(c, distinct, programme!.Programme.Id, programme.Programme.Name, cancellationToken)
            : await ExportAsync(distinct, action == "export-csv" ? "csv" : "xlsx", cancellationToken);
    }

    private async Task<IActionResult> AssignAsync(StaffRequest c, IReadOnlyList<string> ids, string programmeId, string name, CancellationToken cancellationToken)
    {
        var rows = new List<BulkRowResult>();
        foreach (var id in ids)
        {
            var proposal = await proposals.GetAsync(id, cancellationToken);
            var decision = proposal is null ? null : await assignment.AssignAsync(id, programmeId, cancellationToken);
            var message = decision is null ? new Bilingual("Không có đề án này.", "No such proposal.")
                : decision.IsDone ? new Bilingual($"Đã gán vào chương trình {name}.", $"Assigned to the programme {name}.")
                : decision.Reason ?? new Bilingual("Không gán được.", "Not assigned.");
            rows.Add(new BulkRowResult(id, proposal?.TrackingCode, proposal?.Submission.Title, decision?.IsDone == true, message));
        }

        var action = new Bilingual("Gán chương trình cho các đề án đã chọn", "Assign the ticked proposals to a programme");
        return RequestBody.IsForm(c.Http)
            ? await pages.PageAsync<StaffBulkResultPage, StaffBulkResultPageModel>(c.Http, c.Language,
                new StaffBulkResultPageModel(action, rows, StaffLinks.From(c.Http, c.Language)), PageOptions.Standard with { CacheControl = "no-store" })
            : new OkObjectResult(new
            {
                action = "programme",
                done = rows.Count(r => r.Done),
                failed = rows.Count(r => !r.Done),
                results = rows.Select(r => new { id = r.Id, trackingCode = r.TrackingCode, done = r.Done, message = r.Message.In(c.Language) }),
            });
    }

    private async Task<IActionResult> ExportAsync(IReadOnlyList<string> ids, string format, CancellationToken cancellationToken)
    {
        var rows = new List<object?[]>();
        foreach (var id in ids)
        {
            if (await proposals.GetAsync(id, cancellationToken) is { } proposal)
            {
                rows.Add(ProposalExportRows.Row(ProposalExportRows.Summary(proposal)));
            }
        }

        return await new SpreadsheetExport(format, ExportVariant.Report).FileAsync(ProposalExportRows.Header, rows, "Đề án", "de-an-da-chon", cancellationToken);
    }
}
