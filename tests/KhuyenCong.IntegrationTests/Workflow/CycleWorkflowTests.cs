using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.Testing;
using static KhuyenCong.IntegrationTests.Workflow.WorkflowProbe;

namespace KhuyenCong.IntegrationTests.Workflow;

/// <summary>A LocalHost that starts new proposals on the workflow's version 2 (the yearly cycle), as production does; one reviewer a proposal.</summary>
public sealed class CycleWorkflowFixture : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();

    public LocalHostApplication Host { get; private set; } = null!;

    public string StorageConnectionString => azurite.ConnectionString;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        Host = await LocalHostFactory.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>
        {
            [LocalHostFactory.CycleWorkflow.Key] = LocalHostFactory.CycleWorkflow.Value,
            ["Workflow:ReviewerCount"] = "1",
            ["Workflow:OfficerEmails"] = "can-bo.a@khuyencong.test",
            ["Workflow:DirectorEmail"] = "giam-doc@khuyencong.test",
        });
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await azurite.DisposeAsync();
    }
}

/// <summary>
/// Version 2 of the workflow on LocalHost's durable engine over Azurite, submitted over HTTP: the council's session,
/// the plan and its decision are stored and raised as their use cases do (money committed by the decision, never by
/// the workflow), and the test reads statuses, history rows, the record, the ledger, the tracking page and the outbox.
/// </summary>
public sealed class CycleWorkflowTests(CycleWorkflowFixture fixture) : IClassFixture<CycleWorkflowFixture>
{
    private static readonly DateOnly Date = new(2026, 12, 10);

    private readonly WorkflowDriver driver = new(fixture.Host);

    [Fact]
    public async Task Cycle_LocalPlanIncludesIt_ApprovedWithTheDecidedAmountCommittedOnceAndSettled()
    {
        using var anonymous = fixture.Host.CreateClient();
        using var staff = fixture.Host.CreateClient(withFunctionKey: true);
        var (id, code, email) = await ToAppraisedAsync(anonymous, staff, "technology-line");

        await driver.Durable.RaiseEventAsync(id, CycleEvents.PlanSubmitted, new PlanSubmission(1, PlanPath.Local, "45/TTr-SCT", Date, "Cán bộ A"));
        await driver.WaitForAsync(staff, id, "in-plan");
        await WaitForMessagesAsync(anonymous, m => m.To(email) && m.Subject().Contains("trình phê duyệt", StringComparison.Ordinal), what: "the applicant told of the plan");
        var proposal = (await driver.Proposals.GetAsync(id, default))!;
        var key = new BudgetKey(proposal.PlanYear, FundingSource.Local);
        await driver.Ledger.SetAllocationAsync(key, (await driver.Ledger.GetAsync(key, default)).Allocated + 1_000_000_000, "test", default);
        var before = await driver.Ledger.GetAsync(key, default);
        // The plan decision's use case commits the decided amount, then raises the event.
        Assert.Equal(CommitOutcome.Committed, (await driver.Ledger.CommitAsync(key, id, 190_000_000, "Cán bộ A", default)).Outcome);
        await driver.Durable.RaiseEventAsync(id, CycleEvents.PlanDecided, new PlanDecision(1, PlanOutcome.Included, 190_000_000, "12/QĐ-UBND", Date.AddDays(20), "people-committee", "Cán bộ A"));

        await driver.WaitForAsync(staff, id, "approved");
        var approved = (await driver.Proposals.GetAsync(id, default))!;
        Assert.Equal(190_000_000, approved.Funding.ApprovedAmount);
        Assert.Equal("12/QĐ-UBND", approved.Funding.DecisionNumber);
        Assert.Equal(before.Committed + 190_000_000, (await driver.Ledger.GetAsync(key, default)).Committed);
        var included = await WaitForMessagesAsync(anonymous, m => m.To(email) && m.Subject().Contains("đã được phê duyệt", StringComparison.Ordinal), what: "the approval email");
        var html = included[0].GetProperty("html").GetString()!;
        Assert.Contains("12/QĐ-UBND", html, StringComparison.Ordinal);
        Assert.Contains("190.000.000 đồng", html, StringComparison.Ordinal);
        Assert.Contains("/links/", html, StringComparison.Ordinal);

        await driver.ImplementAndSettleAsync(staff, id, key, 190_000_000);
        var settled = (await driver.Proposals.GetAsync(id, default))!;
        Assert.Equal(["submitted", "screening", "in-review", "appraised", "in-plan", "approved", "in-progress", "accepted", "settled"],
            settled.History.Select(h => h.To.ToCode()));
        Assert.Equal("Tờ trình 45/TTr-SCT, 10/12/2026", settled.History.Single(h => h.To.ToCode() == "in-plan").Comment);
        Assert.Equal("QĐ 12/QĐ-UBND, 30/12/2026", settled.History.Single(h => h.To.ToCode() == "approved").Comment);
        var after = await driver.Ledger.GetAsync(key, default);
        Assert.Equal(before.Committed + 190_000_000, after.Committed);
        Assert.Equal(before.Paid + 190_000_000, after.Paid);
        Assert.Equal("\"settled\"", await driver.CompletedAsync(id));
        Assert.DoesNotContain(await MessagesAsync(anonymous), m => m.Subject().StartsWith("Đề nghị phê duyệt", StringComparison.Ordinal) && m.Subject().Contains(code, StringComparison.Ordinal));
        await LiveHistories.CheckAsync(fixture.StorageConnectionString, id, "cycle-local-included-settled");
    }

