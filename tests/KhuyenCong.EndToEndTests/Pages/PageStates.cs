using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Councils;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Selection;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Councils;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Selection;
using KhuyenCong.EndToEndTests.Web;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.EndToEndTests.Pages;

/// <summary>
/// The states pages need, prepared on demand through the public API and the app's own storage classes (as the link
/// browser tests do), each once per app: a submitted proposal, one in review with an invited reviewer, one awaiting
/// the director, one awaiting documents, one approved.
/// </summary>
public sealed partial class PageStates
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WebAppFixture, PageStates> ByApp = [];
    private readonly WebAppFixture app;

    private readonly Lazy<Task<TestProposals.Submitted>> submitted;
    private readonly Dictionary<string, Lazy<Task<string>>> links = [];

    private PageStates(WebAppFixture app)
    {
        this.app = app;
        submitted = new(() => SubmitAsync(app));
    }

    /// <summary>The states of one app, shared by every test on it.</summary>
    public static PageStates For(WebAppFixture app) => ByApp.GetValue(app, a => new PageStates(a));

    private IServiceProvider Services => app.Host.Services;

    public Task<TestProposals.Submitted> SubmittedAsync() => submitted.Value;

    public Task<string> ReviewLinkAsync() => Once("review", async () =>
    {
        var id = await NewProposalAsync(ProposalStatus.InReview);
        var rubric = await Services.GetRequiredService<IRubricStore>().GetCurrentAsync(CancellationToken.None);
        var reviewer = Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        await Services.GetRequiredService<IProposalCaseStore>().InviteAsync(
            new ReviewRecord(id, 1, reviewer, "Nguyễn Thị Hoa", ReviewState.Invited, now, now.AddDays(10), RubricId: rubric.Id, RubricVersion: rubric.Version),
            CancellationToken.None);
        return Link(LinkActions.Review, id, reviewer);
    });

    /// <summary>A review link whose review was already submitted: the page that shows the recorded decision (409).</summary>
    public Task<string> UsedReviewLinkAsync() => Once("review-used", async () =>
    {
        var id = await NewProposalAsync(ProposalStatus.InReview);
        var rubric = await Services.GetRequiredService<IRubricStore>().GetCurrentAsync(CancellationToken.None);
        var cases = Services.GetRequiredService<IProposalCaseStore>();
        var reviewer = Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        var review = new ReviewRecord(id, 1, reviewer, "Nguyễn Thị Hoa", ReviewState.Invited, now, now.AddDays(10), RubricId: rubric.Id, RubricVersion: rubric.Version);
        await cases.InviteAsync(review, CancellationToken.None);
        await cases.DecideReviewAsync(review with
        {
            State = ReviewState.Submitted,
            Points = rubric.Criteria.ToDictionary(c => c.Code, c => c.MaxPoints - 1),
            Recommendation = KhuyenCong.Domain.Appraisal.Recommendation.Approve,
            DecidedAt = now,
            DecidedBy = reviewer,
        }, CancellationToken.None);
        return Link(LinkActions.Review, id, reviewer);
    });

    public Task<string> ApprovalLinkAsync() => Once("approve", async () =>
        Link(LinkActions.Approve, await NewProposalAsync(ProposalStatus.AwaitingApproval), "director"));

    /// <summary>
    /// A fresh approval link (not shared: the test decides on it) for a proposal whose council passed it (average
    /// 86,5/100), with its budget line allocated so that an approval fits.
    /// </summary>
    public async Task<(string Id, string Link)> NewApprovalLinkAsync()
    {
        var id = await NewProposalAsync(ProposalStatus.AwaitingApproval);
        var proposal = (await Services.GetRequiredService<IProposalRepository>().GetAsync(id, CancellationToken.None))!;
        var rubric = await Services.GetRequiredService<IRubricStore>().GetCurrentAsync(CancellationToken.None);
        await Services.GetRequiredService<IProposalCaseStore>().SaveVerdictAsync(id,
            new VerdictRecord(1, true, KhuyenCong.Domain.Appraisal.Recommendation.Approve, 86.5m, rubric.TotalPoints, rubric.Id, rubric.Version, DateTimeOffset.UtcNow, []),
            CancellationToken.None);
        var ledger = Services.GetRequiredService<KhuyenCong.Application.Budgets.IBudgetLedger>();
        var key = new KhuyenCong.Domain.Budgets.BudgetKey(proposal.Year, proposal.Submission.FundingSource);
        var line = await ledger.GetAsync(key, CancellationToken.None);
        await ledger.SetAllocationAsync(key, line.Committed + 1_000_000_000, "test", CancellationToken.None);
        return (id, Link(LinkActions.Approve, id, "director"));
    }

    public Task<string> RevisionLinkAsync() => Once("revise", async () =>
    {
        using var client = Client();
        var id = (await TestProposals.SubmitAsync(client)).Id;
        var cases = Services.GetRequiredService<IProposalCaseStore>();
        var now = DateTimeOffset.UtcNow;
        await cases.SaveScreeningAsync(id, new ScreeningRecord(1, [new ScreeningFinding("quote-missing", "Thiếu báo giá thiết bị của nhà cung cấp", "The supplier's quote is missing", true)], now), CancellationToken.None);
        await cases.DecideScreeningAsync(id, 1, ScreeningOutcome.RequestDocuments, "officer", "Vui lòng bổ sung báo giá máy chẻ nan.", now, CancellationToken.None);
        await ChangeStatusAsync(id, ProposalStatus.NeedsRevision);
        return Link(LinkActions.Revise, id, "applicant");
    });

    public Task<string> WithdrawalLinkAsync() => Once("withdraw", async () =>
        Link(LinkActions.Withdraw, (await SubmittedAsync()).Id, "applicant"));

    /// <summary>An approved proposal (its page offers the contract form); its id.</summary>
    public Task<string> ApprovedAsync() => Once("approved", () => NewProposalAsync(ProposalStatus.Approved));

    public Task<string> ReportLinkAsync() => Once("report", async () =>
        Link(LinkActions.Report, await NewProposalAsync(ProposalStatus.Approved), "applicant"));

    /// <summary>
    /// A council set up for a call that opens in a month (an upcoming call: the form still takes proposals without a
    /// call, as the other browser tests submit them), with three reviewers of the roster; its page's address.
    /// </summary>
    public Task<string> CouncilAsync() => Once("council", async () =>
    {
        var today = VietnamTime.Today(TimeProvider.System);
        var call = new Call(Guid.NewGuid().ToString("N"), today.Year + 1, FundingSource.Local, "Đợt đăng ký đề án khuyến công địa phương năm " + (today.Year + 1),
            today.AddDays(30), today.AddDays(60), ["machinery", "training"], new Dictionary<string, IReadOnlyList<string>> { ["machinery"] = ["Báo giá thiết bị"] },
            "Nhận hồ sơ tại Trung tâm Khuyến công.", "test", DateTimeOffset.UtcNow, 1);
        await Services.GetRequiredService<ICallStore>().CreateAsync(call, CancellationToken.None);
        var roster = Services.GetRequiredService<IReviewerRoster>();
        var members = new List<string>();
        foreach (var name in (string[])["Trần Văn Bình", "Lê Thị Thu", "Phạm Quốc Hùng"])
        {
            var id = "hd" + Guid.NewGuid().ToString("N")[..10];
            await roster.CreateAsync(new KhuyenCong.Domain.Appraisal.Reviewer(id, name, $"hoi.dong+{id}@example.vn", null, "Sở Công Thương Hưng Yên",
                [ProposalKind.Machinery], ["Cơ khí"], [], [], true), "test", CancellationToken.None);
            members.Add(id);
        }

        var council = new Council(Guid.NewGuid().ToString("N"), [call.Id], "215/QĐ-SCT", today.AddDays(-1), members[0], members[1], [members[2]], 2, "test", DateTimeOffset.UtcNow);
        await Services.GetRequiredService<ICouncilStore>().CreateAsync(council, CancellationToken.None);
        return "/staff/councils/" + council.Id;
    });

    /// <summary>The council's page with a generated document in its "Văn bản" section (the table and its upload form).</summary>
    public Task<string> CouncilDocumentAsync() => Once("council-document", async () =>
    {
        var path = await CouncilAsync();
        var kind = Services.GetRequiredService<KhuyenCong.Application.Documents.DocumentCatalog>().Find("council-decision")!;
        var made = await Services.GetRequiredService<KhuyenCong.Application.Documents.DocumentGeneration>().GenerateAsync(kind,
            KhuyenCong.Application.Documents.DocumentSubject.Council, path[(path.LastIndexOf('/') + 1)..], KhuyenCong.Application.Documents.DocumentOrder.Defaults,
            "Lê Thị Hoa (oid test)", CancellationToken.None);
        Assert.True(made.IsDone);
        return path;
    });

    /// <summary>The director's link to a call's selection (one call, one appraised proposal in it, proposed by an officer).</summary>
    public Task<string> SelectionLinkAsync() => Once("selection", async () =>
    {
        var proposal = (await Services.GetRequiredService<IProposalRepository>().GetAsync((await SubmittedAsync()).Id, CancellationToken.None))!;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var call = new Call(Guid.NewGuid().ToString("N"), today.Year + 1, FundingSource.Local, $"Đợt đăng ký đề án khuyến công địa phương năm {today.Year + 1}",
            today.AddDays(-30), today.AddDays(-1), [], new Dictionary<string, IReadOnlyList<string>>(), null, "test", DateTimeOffset.UtcNow, 1);
        await Services.GetRequiredService<ICallStore>().CreateAsync(call, CancellationToken.None);
        var amount = proposal.Submission.RequestedSupport;
        var line = new SelectionLine(proposal.Id, 1, 88.5m, amount, amount, true, true, amount, LeftOut.NotSelected, null);
        await Services.GetRequiredService<ISelectionStore>().ProposeAsync(new CallSelection(call.Id, 1, call.PlanYear, call.FundingSource, amount * 2, [line],
            SelectionStatus.Proposed, "Cán bộ Trung tâm", DateTimeOffset.UtcNow, null), null, CancellationToken.None);
        return new Uri(Services.GetRequiredService<LinkService>().CreateSelectionUrl(call.Id, 1)).PathAndQuery;
    });

    private static async Task<TestProposals.Submitted> SubmitAsync(WebAppFixture app)
    {
        using var client = app.CreateClient();
        return await TestProposals.SubmitAsync(client);
    }

    private HttpClient Client() => app.CreateClient();

    private Task<string> Once(string key, Func<Task<string>> prepare)
    {
        lock (links)
        {
            if (!links.TryGetValue(key, out var link))
            {
                link = new Lazy<Task<string>>(prepare);
                links[key] = link;
            }

            return link.Value;
        }
    }

    /// <summary>
    /// A fresh proposal in review whose reviewer (in the roster, with an email) is two days past the due date: a
    /// "reviews overdue" row of the work queue. Its id and the reviewer's email.
    /// </summary>
    public async Task<(string Id, string ReviewerEmail)> OverdueReviewAsync()
    {
        var id = await NewProposalAsync(ProposalStatus.InReview);
        var rubric = await Services.GetRequiredService<IRubricStore>().GetCurrentAsync(CancellationToken.None);
        var reviewer = "tv" + Guid.NewGuid().ToString("N")[..10];
        var email = $"tham.dinh+{reviewer}@example.vn";
        await Services.GetRequiredService<IReviewerRoster>().CreateAsync(new KhuyenCong.Domain.Appraisal.Reviewer(reviewer, "Nguyễn Thị Hoa", email, null,
            "Trường Cao đẳng Công nghiệp", [ProposalKind.Machinery], ["Cơ khí"], [], [], true), "test", CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        await Services.GetRequiredService<IProposalCaseStore>().InviteAsync(
            new ReviewRecord(id, 1, reviewer, "Nguyễn Thị Hoa", ReviewState.Invited, now.AddDays(-12), now.AddDays(-2), RubricId: rubric.Id, RubricVersion: rubric.Version),
            CancellationToken.None);
        return (id, email);
    }

    private async Task<string> NewProposalAsync(ProposalStatus status)
    {
        using var client = Client();
        var id = (await TestProposals.SubmitAsync(client)).Id;
        await ChangeStatusAsync(id, status);
        return id;
    }

    private Task ChangeStatusAsync(string id, ProposalStatus status) =>
        Services.GetRequiredService<IProposalRepository>().ChangeStatusAsync(id, 100,
            new StatusChange(DateTimeOffset.UtcNow, ProposalStatus.Submitted, status, "test", null), CancellationToken.None);

    private string Link(string action, string proposalId, string subject) =>
        new Uri(Services.GetRequiredService<LinkService>().CreateUrl(action, proposalId, subject, 1)).PathAndQuery;
}
