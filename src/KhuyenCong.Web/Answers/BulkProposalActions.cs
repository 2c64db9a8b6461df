using KhuyenCong.Application.Programmes;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Reminders;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// One action on the proposals ticked in the staff list (<c>ids</c>, 1-200): <c>action=programme</c> with
/// <c>programmeId</c> assigns each to the programme through <see cref="ProgrammeAssignment"/> (the single action's use
/// case, deciding per proposal); <c>remind-reviewers</c> emails each pending reviewer of each proposal under appraisal a
/// reminder through <see cref="ReviewerReminders"/>; <c>export-csv</c> / <c>export-xlsx</c> download them as the list's report. Answers one
/// result per proposal: JSON for the API, a page for the form.
/// </summary>
public sealed class BulkProposalActions(IProposalRepository proposals, IProgrammeStore programmes, ProgrammeAssignment assignment,
    ReviewerReminders reminders, BulkAnswers bulk)
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
        if (action is not ("programme" or "remind-reviewers" or "export-csv" or "export-xlsx"))
        {
            errors.Add("action", new Bilingual("Chọn một thao tác: gán chương trình, nhắc thành viên hội đồng, tải CSV hoặc tải Excel.",
                "Choose an action: assign a programme, remind reviewers, download CSV or download Excel."));
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
        return action switch
        {
            "programme" => await AssignAsync(c, distinct, programme!.Programme.Id, programme.Programme.Name, cancellationToken),
            "remind-reviewers" => await bulk.AnswerAsync(c, action, new("Nhắc thành viên hội đồng chấm điểm", "Remind the reviewers"),
                await bulk.DecideEachAsync(distinct, id => reminders.RemindAsync(id, cancellationToken), sent => sent.Message,
                    ReviewerReminders.NotSent, cancellationToken)),
            _ => await ExportAsync(distinct, action == "export-csv" ? "csv" : "xlsx", cancellationToken),
        };
    }

    private async Task<IActionResult> AssignAsync(StaffRequest c, IReadOnlyList<string> ids, string programmeId, string name, CancellationToken cancellationToken) =>
        await bulk.AnswerAsync(c, "programme", new("Gán chương trình cho các đề án đã chọn", "Assign the ticked proposals to a programme"),
            await bulk.DecideEachAsync(ids, id => assignment.AssignAsync(id, programmeId, cancellationToken),
                _ => new Bilingual($"Đã gán vào chương trình {name}.", $"Assigned to the programme {name}."),
                new Bilingual("Không gán được.", "Not assigned."), cancellationToken));

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
