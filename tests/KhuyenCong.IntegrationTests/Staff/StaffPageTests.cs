using System.Net;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Staff;

/// <summary>The staff pages: the forms each status allows, escaping, the staff check, and posting the forms without JavaScript.</summary>
[Collection(StaffCollection.Name)]
public class StaffPageTests(LocalHostFixture fixture)
{
    private readonly StaffScenario scenario = new(fixture.Host);

    private async Task<string> PageAsync(string id, string query = "")
    {
        using var client = scenario.Staff();
        using var response = await client.GetAsync(new Uri($"/staff/proposals/{id}{query}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return html;
    }

    private static void Forms(string html, string[] present, string[] absent)
    {
        Assert.All(present, f => Assert.Contains($"id=\"{f}\"", html, StringComparison.Ordinal));
        Assert.All(absent, f => Assert.DoesNotContain($"id=\"{f}\"", html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Page_InScreening_ShowsTheScreeningAndCancelFormsAndEscapesTheTitle()
    {
        var id = await scenario.InScreeningAsync("Máy ép <script>alert(\"x\")</script> & sấy");

        var html = await PageAsync(id);

        Assert.Contains("Máy ép &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; sấy", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/api/proposals/{id}/screening?lang=vi\"", html, StringComparison.Ordinal);
        Assert.Contains("/assets/staff.js", html, StringComparison.Ordinal);
        Forms(html, ["form-screening"], ["form-contract", "form-payment", "form-acceptance", "form-cancel"]);
        Assert.Contains("id=\"cancel-link\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_InEnglish_IsInEnglish()
    {
        var id = await scenario.InScreeningAsync();

        var html = await PageAsync(id, "?lang=en");

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Screening decision", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_InReview_ShowsAReplaceFormPerOpenReviewOnly()
    {
        var id = await scenario.SubmitAsync();
        var open = await scenario.NewReviewerAsync("Ngô Văn Mạnh");
        var answered = await scenario.NewReviewerAsync("Hà Thị Yến");
        await scenario.InviteAsync(id, open, "Ngô Văn Mạnh", DateTimeOffset.UtcNow.AddDays(4));
        await scenario.InviteAsync(id, answered, "Hà Thị Yến", DateTimeOffset.UtcNow.AddDays(4));
        var review = (await scenario.Cases.GetReviewAsync(id, 1, answered, CancellationToken.None))!;
        await scenario.Cases.DecideReviewAsync(review with { State = ReviewState.Submitted, DecidedAt = DateTimeOffset.UtcNow, Points = new Dictionary<string, int> { ["necessity"] = 15 } }, CancellationToken.None);
        await scenario.SetStatusAsync(id, ProposalStatus.InReview);

        var html = await PageAsync(id);

        Forms(html, ["form-replace-" + open], ["form-replace-" + answered, "form-screening"]);
        Assert.Contains("Hà Thị Yến", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Approved_ShowsTheContractForm()
    {
        var id = await scenario.SubmitAsync();
        await scenario.SetStatusAsync(id, ProposalStatus.Approved);

        Forms(await PageAsync(id), ["form-contract"], ["form-screening", "form-payment", "form-acceptance"]);
    }

    [Fact]
    public async Task Page_InProgress_ShowsPaymentAndAcceptanceOnlyOnceThePapersArrived()
    {
        var (id, _) = await scenario.CommittedAsync(200_000_000, ProposalStatus.InProgress);

        var before = await PageAsync(id);
        Forms(before, ["form-payment", "acceptance-waiting"], ["form-acceptance", "form-contract"]);
        Assert.DoesNotContain("value=\"final\"", before, StringComparison.Ordinal);

        await scenario.Cases.AddReportAsync(id, new ProgressReport("p1", true, "Biên bản nghiệm thu", [], DateTimeOffset.UtcNow), CancellationToken.None);
        var after = await PageAsync(id);
        Forms(after, ["form-payment", "form-acceptance"], ["acceptance-waiting"]);

        // Issue 14 line 6: the acceptance form records what the đề án actually achieved, each figure optional.
        foreach (var field in new[] { "actualTrainees", "actualJobs", "modelsBuilt", "productsCertified" })
        {
            Assert.Contains($"id=\"acceptance-{field}\" name=\"{field}\"", after, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Page_Accepted_OffersTheFinalPaymentAndNoCancelAfterSettlement()
    {
        var (id, _) = await scenario.CommittedAsync(200_000_000, ProposalStatus.Accepted);

        var html = await PageAsync(id);
        Forms(html, ["form-payment"], ["form-acceptance", "form-contract"]);
        Assert.Contains("value=\"final\"", html, StringComparison.Ordinal);

        await scenario.SetStatusAsync(id, ProposalStatus.Settled);
        Forms(await PageAsync(id), [], ["form-payment", "form-cancel"]);
    }

    [Fact]
    public async Task Pages_WithoutKey_Return401()
    {
        var id = await scenario.SubmitAsync();
        using var anonymous = fixture.CreateClient();

        using var list = await anonymous.GetAsync(new Uri("/staff/proposals", UriKind.Relative));
        using var page = await anonymous.GetAsync(new Uri($"/staff/proposals/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
    }

    [Fact]
    public async Task Page_UnknownProposal_Returns404()
    {
        using var client = scenario.Staff();

        using var response = await client.GetAsync(new Uri("/staff/proposals/no-such-proposal", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task List_FilteredByStatusAndSearch_LinksToTheProposalWithTheTitleEscaped()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var id = await scenario.InScreeningAsync($"Lò nung <b>{marker}</b>");
        using var client = scenario.Staff();

        var html = await client.GetStringAsync(new Uri($"/staff/proposals?status=screening&q={marker}", UriKind.Relative));

        Assert.Contains($"href=\"/staff/proposals/{id}?lang=vi\"", html, StringComparison.Ordinal);
        Assert.Contains($"Lò nung &lt;b&gt;{marker}&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"screening\" selected>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_BadFilter_Returns400PageNamingTheProblem()
    {
        using var client = scenario.Staff();

        using var response = await client.GetAsync(new Uri("/staff/proposals?status=nope", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tình trạng không hợp lệ.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The CSRF token the proposal's page renders in its action forms (what a browser posts back without JavaScript).</summary>
    private async Task<string> FormTokenAsync(string id)
    {
        var match = System.Text.RegularExpressions.Regex.Match(await PageAsync(id), "name=\"csrfToken\" value=\"([^\"]+)\"");
        Assert.True(match.Success, "the page's forms carry the csrfToken field");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private HttpClient NoRedirectClient()
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", LocalHostFactory.FunctionKey);
        return client;
    }

    [Fact]
    public async Task FormPost_WithoutJavaScript_StoresAndRedirectsBackToThePage()
    {
        var id = await scenario.SubmitAsync();
        await scenario.SetStatusAsync(id, ProposalStatus.Approved);
        var token = await FormTokenAsync(id);
        using var client = NoRedirectClient();

        using var response = await client.PostAsync(new Uri($"/api/proposals/{id}/contract?lang=vi", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["csrfToken"] = token,
            ["contractNumber"] = "22/2026/HĐ",
            ["contractDate"] = "2025-10-01",
            ["note"] = string.Empty,
        }));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/staff/proposals/{id}?lang=vi&done=contract", response.Headers.Location?.OriginalString);
        Assert.Equal("22/2026/HĐ", (await scenario.Cases.GetAsync(id, CancellationToken.None)).Contract!.ContractNumber);
    }

    [Fact]
    public async Task FormPost_Invalid_AnswersTheProposalPageAgainWithTheMessageAtTheFieldAndStoresNothing()
    {
        var id = await scenario.SubmitAsync();
        await scenario.SetStatusAsync(id, ProposalStatus.Approved);
        var token = await FormTokenAsync(id);
        using var client = NoRedirectClient();

        using var response = await client.PostAsync(new Uri($"/api/proposals/{id}/contract", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["csrfToken"] = token,
            ["contractNumber"] = "22/2026/HĐ",
            ["contractDate"] = "hôm qua",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#contract-date\">Vui lòng nhập ngày ký hợp đồng", html, StringComparison.Ordinal);
        Assert.Contains("value=\"hôm qua\"", html, StringComparison.Ordinal);
        Assert.Null((await scenario.Cases.GetAsync(id, CancellationToken.None)).Contract);
    }

    [Fact]
    public async Task FormPost_FromAnotherSite_Returns403AndStoresNothing()
    {
        var id = await scenario.SubmitAsync();
        await scenario.SetStatusAsync(id, ProposalStatus.Approved);
        var token = await FormTokenAsync(id);
        using var client = NoRedirectClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/proposals/{id}/contract")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["csrfToken"] = token, ["contractNumber"] = "1", ["contractDate"] = "2025-10-01" }),
        };
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null((await scenario.Cases.GetAsync(id, CancellationToken.None)).Contract);
    }
}
