using System.Net;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Links;

/// <summary>The reviewer's review link: page, score sheet, conflict declaration, downloads, and every misuse.</summary>
[Collection(LinksCollection.Name)]
public sealed class ReviewLinkTests(LocalHostFixture fixture)
{
    private readonly LinkTestKit kit = new(fixture);

    private sealed record Setup(string ProposalId, string ReviewerId, Rubric Rubric, string Path, string Email, string TaxCode);

    private async Task<Setup> InReviewAsync(HttpClient client, string? title = null, string reviewerName = "Nguyễn Thị Hoa", params (string Name, byte[] Content)[] files)
    {
        string email = string.Empty, taxCode = string.Empty;
        var id = await kit.SubmitAsync(client, form =>
        {
            if (title is not null)
            {
                form["title"] = title;
            }

            email = (string)form["email"]!;
            taxCode = (string)form["taxCode"]!;
        }, files);
        await kit.SetStatusAsync(id, ProposalStatus.InReview);
        var reviewer = Guid.NewGuid().ToString("N");
        var rubric = await kit.InviteAsync(id, reviewer, reviewerName);
        return new Setup(id, reviewer, rubric, kit.Link(LinkActions.Review, id, reviewer), email, taxCode);
    }

    private static List<KeyValuePair<string, string>> Scores(Rubric rubric, string token, Func<RubricCriterion, string>? points = null, string? recommendation = "approve", string comment = "")
    {
        var fields = new List<KeyValuePair<string, string>> { new("formToken", token), new("intent", "review") };
        fields.AddRange(rubric.Criteria.Select(c => new KeyValuePair<string, string>("points-" + c.Code, points?.Invoke(c) ?? c.MaxPoints.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        if (recommendation is not null)
        {
            fields.Add(new("recommendation", recommendation));
        }

        fields.Add(new("comment", comment));
        return fields;
    }

    [Fact]
    public async Task Get_ShowsTheProposalItsFilesAndTheRubric_WithoutTheApplicantsContactsAndChangesNothing()
    {
        using var client = kit.Client();
        var setup = await InReviewAsync(client, files: ("thuyet-minh.pdf", SampleFiles.Pdf()));
        var before = await kit.CaseJsonAsync(setup.ProposalId);

        using var response = await client.GetAsync(new Uri(setup.Path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        using var again = await client.GetAsync(new Uri(setup.Path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Ứng dụng máy phay CNC trong sản xuất linh kiện", html, StringComparison.Ordinal);
        Assert.Contains("Công ty TNHH Cơ khí Hưng Phát", html, StringComparison.Ordinal);
        Assert.Contains("250.000.000", html, StringComparison.Ordinal);
        Assert.DoesNotContain(setup.Email, html, StringComparison.Ordinal);
        Assert.DoesNotContain(setup.TaxCode, html, StringComparison.Ordinal);
        Assert.DoesNotContain("0912", html, StringComparison.Ordinal);
        Assert.Contains("thuyet-minh.pdf", html, StringComparison.Ordinal);
        Assert.Contains("/files/", html, StringComparison.Ordinal);
        foreach (var criterion in setup.Rubric.Criteria)
        {
            Assert.Contains($"name=\"points-{criterion.Code}\"", html, StringComparison.Ordinal);
            Assert.Contains(criterion.NameVi, html, StringComparison.Ordinal);
        }

        Assert.Contains("id=\"conflict-form\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"total\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(before, await kit.CaseJsonAsync(setup.ProposalId));
        Assert.Equal(ReviewState.Invited, (await kit.Cases.GetReviewAsync(setup.ProposalId, 1, setup.ReviewerId, CancellationToken.None))!.State);

        var (english, englishHtml) = await kit.GetAsync(client, setup.Path + "?lang=en");
        Assert.Equal(HttpStatusCode.OK, english);
        Assert.Contains("Send the review", englishHtml, StringComparison.Ordinal);
        Assert.Contains(setup.Rubric.Criteria[0].NameEn, englishHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidScores_StoreTheReviewOnce_AndASecondPostIs409()
    {
        using var client = kit.Client();
        var setup = await InReviewAsync(client);
        var token = await LinkTestKit.FormTokenAsync(client, setup.Path);

        var (status, body) = await LinkTestKit.PostAsync(client, setup.Path, Scores(setup.Rubric, token, c => (c.MaxPoints - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "revise", "Cần làm rõ dự toán."));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"decision\"", body, StringComparison.Ordinal);
        var expectedTotal = setup.Rubric.TotalPoints - setup.Rubric.Criteria.Count;
        Assert.Contains($"id=\"recorded-total\">{expectedTotal}<", body, StringComparison.Ordinal);
        var review = (await kit.Cases.GetReviewAsync(setup.ProposalId, 1, setup.ReviewerId, CancellationToken.None))!;
        Assert.Equal(ReviewState.Submitted, review.State);
        Assert.Equal(expectedTotal, review.Total);
        Assert.Equal(Recommendation.Revise, review.Recommendation);
        Assert.Equal("Cần làm rõ dự toán.", review.Comment);
        Assert.Equal(setup.ReviewerId, review.DecidedBy);
        Assert.NotNull(review.DecidedAt);
        Assert.DoesNotContain(await kit.Cases.ListOpenReviewsAsync(CancellationToken.None), o => o.ProposalId == setup.ProposalId);

        var (again, againBody) = await LinkTestKit.PostAsync(client, setup.Path, Scores(setup.Rubric, token, recommendation: "approve"));
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("id=\"recorded-decision\"", againBody, StringComparison.Ordinal);
        Assert.Equal(Recommendation.Revise, (await kit.Cases.GetReviewAsync(setup.ProposalId, 1, setup.ReviewerId, CancellationToken.None))!.Recommendation);
        var (reopened, _) = await kit.GetAsync(client, setup.Path);
        Assert.Equal(HttpStatusCode.Conflict, reopened);
        await kit.ExpectRaisedAsync(setup.ProposalId, WorkflowEvents.AppraisalChanged);
    }

    [Fact]
    public async Task InvalidScores_Answer422WithMessagesAndTheValuesTyped_AndStoreNothing()
    {
        using var client = kit.Client();
        var setup = await InReviewAsync(client);
        var token = await LinkTestKit.FormTokenAsync(client, setup.Path);
        var before = await kit.CaseJsonAsync(setup.ProposalId);
        var first = setup.Rubric.Criteria[0];
        var second = setup.Rubric.Criteria[1];
        var third = setup.Rubric.Criteria[2];
        string Points(RubricCriterion c) => c == first ? (c.MaxPoints + 7).ToString(System.Globalization.CultureInfo.InvariantCulture) : c == second ? string.Empty : c == third ? "mười" : "3";

        var (status, html) = await LinkTestKit.PostAsync(client, setup.Path, Scores(setup.Rubric, token, Points, recommendation: null, comment: "Nhận xét giữ lại"));
        var body = WebUtility.HtmlDecode(html);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains($"Điểm tiêu chí \"{first.NameVi}\" phải từ 0 đến {first.MaxPoints}.", body, StringComparison.Ordinal);
        Assert.Contains($"Chưa chấm tiêu chí \"{second.NameVi}\".", body, StringComparison.Ordinal);
        Assert.Contains("phải là số nguyên", body, StringComparison.Ordinal);
        Assert.Contains("Vui lòng chọn kiến nghị", body, StringComparison.Ordinal);
        Assert.Contains($"value=\"{first.MaxPoints + 7}\"", body, StringComparison.Ordinal);
        Assert.Contains("Nhận xét giữ lại", body, StringComparison.Ordinal);
        Assert.Equal(before, await kit.CaseJsonAsync(setup.ProposalId));

        var (english, englishHtml) = await LinkTestKit.PostAsync(client, setup.Path + "?lang=en", Scores(setup.Rubric, token, Points, recommendation: "approve"));
        var englishBody = WebUtility.HtmlDecode(englishHtml);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, english);
        Assert.Contains($"The points for \"{first.NameEn}\" must be between 0 and {first.MaxPoints}.", englishBody, StringComparison.Ordinal);
        Assert.Equal(before, await kit.CaseJsonAsync(setup.ProposalId));

        Assert.Empty(await kit.RaisedEventsAsync(setup.ProposalId, WorkflowEvents.AppraisalChanged));

        // The link is still usable.
        var (fixedStatus, _) = await LinkTestKit.PostAsync(client, setup.Path, Scores(setup.Rubric, token));
        Assert.Equal(HttpStatusCode.OK, fixedStatus);
    }

    [Fact]
    public async Task ConflictDeclared_IsRecordedWithTheStatement_AndTheScoreSheetIsClosed()
    {
        using var client = kit.Client();
        var setup = await InReviewAsync(client);
        var token = await LinkTestKit.FormTokenAsync(client, setup.Path);

        var (missing, missingBody) = await LinkTestKit.PostAsync(client, setup.Path, [new("formToken", token), new("intent", "conflict"), new("statement", "")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing);
        Assert.Contains("Vui lòng đánh dấu ô xác nhận", missingBody, StringComparison.Ordinal);
        Assert.Equal(ReviewState.Invited, (await kit.Cases.GetReviewAsync(setup.ProposalId, 1, setup.ReviewerId, CancellationToken.None))!.State);

        var (status, body) = await LinkTestKit.PostAsync(client, setup.Path,
            [new("formToken", token), new("intent", "conflict"), new("conflict", "yes"), new("statement", "Tôi là cổ đông của công ty.")]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"decision\"", body, StringComparison.Ordinal);
        var review = (await kit.Cases.GetReviewAsync(setup.ProposalId, 1, setup.ReviewerId, CancellationToken.None))!;
        Assert.Equal(ReviewState.Conflict, review.State);
        Assert.Equal("Tôi là cổ đông của công ty.", review.Comment);
        Assert.Null(review.Points);
        var (again, againBody) = await LinkTestKit.PostAsync(client, setup.Path, Scores(setup.Rubric, token));
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("xung đột lợi ích", againBody, StringComparison.Ordinal);
        await kit.ExpectRaisedAsync(setup.ProposalId, WorkflowEvents.AppraisalChanged);
    }

    [Fact]
    public async Task TwentyConcurrentPosts_RecordExactlyOneDecision()
    {
        using var client = kit.Client();
        var setup = await InReviewAsync(client);
        var token = await LinkTestKit.FormTokenAsync(client, setup.Path);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => LinkTestKit.PostAsync(client, setup.Path,
            Scores(setup.Rubric, token, c => (i % c.MaxPoints).ToString(System.Globalization.CultureInfo.InvariantCulture), comment: "lần " + i))));

        // One answer 200 (the only one that raised the event); every other one sees the recorded decision.
        Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Equal(19, results.Count(r => r.Status == HttpStatusCode.Conflict));
        var winner = results.Single(r => r.Status == HttpStatusCode.OK).Body;
        var review = (await kit.Cases.GetReviewAsync(setup.ProposalId, 1, setup.ReviewerId, CancellationToken.None))!;
        Assert.Equal(ReviewState.Submitted, review.State);
        Assert.Contains($"id=\"recorded-total\">{review.Total}<", winner, StringComparison.Ordinal);
        Assert.Single((await kit.Cases.GetAsync(setup.ProposalId, CancellationToken.None)).Reviews);
        await kit.ExpectRaisedAsync(setup.ProposalId, WorkflowEvents.AppraisalChanged);
    }

    [Fact]
    public async Task AnotherReviewersLink_OrAnotherRound_IsRefusedWith404()
    {
        using var client = kit.Client();
        var setup = await InReviewAsync(client);
        var other = Guid.NewGuid().ToString("N");
        await kit.InviteAsync(setup.ProposalId, other, "Trần Văn Bình");
        var stranger = kit.Link(LinkActions.Review, setup.ProposalId, Guid.NewGuid().ToString("N"));
        var wrongRound = kit.Link(LinkActions.Review, setup.ProposalId, setup.ReviewerId, round: 2);

        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync(client, stranger)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync(client, wrongRound)).Status);
        var strangerToken = await Task.FromResult(kit.Links.FormToken(kit.Links.Verify(stranger[(stranger.LastIndexOf('/') + 1)..], out var claims) == Domain.Links.LinkTokenStatus.Valid ? claims! : throw new InvalidOperationException()));
        var (posted, _) = await LinkTestKit.PostAsync(client, stranger, Scores(setup.Rubric, strangerToken));
        Assert.Equal(HttpStatusCode.NotFound, posted);

        // Reviewer A's form token does not work on reviewer B's link.
        var tokenA = await LinkTestKit.FormTokenAsync(client, setup.Path);
        var linkB = kit.Link(LinkActions.Review, setup.ProposalId, other);
        var (crossed, _) = await LinkTestKit.PostAsync(client, linkB, Scores(setup.Rubric, tokenA));
        Assert.Equal(HttpStatusCode.BadRequest, crossed);
        Assert.Equal(ReviewState.Invited, (await kit.Cases.GetReviewAsync(setup.ProposalId, 1, other, CancellationToken.None))!.State);
        Assert.Equal(ReviewState.Invited, (await kit.Cases.GetReviewAsync(setup.ProposalId, 1, setup.ReviewerId, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task TamperedLink_Is404_AndExpiredLink_Is410_ForPageDecisionAndFiles()
    {
        using var client = kit.Client();
        var setup = await InReviewAsync(client, files: ("thuyet-minh.pdf", SampleFiles.Pdf()));
        var fileId = (await kit.Proposals.GetAsync(setup.ProposalId, CancellationToken.None))!.Attachments.Single().Id;
        var tampered = LinkTestKit.Tampered(setup.Path);
        var expired = kit.ExpiredLink(LinkActions.Review, setup.ProposalId, setup.ReviewerId);

        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync(client, tampered)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await LinkTestKit.PostAsync(client, tampered, Scores(setup.Rubric, "x"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync(client, tampered + "/files/" + fileId)).Status);
        Assert.Equal(HttpStatusCode.Gone, (await kit.GetAsync(client, expired)).Status);
        Assert.Equal(HttpStatusCode.Gone, (await LinkTestKit.PostAsync(client, expired, Scores(setup.Rubric, "x"))).Status);
        Assert.Equal(HttpStatusCode.Gone, (await kit.GetAsync(client, expired + "/files/" + fileId)).Status);
        Assert.Equal(ReviewState.Invited, (await kit.Cases.GetReviewAsync(setup.ProposalId, 1, setup.ReviewerId, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task PostWithoutTheFormToken_Is400AndChangesNothing()
    {
        using var client = kit.Client();
        var setup = await InReviewAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, (await LinkTestKit.PostAsync(client, setup.Path, Scores(setup.Rubric, string.Empty))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await LinkTestKit.PostAsync(client, setup.Path, Scores(setup.Rubric, new string('0', 64)))).Status);
        Assert.Equal(ReviewState.Invited, (await kit.Cases.GetReviewAsync(setup.ProposalId, 1, setup.ReviewerId, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Download_ThroughTheReviewLink_GivesTheFile_AndAnotherProposalsFileIs404()
    {
        using var client = kit.Client();
        var pdf = SampleFiles.Pdf(2048);
        var setup = await InReviewAsync(client, files: ("thuyết minh đề án.pdf", pdf));
        var otherId = await kit.SubmitAsync(client, null, ("khac.pdf", SampleFiles.Pdf(700)));
        var fileId = (await kit.Proposals.GetAsync(setup.ProposalId, CancellationToken.None))!.Attachments.Single().Id;
        var otherFileId = (await kit.Proposals.GetAsync(otherId, CancellationToken.None))!.Attachments.Single().Id;

        using var download = await client.GetAsync(new Uri(setup.Path + "/files/" + fileId, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("thuyết minh đề án.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("no-referrer", download.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync(client, setup.Path + "/files/" + otherFileId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync(client, setup.Path + "/files/no-such-file")).Status);
        var withdraw = kit.Link(LinkActions.Withdraw, setup.ProposalId, "applicant");
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync(client, withdraw + "/files/" + fileId)).Status);
        var stranger = kit.Link(LinkActions.Review, setup.ProposalId, Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync(client, stranger + "/files/" + fileId)).Status);
    }

    [Theory]
    [InlineData(ReviewState.Replaced)]
    [InlineData(ReviewState.Conflict)]
    [InlineData(ReviewState.Closed)]
    public async Task Download_ByAReviewerNoLongerReviewing_Is404_WhileASubmittedReviewerStillGetsIt(ReviewState state)
    {
        // Issue 11, finding 8: the dossier is for reviewers whose review is open or submitted.
        using var client = kit.Client();
        var setup = await InReviewAsync(client, files: ("thuyet-minh.pdf", SampleFiles.Pdf(900)));
        var fileId = (await kit.Proposals.GetAsync(setup.ProposalId, CancellationToken.None))!.Attachments.Single().Id;
        var submitted = Guid.NewGuid().ToString("N");
        await kit.InviteAsync(setup.ProposalId, submitted, "Trần Văn Bình");
        var review = (await kit.Cases.GetReviewAsync(setup.ProposalId, 1, setup.ReviewerId, CancellationToken.None))!;
        var other = (await kit.Cases.GetReviewAsync(setup.ProposalId, 1, submitted, CancellationToken.None))!;
        Assert.Equal(HttpStatusCode.OK, (await kit.GetAsync(client, setup.Path + "/files/" + fileId)).Status);

        await kit.Cases.DecideReviewAsync(review with { State = state, DecidedAt = DateTimeOffset.UtcNow, DecidedBy = "officer", Comment = "Thay thành viên" }, CancellationToken.None);
        await kit.Cases.DecideReviewAsync(other with
        {
            State = ReviewState.Submitted,
            Points = setup.Rubric.Criteria.ToDictionary(c => c.Code, c => c.MaxPoints),
            Recommendation = Recommendation.Approve,
            DecidedAt = DateTimeOffset.UtcNow,
            DecidedBy = submitted,
        }, CancellationToken.None);

        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync(client, setup.Path + "/files/" + fileId)).Status);
        Assert.Equal(HttpStatusCode.OK, (await kit.GetAsync(client, kit.Link(LinkActions.Review, setup.ProposalId, submitted) + "/files/" + fileId)).Status);
    }

    [Fact]
    public async Task ProposalNotInReview_Answers409()
    {
        using var client = kit.Client();
        var id = await kit.SubmitAsync(client);
        var reviewer = Guid.NewGuid().ToString("N");
        var rubric = await kit.InviteAsync(id, reviewer);
        var path = kit.Link(LinkActions.Review, id, reviewer);

        Assert.Equal(HttpStatusCode.Conflict, (await kit.GetAsync(client, path)).Status);
        var token = kit.Links.FormToken(kit.Links.Verify(path[(path.LastIndexOf('/') + 1)..], out var claims) == Domain.Links.LinkTokenStatus.Valid ? claims! : throw new InvalidOperationException());
        Assert.Equal(HttpStatusCode.Conflict, (await LinkTestKit.PostAsync(client, path, Scores(rubric, token))).Status);
        Assert.Equal(ReviewState.Invited, (await kit.Cases.GetReviewAsync(id, 1, reviewer, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task ScriptInTheTitleTheReviewerNameAndTheComment_ComesBackEscaped()
    {
        using var client = kit.Client();
        var setup = await InReviewAsync(client, title: "Máy <script>alert('x')</script> & <b>đậm</b>", reviewerName: "<img src=x onerror=alert(1)>");
        var token = await LinkTestKit.FormTokenAsync(client, setup.Path);

        var (_, page) = await kit.GetAsync(client, setup.Path);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page, StringComparison.Ordinal);

        var (status, body) = await LinkTestKit.PostAsync(client, setup.Path, Scores(setup.Rubric, token, c => "999", comment: "<script>alert(2)</script>"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.DoesNotContain("<script>alert(2)", body, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(2)&lt;/script&gt;", body, StringComparison.Ordinal);
    }
}
