using System.Globalization;
using System.Net;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Links;

/// <summary>The director's approval link: page, budget commitment, decision, refusals and concurrency.</summary>
[Collection(LinksCollection.Name)]
public sealed class ApprovalLinkTests(LocalHostFixture fixture)
{
    private const long Requested = 250_000_000;
    private readonly LinkTestKit kit = new(fixture);

    private async Task<(Proposal Proposal, string Path)> AwaitingApprovalAsync(HttpClient client, string? title = null, bool withReviews = true)
    {
        var id = await kit.SubmitAsync(client, form =>
        {
            if (title is not null)
            {
                form["title"] = title;
            }
        });
        await kit.SetStatusAsync(id, ProposalStatus.InReview);
        if (withReviews)
        {
            var rubric = await kit.InviteAsync(id, "reviewer-a", "Nguyễn Thị Hoa");
            await kit.InviteAsync(id, "reviewer-b", "Trần Văn <b>Bình</b>");
            var now = DateTimeOffset.UtcNow;
            foreach (var (reviewer, points, recommendation) in new[] { ("reviewer-a", 1, Recommendation.Approve), ("reviewer-b", 2, Recommendation.Revise) })
            {
                var review = (await kit.Cases.GetReviewAsync(id, 1, reviewer, CancellationToken.None))!;
                await kit.Cases.DecideReviewAsync(review with
                {
                    State = ReviewState.Submitted,
                    Points = rubric.Criteria.ToDictionary(c => c.Code, c => c.MaxPoints - points),
                    Recommendation = recommendation,
                    Comment = "Ý kiến <script>alert(1)</script>",
                    DecidedAt = now,
                    DecidedBy = reviewer,
                }, CancellationToken.None);
            }

            await kit.Cases.SaveVerdictAsync(id, new VerdictRecord(1, true, Recommendation.Approve, 92.5m, rubric.TotalPoints, rubric.Id, rubric.Version, now, []), CancellationToken.None);
        }

        await kit.SetStatusAsync(id, ProposalStatus.AwaitingApproval);
        var proposal = (await kit.Proposals.GetAsync(id, CancellationToken.None))!;
        return (proposal, kit.Link(LinkActions.Approve, id, "director"));
    }

