using Azure.Data.Tables;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Selection;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Selection;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.EndToEndTests.Pages;

/// <summary>
/// The yearly cycle's staff pages' states: a call whose appraised proposals are ranked (its ranking page), and calls
/// whose selection the director approved (the plan page with the tờ trình's form, then with the decision's form). The
/// calls closed yesterday, so the public form still takes proposals without a call, as the other browser tests send them.
/// </summary>
public sealed partial class PageStates
{
    /// <summary>The ranking page of a local call with three appraised proposals (91,5; 84; 77) and money for the first two.</summary>
    public Task<string> RankingAsync() => Once("ranking", async () =>
    {
        var call = await ClosedCallAsync(VietnamTime.Today(TimeProvider.System).Year + 2);
        foreach (var average in new[] { 84m, 91.5m, 77m })
        {
            await AppraisedInAsync(call, average);
        }

        var ranked = (await Services.GetRequiredService<CallRankings>().RankAsync(call.Id, CancellationToken.None)).Value!;
        var ledger = Services.GetRequiredService<IBudgetLedger>();
        var key = new BudgetKey(call.PlanYear, call.FundingSource);
        var line = await ledger.GetAsync(key, CancellationToken.None);
        await ledger.SetAllocationAsync(key, line.Committed + ranked.Ranked.Entries.Take(2).Sum(e => e.Candidate.MaxAmount), "test", CancellationToken.None);
        return $"/staff/calls/{call.Id}/ranking";
    });

    /// <summary>The plan page of a call whose selection the director approved: the tờ trình's form.</summary>
    public Task<string> PlanAsync() => Once("plan", async () => $"/staff/calls/{(await ApprovedCallAsync(submitted: false)).Id}/plan");

    /// <summary>The plan page once the tờ trình is recorded: the People's Committee decision's form.</summary>
    public Task<string> PlanDecisionAsync() => Once("plan-decision", async () => $"/staff/calls/{(await ApprovedCallAsync(submitted: true)).Id}/plan");

    private async Task<Call> ClosedCallAsync(int planYear)
    {
        var today = VietnamTime.Today(TimeProvider.System);
        var call = new Call(Guid.NewGuid().ToString("N"), planYear, FundingSource.Local, $"Đợt đăng ký đề án khuyến công địa phương năm {planYear}",
            today.AddDays(-30), today.AddDays(-1), [], new Dictionary<string, IReadOnlyList<string>>(), null, "test", DateTimeOffset.UtcNow, 1);
        await Services.GetRequiredService<ICallStore>().CreateAsync(call, CancellationToken.None);
        return call;
    }

    /// <summary>A proposal for local money submitted, filed under <paramref name="call"/> as the intake does, and passed by the council with <paramref name="average"/>.</summary>
    private async Task<string> AppraisedInAsync(Call call, decimal average)
    {
        using var client = app.CreateClient();
        var id = (await TestProposals.SubmitAsync(client, "local")).Id;
        await ChangeStatusAsync(id, ProposalStatus.Appraised);
        var records = new TableClient(app.StorageConnectionString, "Proposals");
        await records.UpdateEntityAsync(new TableEntity(id, "record") { ["CallId"] = call.Id, ["AssignedPlanYear"] = call.PlanYear }, Azure.ETag.All, TableUpdateMode.Merge);
        var rubric = await Services.GetRequiredService<IRubricStore>().GetCurrentAsync(CancellationToken.None);
        await Services.GetRequiredService<IProposalCaseStore>().SaveVerdictAsync(id,
            new VerdictRecord(1, true, Recommendation.Approve, average, rubric.TotalPoints, rubric.Id, rubric.Version, DateTimeOffset.UtcNow, []), CancellationToken.None);
        return id;
    }

    /// <summary>A call whose selection (two proposals, both included) the director approved; with the tờ trình recorded when <paramref name="submitted"/>.</summary>
    private async Task<Call> ApprovedCallAsync(bool submitted)
    {
        var call = await ClosedCallAsync(VietnamTime.Today(TimeProvider.System).Year + 3);
        var ids = new[] { await NewProposalAsync(ProposalStatus.Appraised), await NewProposalAsync(ProposalStatus.Appraised) };
        var lines = ids.Select((id, i) => new SelectionLine(id, i + 1, 90m - (i * 6.5m), 150_000_000, 150_000_000, true, true, 150_000_000 - (i * 20_000_000), LeftOut.NotSelected,
            i == 0 ? null : "Giảm kinh phí theo khối lượng thực hiện được")).ToList();
        var now = DateTimeOffset.UtcNow;
        var selection = new CallSelection(call.Id, 1, call.PlanYear, call.FundingSource, 400_000_000, lines, SelectionStatus.Approved, "Cán bộ Trung tâm", now,
            new SelectionDecision(true, null, null, null, "Giám đốc Sở", now),
            submitted ? new PlanSubmissionRecord("125/TTr-SCT", VietnamTime.Today(TimeProvider.System), "Cán bộ Trung tâm", now) : null);
        await Services.GetRequiredService<ISelectionStore>().ProposeAsync(selection, null, CancellationToken.None);
        return call;
    }
}
