using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Cycle;

/// <summary>A LocalHost where the Sở's director approves the local plan (<c>Planning:LocalApprover</c> = <c>department-director</c>).</summary>
public sealed class DelegatedPlanFixture : LocalHostFixture
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Planning:LocalApprover"] = "department-director" };
}

/// <summary>With delegation the director's approval of the selection is the plan decision (issue 13 line 4).</summary>
public sealed class DelegatedPlanTests(DelegatedPlanFixture fixture) : IClassFixture<DelegatedPlanFixture>
{
    private readonly CycleTestKit kit = new(fixture);

    [Fact]
    public async Task DirectorApproval_Delegated_NeedsTheDecisionNumberThenCommitsAndRaisesPlanDecided()
    {
        var staff = kit.Staff();
        var call = await kit.CallAsync(FundingSource.Local, CycleTestKit.NewPlanYear());
        var ids = new List<string> { await kit.AppraisedAsync(staff, call, 90m), await kit.AppraisedAsync(staff, call, 70m) };
        var first = (await CycleTestKit.RankingAsync(staff, call)).GetProperty("entries")[0].GetProperty("maxAmount").GetInt64();
        await kit.Links.SetRemainingAsync(new BudgetKey(call.PlanYear, FundingSource.Local), first);
        Assert.Equal(HttpStatusCode.Created, (await CycleTestKit.ProposeAsync(staff, call, new { })).Status);
        var link = await CycleTestKit.DirectorLinkAsync(staff, call, 1);
        var token = await Links.LinkTestKit.FormTokenAsync(staff, link);

        var (missing, page) = await Links.LinkTestKit.PostAsync(staff, link, [new("formToken", token), new("decision", "approve")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing);
        Assert.Contains("decisionNumber", page, StringComparison.Ordinal);
        var today = DateTimeOffset.UtcNow.ToOffset(VietnamTime.Offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (approved, _) = await Links.LinkTestKit.PostAsync(staff, link,
            [new("formToken", token), new("decision", "approve"), new("decisionNumber", "75/QĐ-SCT"), new("decisionDate", today)]);
        Assert.Equal(HttpStatusCode.OK, approved);

        var budget = (await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/budgets?year={call.PlanYear}", UriKind.Relative)))
            .GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("fundingSource").GetString() == "local");
        Assert.Equal(first, budget.GetProperty("committed").GetInt64());
        await kit.Links.ExpectRaisedAsync(ids[0], CycleEvents.PlanDecided);
        var decided = await kit.RaisedAsync(ids[0], CycleEvents.PlanDecided);
        Assert.Equal("department-director", decided.GetProperty("DecidedBy").GetString());
        Assert.Equal("75/QĐ-SCT", decided.GetProperty("DecisionNumber").GetString());
        await kit.Links.ExpectRaisedAsync(ids[1], CycleEvents.PlanDecided);
        Assert.Equal((int)PlanOutcome.NotSelected, (await kit.RaisedAsync(ids[1], CycleEvents.PlanDecided)).GetProperty("Outcome").GetInt32());
        var (submission, _) = await CycleTestKit.PlanStepAsync(staff, call, "submission", new { number = "1/TTr-SCT", date = today });
        Assert.Equal(HttpStatusCode.Conflict, submission);
    }

    [Fact]
    public async Task PlanPage_Delegated_ShowsTheDirectorsApprovalAsThePlanDecisionWithoutSubmissionForm()
    {
        var staff = kit.Staff();
        var call = await kit.CallAsync(FundingSource.Local, CycleTestKit.NewPlanYear());
        await kit.AppraisedAsync(staff, call, 80m);
        var most = (await CycleTestKit.RankingAsync(staff, call)).GetProperty("entries")[0].GetProperty("maxAmount").GetInt64();
        await kit.Links.SetRemainingAsync(new BudgetKey(call.PlanYear, FundingSource.Local), most);
        Assert.Equal(HttpStatusCode.Created, (await CycleTestKit.ProposeAsync(staff, call, new { })).Status);
        var link = await CycleTestKit.DirectorLinkAsync(staff, call, 1);
        var today = DateTimeOffset.UtcNow.ToOffset(VietnamTime.Offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (approved, _) = await Links.LinkTestKit.PostAsync(staff, link,
            [new("formToken", await Links.LinkTestKit.FormTokenAsync(staff, link)), new("decision", "approve"), new("decisionNumber", "76/QĐ-SCT"), new("decisionDate", today)]);
        Assert.Equal(HttpStatusCode.OK, approved);

        var html = await staff.GetStringAsync(new Uri($"/staff/calls/{call.Id}/plan", UriKind.Relative));

        Assert.Contains("id=\"delegated\"", html, StringComparison.Ordinal);
        Assert.Contains("76/QĐ-SCT", html, StringComparison.Ordinal);
        Assert.Contains("Giám đốc Sở Công Thương (được ủy quyền)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"submission-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"decision-form\"", html, StringComparison.Ordinal);
    }
}