    /// <summary>The decision form as posted; <paramref name="confirm"/>: as the confirm step posts it (confirm=yes).</summary>
    private static List<KeyValuePair<string, string>> Decision(string token, string decision = "approve", string? amount = "200000000",
        string? number = "125/QĐ-SCT", string? date = "2026-11-30", string comment = "", bool confirm = true)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("formToken", token),
            new("decision", decision),
            new("amount", amount ?? string.Empty),
            new("decisionNumber", number ?? string.Empty),
            new("decisionDate", date ?? string.Empty),
            new("comment", comment),
        ];
        if (confirm)
        {
            form.Add(new("confirm", "yes"));
        }

        return form;
    }

    [Fact]
    public async Task Get_ShowsAmountsCapReviewsVerdictAndBudget_AndChangesNothing()
    {
        using var client = kit.Client();
        var (proposal, path) = await AwaitingApprovalAsync(client);
        await kit.SetRemainingAsync(LinkTestKit.BudgetOf(proposal), 1_234_000_000);
        var before = await kit.CaseJsonAsync(proposal.Id);

        var (status, html) = await kit.GetAsync(client, path);
        var (again, _) = await kit.GetAsync(client, path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Contains("250.000.000 đồng", html, StringComparison.Ordinal);
        Assert.Contains("300.000.000 đồng", html, StringComparison.Ordinal); // the national machinery cap
        Assert.Contains("1.234.000.000 đồng", html, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Hoa", html, StringComparison.Ordinal);
        Assert.Contains("Trần Văn &lt;b&gt;Bình&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("id=\"verdict-passed\">Đạt<", html, StringComparison.Ordinal);
        Assert.Contains("92,5", html, StringComparison.Ordinal);
        // The summary first (amount asked, council verdict and average, budget left), the decision right under it.
        Assert.True(html.IndexOf("id=\"approval-summary\"", StringComparison.Ordinal) < html.IndexOf("id=\"approval-form\"", StringComparison.Ordinal));
        Assert.True(html.IndexOf("id=\"approval-form\"", StringComparison.Ordinal) < html.IndexOf("id=\"funding\"", StringComparison.Ordinal));
        Assert.Matches("id=\"summary-verdict\">Đạt, điểm trung bình 92,5/", html);
        Assert.Contains("id=\"summary-budget\">1.234.000.000 đồng</dd>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"summary-requested\">250.000.000 đồng</dd>", html, StringComparison.Ordinal);
        // The amount is shown grouped with dots, as it is typed.
        Assert.Contains("name=\"amount\" value=\"250.000.000\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("name=\"decision\"[^>]*checked", html);
        // Anyone holding the link may look; the page says only the signed-in director decides.
        Assert.Contains("id=\"director-sign-in\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(proposal.Submission.Email, html, StringComparison.Ordinal);
        Assert.Equal(before, await kit.CaseJsonAsync(proposal.Id));
        Assert.Null(await kit.Ledger.GetCommitmentAsync(LinkTestKit.BudgetOf(proposal), proposal.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Approve_CommitsTheAmountAndStoresTheDecisionOnce()
    {
        using var client = kit.DirectorClient();
        var (proposal, path) = await AwaitingApprovalAsync(client);
        var key = LinkTestKit.BudgetOf(proposal);
        await kit.SetRemainingAsync(key, 1_000_000_000);
        var token = await LinkTestKit.FormTokenAsync(client, path);

        var (status, body) = await LinkTestKit.PostAsync(client, path, Decision(token, amount: "200.000.000"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"decision\"", body, StringComparison.Ordinal);
        var commitment = await kit.Ledger.GetCommitmentAsync(key, proposal.Id, CancellationToken.None);
        Assert.Equal(200_000_000, commitment!.Approved);
        Assert.Equal(800_000_000, (await kit.Ledger.GetAsync(key, CancellationToken.None)).Remaining);
        var approval = (await kit.Cases.GetAsync(proposal.Id, CancellationToken.None)).Approvals.Single();
        // The decision records the signed-in director: name and Entra object id.
        Assert.Equal(new ApprovalRecord(1, DirectorOutcome.Approve, 200_000_000, "125/QĐ-SCT", new DateOnly(2026, 11, 30), null, IntakeFixture.LocalHostStaffActor, approval.At), approval);

        var (again, againBody) = await LinkTestKit.PostAsync(client, path, Decision(token, decision: "reject", comment: "Đổi ý"));
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("Phê duyệt", againBody, StringComparison.Ordinal);
        Assert.Single((await kit.Cases.GetAsync(proposal.Id, CancellationToken.None)).Approvals);
        Assert.Equal(HttpStatusCode.Conflict, (await kit.GetAsync(client, path)).Status);
        await kit.ExpectRaisedAsync(proposal.Id, WorkflowEvents.DirectorDecided);
    }

    [Fact]
    public async Task RejectAndRevise_NeedAReason_AndStoreNoCommitment()
    {
        using var client = kit.DirectorClient();
        var (proposal, path) = await AwaitingApprovalAsync(client, withReviews: false);
        var token = await LinkTestKit.FormTokenAsync(client, path);

        var (missing, missingBody) = await LinkTestKit.PostAsync(client, path, Decision(token, decision: "reject", comment: " "));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing);
        Assert.Contains("Vui lòng nêu lý do không phê duyệt", missingBody, StringComparison.Ordinal);
        Assert.Empty((await kit.Cases.GetAsync(proposal.Id, CancellationToken.None)).Approvals);

        var (status, _) = await LinkTestKit.PostAsync(client, path, Decision(token, decision: "revise", comment: "Bổ sung báo giá máy."));
        Assert.Equal(HttpStatusCode.OK, status);
        var approval = (await kit.Cases.GetAsync(proposal.Id, CancellationToken.None)).Approvals.Single();
        Assert.Equal(DirectorOutcome.Revise, approval.Outcome);
        Assert.Equal("Bổ sung báo giá máy.", approval.Comment);
        Assert.Null(approval.Amount);
        Assert.Null(await kit.Ledger.GetCommitmentAsync(LinkTestKit.BudgetOf(proposal), proposal.Id, CancellationToken.None));
    }

    [Theory]
    [InlineData("250000001", null, "2026-11-30", "amount")]
    [InlineData("0", "1/QĐ", "2026-11-30", "amount")]
    [InlineData("hai trăm", "1/QĐ", "2026-11-30", "amount")]
    [InlineData("1000", "123456789012345678901234567890123456789012345678901", "2026-11-30", "decisionNumber")]
    [InlineData("1000", "1/QĐ", "31/02/2026", "decisionDate")]
    [InlineData("1000", "1/QĐ", "1999-12-31", "decisionDate")]
    public async Task InvalidApproval_Answers422NamingTheField_AndCommitsNothing(string amount, string? number, string date, string field)
    {
        using var client = kit.DirectorClient();
        var (proposal, path) = await AwaitingApprovalAsync(client, withReviews: false);
        await kit.SetRemainingAsync(LinkTestKit.BudgetOf(proposal), 1_000_000_000);
        var token = await LinkTestKit.FormTokenAsync(client, path);

        var (status, body) = await LinkTestKit.PostAsync(client, path, Decision(token, amount: amount, number: number, date: date));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Matches($"id=\"{field}-error\">[^<]+<", body);
        Assert.Contains($"value=\"{WebUtility.HtmlEncode(amount)}\"", body, StringComparison.Ordinal);
        Assert.Empty((await kit.Cases.GetAsync(proposal.Id, CancellationToken.None)).Approvals);
        Assert.Null(await kit.Ledger.GetCommitmentAsync(LinkTestKit.BudgetOf(proposal), proposal.Id, CancellationToken.None));
    }

    [Fact]
    public async Task InsufficientBudget_IsRefusedShowingWhatRemains_CommitsNothing_AndTheLinkStaysUsable()
    {
        using var client = kit.DirectorClient();
        var (proposal, path) = await AwaitingApprovalAsync(client, withReviews: false);
        var key = LinkTestKit.BudgetOf(proposal);
        await kit.SetRemainingAsync(key, 150_000_000);
        var token = await LinkTestKit.FormTokenAsync(client, path);
        var committedBefore = (await kit.Ledger.GetAsync(key, CancellationToken.None)).Committed;

        var (status, body) = await LinkTestKit.PostAsync(client, path, Decision(token, amount: "200000000"));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("150.000.000", body, StringComparison.Ordinal);
        Assert.Contains("Không đủ kinh phí", body, StringComparison.Ordinal);
        Assert.Equal(committedBefore, (await kit.Ledger.GetAsync(key, CancellationToken.None)).Committed);
        Assert.Null(await kit.Ledger.GetCommitmentAsync(key, proposal.Id, CancellationToken.None));
        Assert.Empty((await kit.Cases.GetAsync(proposal.Id, CancellationToken.None)).Approvals);
        Assert.Empty(await kit.RaisedEventsAsync(proposal.Id, WorkflowEvents.DirectorDecided));

        // Same link, an amount that fits.
        Assert.Equal(HttpStatusCode.OK, (await kit.GetAsync(client, path)).Status);
        var (retry, _) = await LinkTestKit.PostAsync(client, path, Decision(token, amount: "150000000"));
        Assert.Equal(HttpStatusCode.OK, retry);
        Assert.Equal(0, (await kit.Ledger.GetAsync(key, CancellationToken.None)).Remaining);
    }

    [Fact]
    public async Task TwentyConcurrentPostsOnOneLink_CommitAndDecideOnce()
    {
        using var client = kit.DirectorClient();
        var (proposal, path) = await AwaitingApprovalAsync(client, withReviews: false);
        var key = LinkTestKit.BudgetOf(proposal);
        await kit.SetRemainingAsync(key, 1_000_000_000);
        var committedBefore = (await kit.Ledger.GetAsync(key, CancellationToken.None)).Committed;
        var token = await LinkTestKit.FormTokenAsync(client, path);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => LinkTestKit.PostAsync(client, path,
            i % 2 == 0 ? Decision(token, amount: (100_000_000 + i).ToString(CultureInfo.InvariantCulture)) : Decision(token, decision: "reject", comment: "Không phù hợp"))));

        Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Equal(19, results.Count(r => r.Status == HttpStatusCode.Conflict));
        var approval = (await kit.Cases.GetAsync(proposal.Id, CancellationToken.None)).Approvals.Single();
        var line = await kit.Ledger.GetAsync(key, CancellationToken.None);
        var commitment = await kit.Ledger.GetCommitmentAsync(key, proposal.Id, CancellationToken.None);
        if (approval.Outcome == DirectorOutcome.Approve)
        {
            Assert.Equal(approval.Amount, commitment!.Approved);
            Assert.Equal(committedBefore + approval.Amount, line.Committed);
        }
        else
        {
            Assert.Null(commitment);
            Assert.Equal(committedBefore, line.Committed);
        }

        await kit.ExpectRaisedAsync(proposal.Id, WorkflowEvents.DirectorDecided);
    }

    [Fact]
    public async Task FiftyProposalsApprovedAtOnce_AgainstABudgetForSeventeen_NeverOverspend()
    {
        using var client = kit.DirectorClient();
        const long amount = 100_000_000;
        var setups = new List<(Proposal Proposal, string Path)>();
        foreach (var _ in Enumerable.Range(0, 50))
        {
            setups.Add(await AwaitingApprovalAsync(client, withReviews: false));
        }

        var key = LinkTestKit.BudgetOf(setups[0].Proposal);
        await kit.SetRemainingAsync(key, (17 * amount) + (amount / 2));
        var before = await kit.Ledger.GetAsync(key, CancellationToken.None);
        var tokens = new List<string>();
        foreach (var (_, path) in setups)
        {
            tokens.Add(await LinkTestKit.FormTokenAsync(client, path));
        }

        var results = await Task.WhenAll(setups.Select((s, i) => LinkTestKit.PostAsync(client, s.Path, Decision(tokens[i], amount: amount.ToString(CultureInfo.InvariantCulture)))));

        Assert.Equal(17, results.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Equal(33, results.Count(r => r.Status == HttpStatusCode.Conflict));
        var after = await kit.Ledger.GetAsync(key, CancellationToken.None);
        Assert.Equal(before.Committed + (17 * amount), after.Committed);
        Assert.Equal(amount / 2, after.Remaining);
        var approved = 0;
        foreach (var (proposal, _) in setups)
        {
            var @case = await kit.Cases.GetAsync(proposal.Id, CancellationToken.None);
            var commitment = await kit.Ledger.GetCommitmentAsync(key, proposal.Id, CancellationToken.None);
            Assert.Equal(@case.Approvals.Count == 1, commitment is not null);
            approved += @case.Approvals.Count;
        }

        Assert.Equal(17, approved);
    }

    [Fact]
    public async Task NotAwaitingApproval_TamperedAndExpired_AreRefused()
    {
        using var client = kit.DirectorClient();
        var id = await kit.SubmitAsync(client);
        var path = kit.Link(LinkActions.Approve, id, "director");
        Assert.Equal(HttpStatusCode.Conflict, (await kit.GetAsync(client, path)).Status);

        var (proposal, awaiting) = await AwaitingApprovalAsync(client, withReviews: false);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync(client, LinkTestKit.Tampered(awaiting))).Status);
        Assert.Equal(HttpStatusCode.Gone, (await kit.GetAsync(client, kit.ExpiredLink(LinkActions.Approve, proposal.Id, "director"))).Status);

        // The link of one proposal never decides another: its form token is refused there.
        var token = await LinkTestKit.FormTokenAsync(client, awaiting);
        var (crossed, _) = await LinkTestKit.PostAsync(client, kit.Link(LinkActions.Approve, id, "director"), Decision(token));
        Assert.Equal(HttpStatusCode.BadRequest, crossed);
        Assert.Empty((await kit.Cases.GetAsync(proposal.Id, CancellationToken.None)).Approvals);
    }

    [Fact]
    public async Task PostWithTheLinkAlone_Is401PageInTheUsersLanguage_AndCommitsOrDecidesNothing()
    {
        using var director = kit.DirectorClient();
        using var forwarded = kit.Client();
        var (proposal, path) = await AwaitingApprovalAsync(director, withReviews: false);
        var key = LinkTestKit.BudgetOf(proposal);
        await kit.SetRemainingAsync(key, 1_000_000_000);
        var before = await kit.Ledger.GetAsync(key, CancellationToken.None);
        var token = await LinkTestKit.FormTokenAsync(forwarded, path);

        var (status, body) = await LinkTestKit.PostAsync(forwarded, path, Decision(token));
        var (statusEn, bodyEn) = await LinkTestKit.PostAsync(forwarded, path + "?lang=en", Decision(token));
        using var forged = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(Decision(token)) };
        forged.Headers.Add(KhuyenCong.Application.Identity.StaffPrincipal.HeaderName,
            KhuyenCong.Application.Identity.StaffPrincipal.Encode("Giám đốc giả", KhuyenCong.Application.Identity.StaffRoles.Director));
        using var forgedResponse = await forwarded.SendAsync(forged);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("id=\"staff-only\"", body, StringComparison.Ordinal);
        Assert.Contains("Chỉ Giám đốc đã đăng nhập", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, statusEn);
        Assert.Contains("Only the signed-in director", bodyEn, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedResponse.StatusCode);
        Assert.Empty((await kit.Cases.GetAsync(proposal.Id, CancellationToken.None)).Approvals);
        Assert.Null(await kit.Ledger.GetCommitmentAsync(key, proposal.Id, CancellationToken.None));
        Assert.Equal(before.Committed, (await kit.Ledger.GetAsync(key, CancellationToken.None)).Committed);

        // The same link still decides for the signed-in director (its form token is the link's, not the session's).
        var (decided, _) = await LinkTestKit.PostAsync(director, path, Decision(token));
        Assert.Equal(HttpStatusCode.OK, decided);
    }

    [Fact]
    public async Task PageOpenedWithTheFunctionKey_PostsWithIt()
    {
        using var anonymous = kit.Client();
        var (_, path) = await AwaitingApprovalAsync(anonymous, withReviews: false);

        var (status, html) = await kit.GetAsync(anonymous, path + "?code=" + LocalHostFactory.FunctionKey);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("id=\"director-sign-in\"", html, StringComparison.Ordinal);
        Assert.Contains("action=\"" + path + "?code=" + LocalHostFactory.FunctionKey + "\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_WithoutTheConfirmStep_ShowsWhatItCommits_AndCommitsNothingUntilConfirmed()
    {
        using var client = kit.DirectorClient();
        var (proposal, path) = await AwaitingApprovalAsync(client, withReviews: false);
        var key = LinkTestKit.BudgetOf(proposal);
        await kit.SetRemainingAsync(key, 1_000_000_000);
        var token = await LinkTestKit.FormTokenAsync(client, path);

        var (status, body) = await LinkTestKit.PostAsync(client, path, Decision(token, amount: "200.000.000", confirm: false));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"confirm-form\"", body, StringComparison.Ordinal);
        Assert.Contains("id=\"confirm-amount\"><strong>200.000.000 đồng</strong>", body, StringComparison.Ordinal);
        Assert.Contains("id=\"confirm-budget-after\">800.000.000 đồng</dd>", body, StringComparison.Ordinal);
        Assert.Contains("type=\"hidden\" name=\"amount\" value=\"200.000.000\"", body, StringComparison.Ordinal);
        Assert.Empty((await kit.Cases.GetAsync(proposal.Id, CancellationToken.None)).Approvals);
        Assert.Null(await kit.Ledger.GetCommitmentAsync(key, proposal.Id, CancellationToken.None));
        Assert.Equal(1_000_000_000, (await kit.Ledger.GetAsync(key, CancellationToken.None)).Remaining);
        Assert.Empty(await kit.RaisedEventsAsync(proposal.Id, WorkflowEvents.DirectorDecided));

        // "Change" brings the form back as typed, still nothing decided.
        var (edit, editBody) = await LinkTestKit.PostAsync(client, path, Decision(token, amount: "200.000.000", confirm: false).Append(new("edit", "1")));
        Assert.Equal(HttpStatusCode.OK, edit);
        Assert.Contains("name=\"amount\" value=\"200.000.000\"", editBody, StringComparison.Ordinal);
        Assert.Matches("value=\"approve\"[^>]*checked", editBody);
        Assert.Empty((await kit.Cases.GetAsync(proposal.Id, CancellationToken.None)).Approvals);

        var (confirmed, _) = await LinkTestKit.PostAsync(client, path, Decision(token, amount: "200.000.000"));
        Assert.Equal(HttpStatusCode.OK, confirmed);
        Assert.Equal(200_000_000, (await kit.Ledger.GetCommitmentAsync(key, proposal.Id, CancellationToken.None))!.Approved);
    }

    [Fact]
    public async Task RejectWithoutTheConfirmStep_IsRecordedAtOnce()
    {
        using var client = kit.DirectorClient();
        var (proposal, path) = await AwaitingApprovalAsync(client, withReviews: false);
        var token = await LinkTestKit.FormTokenAsync(client, path);

        var (status, body) = await LinkTestKit.PostAsync(client, path, Decision(token, decision: "reject", comment: "Không phù hợp quy hoạch.", confirm: false));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"decision\"", body, StringComparison.Ordinal);
        Assert.Equal(DirectorOutcome.Reject, (await kit.Cases.GetAsync(proposal.Id, CancellationToken.None)).Approvals.Single().Outcome);
    }

    [Fact]
    public async Task NoDecisionChosen_Answers422AtTheField_AndStoresNothing()
    {
        using var client = kit.DirectorClient();
        var (proposal, path) = await AwaitingApprovalAsync(client, withReviews: false);
        var token = await LinkTestKit.FormTokenAsync(client, path);

        var (status, body) = await LinkTestKit.PostAsync(client, path, Decision(token, decision: string.Empty));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("id=\"decision-error\">Vui lòng chọn quyết định", body, StringComparison.Ordinal);
        Assert.Empty((await kit.Cases.GetAsync(proposal.Id, CancellationToken.None)).Approvals);
    }

    [Fact]
    public async Task Approve_WithoutDecisionNumberAndDate_IsRecordedWithoutThem()
    {
        using var client = kit.DirectorClient();
        var (proposal, path) = await AwaitingApprovalAsync(client, withReviews: false);
        await kit.SetRemainingAsync(LinkTestKit.BudgetOf(proposal), 1_000_000_000);
        var token = await LinkTestKit.FormTokenAsync(client, path);

        var (confirmStep, confirmBody) = await LinkTestKit.PostAsync(client, path, Decision(token, number: null, date: null, confirm: false));
        var (status, body) = await LinkTestKit.PostAsync(client, path, Decision(token, number: null, date: null));

        Assert.Equal(HttpStatusCode.OK, confirmStep);
        Assert.Contains("Chưa có số: cán bộ sẽ ghi số và ngày khi văn thư cấp số.", confirmBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Cán bộ sẽ ghi số và ngày quyết định khi văn thư cấp số.", body, StringComparison.Ordinal);
        var approval = (await kit.Cases.GetAsync(proposal.Id, CancellationToken.None)).Approvals.Single();
        Assert.Equal((DirectorOutcome.Approve, 200_000_000L, (string?)null, (DateOnly?)null), (approval.Outcome, approval.Amount!.Value, approval.DecisionNumber, approval.DecisionDate));
    }

    [Fact]
    public async Task DecisionDateAsTyped_DayMonthYear_IsAccepted()
    {
        using var client = kit.DirectorClient();
        var (proposal, path) = await AwaitingApprovalAsync(client, withReviews: false);
        await kit.SetRemainingAsync(LinkTestKit.BudgetOf(proposal), 1_000_000_000);
        var token = await LinkTestKit.FormTokenAsync(client, path);

        var (status, _) = await LinkTestKit.PostAsync(client, path, Decision(token, date: "30/11/2026"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(new DateOnly(2026, 11, 30), (await kit.Cases.GetAsync(proposal.Id, CancellationToken.None)).Approvals.Single().DecisionDate);
    }
}