    [Fact]
    public async Task Cycle_NationalReserveThenALaterLocalPlan_EndsNotSelectedAndExplainsEachStatus()
    {
        using var anonymous = fixture.Host.CreateClient();
        using var staff = fixture.Host.CreateClient(withFunctionKey: true);
        var (id, code, email) = await ToAppraisedAsync(anonymous, staff, "brand");
        Assert.Contains("chờ được xếp thứ tự", await TrackingTextAsync(anonymous, code), StringComparison.Ordinal);

        await driver.Durable.RaiseEventAsync(id, CycleEvents.PlanSubmitted, new PlanSubmission(1, PlanPath.National, "123/SCT-KC", Date, "Cán bộ A"));
        await driver.WaitForAsync(staff, id, "sent-to-ministry");
        await WaitForMessagesAsync(anonymous, m => m.To(email) && m.Subject().Contains("gửi Bộ Công Thương", StringComparison.Ordinal), what: "the applicant told of the dispatch");
        Assert.Contains("Bộ Công Thương quyết định", await TrackingTextAsync(anonymous, code), StringComparison.Ordinal);
        await driver.Durable.RaiseEventAsync(id, CycleEvents.PlanDecided, new PlanDecision(1, PlanOutcome.Reserve, null, "88/QĐ-BCT", Date.AddDays(40), "ministry", "Cán bộ A"));
        await driver.WaitForAsync(staff, id, "reserve");
        await WaitForMessagesAsync(anonymous, m => m.To(email) && m.Subject().Contains("dự phòng", StringComparison.Ordinal), what: "the reserve email");
        Assert.Contains("danh sách dự phòng", await TrackingTextAsync(anonymous, code), StringComparison.Ordinal);

        // A repeated decision of the first plan changes nothing; the later plan's round decides.
        await driver.Durable.RaiseEventAsync(id, CycleEvents.PlanDecided, new PlanDecision(1, PlanOutcome.Included, 100_000_000, "88/QĐ-BCT", Date.AddDays(40), "ministry", "Cán bộ A"));
        await driver.Durable.RaiseEventAsync(id, CycleEvents.PlanSubmitted, new PlanSubmission(2, PlanPath.Local, "7/TTr-SCT", Date.AddMonths(6), "Cán bộ B"));
        await driver.WaitForAsync(staff, id, "in-plan");
        await driver.Durable.RaiseEventAsync(id, CycleEvents.PlanDecided, new PlanDecision(2, PlanOutcome.NotSelected, null, "30/QĐ-UBND", Date.AddMonths(7), "people-committee", "Cán bộ B"));

        await driver.WaitForAsync(staff, id, "not-selected");
        var notSelected = await WaitForMessagesAsync(anonymous, m => m.To(email) && m.Subject().Contains("không được lựa chọn", StringComparison.Ordinal), what: "the not-selected email");
        Assert.Contains("30/QĐ-UBND", notSelected[0].GetProperty("html").GetString()!, StringComparison.Ordinal);
        var page = await TrackingTextAsync(anonymous, code);
        Assert.Contains("hồ sơ kết thúc tại đây", page, StringComparison.Ordinal);
        Assert.Contains("Không được lựa chọn vào kế hoạch", page, StringComparison.Ordinal);
        var english = await anonymous.GetFromJsonAsync<JsonElement>(new Uri($"/api/track/{code}?lang=en", UriKind.Relative));
        Assert.StartsWith("The proposal was not selected", english.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        var history = (await driver.Proposals.GetAsync(id, default))!.History;
        Assert.Equal(["submitted", "screening", "in-review", "appraised", "sent-to-ministry", "reserve", "in-plan", "not-selected"], history.Select(h => h.To.ToCode()));
        Assert.Equal("Công văn 123/SCT-KC, 10/12/2026", history[4].Comment);
        Assert.Equal("\"not-selected\"", await driver.CompletedAsync(id));
        var toApplicant = (await MessagesAsync(anonymous)).To(email).Select(m => m.Subject()).ToList();
        Assert.Equal(6, toApplicant.Count);
        await LiveHistories.CheckAsync(fixture.StorageConnectionString, id, "cycle-reserve-not-selected");
    }

    /// <summary>Submits over HTTP, accepts at screening, has the reviewer answer, and the council's session pass it.</summary>
    private async Task<(string Id, string Code, string Email)> ToAppraisedAsync(HttpClient anonymous, HttpClient staff, string kind)
    {
        var sector = "Cơ khí " + Guid.NewGuid().ToString("N")[..6];
        await AddReviewerAsync(staff, "TS. Lê Văn Bình", $"binh+{Guid.NewGuid():N}@khuyencong.test", kind, sector);
        var (id, code, email) = await SubmitAsync(anonymous, kind, sector, requested: 200_000_000);
        await driver.WaitForAsync(staff, id, "screening");
        await driver.AcceptAtScreeningAsync(id);
        await driver.WaitForAsync(staff, id, "in-review");
        await driver.ReviewAllAsync(id, 1);
        var session = await WaitForMessagesAsync(anonymous, m => m.Subject().Contains(code, StringComparison.Ordinal) && m.Subject().Contains("chờ phiên họp hội đồng", StringComparison.Ordinal), what: "the officers told the council's session is due");
        Assert.True(session[0].To("can-bo.a@khuyencong.test"));
        Assert.Equal("in-review", await StatusAsync(staff, id));

        await driver.Durable.RaiseEventAsync(id, CycleEvents.CouncilConcluded, new CouncilConclusion(1, "hd-1", "phien-1", true, 82.5m, null, null, "Thư ký hội đồng"));
        await driver.WaitForAsync(staff, id, "appraised");
        await WaitForMessagesAsync(anonymous, m => m.To(email) && m.Subject().Contains("thẩm định thông qua", StringComparison.Ordinal), what: "the applicant told of the appraisal");
        Assert.Equal("Hội đồng: 82,5 điểm, đạt / Council: 82.5 points, passed", (await driver.Proposals.GetAsync(id, default))!.History[^1].Comment);
        return (id, code, email);
    }

    private static async Task<string> TrackingTextAsync(HttpClient anonymous, string code) =>
        System.Net.WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri($"/track/{code}", UriKind.Relative)));
}
