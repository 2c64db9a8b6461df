using System.Net;
using System.Text.RegularExpressions;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.IntegrationTests.Cycle;
using KhuyenCong.IntegrationTests.Links;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Staff;

[CollectionDefinition(Name)]
public sealed class DirectorCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "Director";
}

/// <summary>
/// <c>GET /staff/decisions</c> over HTTP (issue 16 item 8): the proposals awaiting approval and the calls' selections
/// awaiting the director, with their figures; each row's link opens the decision page, and once decided the item
/// leaves the list. The proposals are filed under calls of next year's plan (a plan year the list reads), as the intake
/// files them while a call is open. A role other than the director's (403) is tried in the unit tests: LocalHost gives
/// its key every role.
/// </summary>
[Collection(DirectorCollection.Name)]
public sealed partial class DirectorQueueTests(LocalHostFixture fixture)
{
    private readonly CycleTestKit kit = new(fixture);

    private static int PlanYear => VietnamTime.Today(TimeProvider.System).Year + 1;

    private static BudgetKey LocalLine => new(PlanYear, FundingSource.Local);

    private static string Money(long amount) => DisplayFormat.Amount(amount, Language.Vietnamese) + " đồng";

    private static async Task<(HttpStatusCode Status, string Html)> ListAsync(HttpClient client, string query = "")
    {
        using var response = await client.GetAsync(new Uri("/staff/decisions" + query, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A proposal of a call of next year's plan, appraised (average <paramref name="average"/>), now awaiting approval; its id.</summary>
    private async Task<string> AwaitingApprovalAsync(HttpClient staff, string title, decimal average, long requested)
    {
        var call = await kit.CallAsync(FundingSource.Local, PlanYear);
        var id = await kit.AppraisedAsync(staff, call, average, requested, title);
        await kit.Links.SetStatusAsync(id, ProposalStatus.AwaitingApproval);
        return id;
    }

    /// <summary>The table row holding <paramref name="text"/>, or null.</summary>
    private static string? Row(string html, string text) =>
        RowPattern().Matches(html).Select(m => m.Value).FirstOrDefault(r => r.Contains(text, StringComparison.Ordinal));

    /// <summary>The decision page a row links to (its "Xem và quyết định" button), as a path and query.</summary>
    private static string DecisionPath(string row) => WebUtility.HtmlDecode(DecisionLink().Match(row).Groups[1].Value);

    [Fact]
    public async Task Decisions_ProposalAndSelectionWaiting_ListedWithTheirFigures_AndGoneOnceDecidedThroughTheirLinks()
    {
        using var staff = kit.Staff();
        var title = "Máy sấy chè " + Guid.NewGuid().ToString("N")[..8];
        var proposal = await AwaitingApprovalAsync(staff, title, 86.5m, 120_000_000);
        var call = await kit.CallAsync(FundingSource.Local, PlanYear);
        await kit.AppraisedAsync(staff, call, 90m, 100_000_000, "Đào tạo nghề " + Guid.NewGuid().ToString("N")[..8]);
        await kit.Links.SetRemainingAsync(LocalLine, 700_000_000);
        var (proposed, _) = await CycleTestKit.ProposeAsync(staff, call, new { });
        Assert.Equal(HttpStatusCode.Created, proposed);

        var (status, html) = await ListAsync(staff);

        Assert.True(status == HttpStatusCode.OK, html);
        Assert.Matches("href=\"/staff/decisions[^\"]*\" aria-current=\"page\">Chờ tôi quyết định</a>", html);
        var approval = Row(html, title);
        Assert.NotNull(approval);
        Assert.Contains("data-task=\"proposal-approval\"", approval, StringComparison.Ordinal);
        Assert.Contains(Money(120_000_000), approval, StringComparison.Ordinal);
        Assert.Contains("Đạt, điểm trung bình 86,5/", approval, StringComparison.Ordinal);
        Assert.Contains(Money(700_000_000), approval, StringComparison.Ordinal);
        var selection = Row(html, "data-task=\"selection-approval\"");
        Assert.NotNull(selection);
        Assert.Contains($"Kế hoạch năm {PlanYear}", selection, StringComparison.Ordinal);
        Assert.Contains("1/1 đề án được đề xuất chọn", selection, StringComparison.Ordinal);
        Assert.Contains(Money(100_000_000), selection, StringComparison.Ordinal);
        Assert.Contains(Money(700_000_000), selection, StringComparison.Ordinal);

        // The director follows each row's link and decides there, as from the email.
        var approvalPath = DecisionPath(approval);
        Assert.StartsWith("/links/", approvalPath, StringComparison.Ordinal);
        var token = await LinkTestKit.FormTokenAsync(staff, approvalPath);
        var (approved, approvedPage) = await LinkTestKit.PostAsync(staff, approvalPath,
            [new("formToken", token), new("decision", "approve"), new("amount", "120.000.000"), new("decisionNumber", ""), new("decisionDate", ""), new("comment", ""), new("confirm", "yes")]);
        Assert.True(approved == HttpStatusCode.OK, approvedPage);
        var selectionPath = DecisionPath(selection);
        Assert.StartsWith("/links/selection/", selectionPath, StringComparison.Ordinal);
        var (selected, selectedPage) = await CycleTestKit.DecideAsync(staff, selectionPath, "approve");
        Assert.True(selected == HttpStatusCode.OK, selectedPage);

        var (_, after) = await ListAsync(staff);

        Assert.Null(Row(after, title));
        Assert.Null(Row(after, "data-task=\"selection-approval\""));
        Assert.Equal(120_000_000, (await kit.Links.Ledger.GetCommitmentAsync(LocalLine, proposal, CancellationToken.None))!.Approved);
    }

    [Fact]
    public async Task Decisions_InEnglish_EnglishLabelsAndLinksKeepingTheLanguage()
    {
        using var staff = kit.Staff();
        var title = "Dây chuyền chế biến " + Guid.NewGuid().ToString("N")[..8];
        await AwaitingApprovalAsync(staff, title, 91m, 150_000_000);

        var (status, html) = await ListAsync(staff, "?lang=en");

        Assert.True(status == HttpStatusCode.OK, html);
        Assert.Contains("<h1>Awaiting my decision</h1>", html, StringComparison.Ordinal);
        var row = Row(html, title);
        Assert.NotNull(row);
        Assert.Contains("Approve a proposal", row, StringComparison.Ordinal);
        Assert.Contains("150,000,000 VND", row, StringComparison.Ordinal);
        Assert.Contains("Passed, average 91/", row, StringComparison.Ordinal);
        Assert.Contains("Review and decide", row, StringComparison.Ordinal);
        Assert.Contains("?lang=en", DecisionPath(row), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decisions_NobodySignedIn_401SignInPage()
    {
        using var anonymous = kit.Anonymous();

        var (status, html) = await ListAsync(anonymous);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.DoesNotContain("director-decisions", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr data-task=.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<a class=\"[^\"]*\" href=\"([^\"]+)\"")]
    private static partial Regex DecisionLink();
}
