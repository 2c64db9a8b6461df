using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;
using static KhuyenCong.IntegrationTests.Workflow.WorkflowProbe;

namespace KhuyenCong.IntegrationTests.Workflow;

/// <summary>
/// The whole lifecycle as its users live it, driven only through HTTP and the outbox: the applicant's form, the
/// officers' routes, the reviewers' and the director's emailed links, finance's payments, the applicant's acceptance
/// papers; nothing is written to storage by the test.
/// </summary>
[Collection(FastWorkflowCollection.Name)]
public sealed partial class LifecycleOverHttpTests(FastWorkflowFixture fixture)
{
    [Fact]
    public async Task Lifecycle_OverHttpAndEmailedLinks_GoesFromTheFormToSettled()
    {
        using var web = fixture.CreateClient();
        using var staff = fixture.CreateClient(withFunctionKey: true);
        var sector = "Chế biến gỗ " + Guid.NewGuid().ToString("N")[..6];
        var reviewerEmails = new[] { $"gs.an+{Guid.NewGuid():N}@khuyencong.test", $"ts.binh+{Guid.NewGuid():N}@khuyencong.test" };
        await AddReviewerAsync(staff, "GS. Nguyễn An", reviewerEmails[0], "digital-transformation", sector);
        await AddReviewerAsync(staff, "TS. Phạm Bình", reviewerEmails[1], "digital-transformation", sector);
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year;
        using (var budget = await staff.PutAsJsonAsync($"/api/budgets/{year}/local", new { allocated = 50_000_000_000L }))
        {
            Assert.Equal(HttpStatusCode.OK, budget.StatusCode);
        }

        // The establishment submits; the officers are asked to screen it.
        var (id, code, applicant) = await SubmitAsync(web, "digital-transformation", sector, requested: 200_000_000);
        await WaitForStatusAsync(staff, id, "screening");
        await WaitForMessagesAsync(web, m => m.Subject().Contains(code, StringComparison.Ordinal) && m.Subject().Contains("chờ kiểm tra", StringComparison.Ordinal), what: "the screening email");
        await PostAsync(staff, $"/api/proposals/{id}/screening", new { decision = "accept" }, HttpStatusCode.Accepted);

        // Each reviewer scores through their own link.
        await WaitForStatusAsync(staff, id, "in-review");
        foreach (var reviewer in reviewerEmails)
        {
            var invitation = (await WaitForMessagesAsync(web, m => m.Subject().StartsWith("Mời thẩm định", StringComparison.Ordinal) && m.Subject().Contains(code, StringComparison.Ordinal) && m.To(reviewer), what: "the invitation of " + reviewer)).Single();
            var path = LinkIn(invitation);
            var page = await web.GetStringAsync(new Uri(path, UriKind.Relative));
            var form = new Dictionary<string, string>
            {
                ["formToken"] = FormToken().Match(page).Groups[1].Value,
                ["intent"] = "review",
                ["recommendation"] = "approve",
                ["comment"] = "Đề án khả thi, hiệu quả rõ.",
            };
            foreach (Match criterion in ScoreInput().Matches(page))
            {
                form[criterion.Groups[1].Value] = (int.Parse(criterion.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) * 9 / 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            Assert.True(form.Count > 5, "the review page lists the rubric's criteria");
            using var posted = await web.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form));
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        // The director, signed in (LocalHost: the function key), approves through the emailed link, without the
        // decision's number (the văn thư gives it after signing): the form, then the confirm step, which alone
        // commits the amount in the year's local budget.
        await WaitForStatusAsync(staff, id, "awaiting-approval");
        var request = (await WaitForMessagesAsync(web, m => m.Subject().StartsWith("Đề nghị phê duyệt", StringComparison.Ordinal) && m.Subject().Contains(code, StringComparison.Ordinal), what: "the director's email")).Single();
        var approvePath = LinkIn(request);
        var approvePage = await web.GetStringAsync(new Uri(approvePath, UriKind.Relative));
        var decision = new Dictionary<string, string>
        {
            ["formToken"] = FormToken().Match(approvePage).Groups[1].Value,
            ["decision"] = "approve",
            ["amount"] = "190.000.000",
            ["decisionNumber"] = string.Empty,
            ["decisionDate"] = string.Empty,
        };
        using (var confirmStep = await staff.PostAsync(new Uri(approvePath, UriKind.Relative), new FormUrlEncodedContent(decision)))
        {
            Assert.Equal(HttpStatusCode.OK, confirmStep.StatusCode);
            Assert.Contains("id=\"confirm-form\"", await confirmStep.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        decision["confirm"] = "yes";
        using (var approved = await staff.PostAsync(new Uri(approvePath, UriKind.Relative), new FormUrlEncodedContent(decision)))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        await WaitForStatusAsync(staff, id, "approved");
        var approval = (await WaitForMessagesAsync(web, m => m.To(applicant) && m.Subject().Contains("đã được phê duyệt", StringComparison.Ordinal), what: "the approval email")).Single();
        var reportPath = LinkIn(approval);

        // The officer records the decision's number and date once the văn thư gives them, then the contract; finance
        // pays the advance.
        await PostAsync(staff, $"/api/proposals/{id}/decision-number", new { decisionNumber = "88/QĐ-SCT", decisionDate = Today() }, HttpStatusCode.OK);
        await PostAsync(staff, $"/api/proposals/{id}/contract", new { contractNumber = "21/2027/HĐ-KC", contractDate = Today() }, HttpStatusCode.Accepted);
        await WaitForStatusAsync(staff, id, "in-progress");
        await PostAsync(staff, $"/api/proposals/{id}/payments", new { paymentId = "tam-ung-" + code, kind = "advance", amount = 95_000_000 }, HttpStatusCode.Created);

        // The applicant sends the acceptance papers through the emailed link; the officer confirms acceptance.
        var reportPage = await web.GetStringAsync(new Uri(reportPath, UriKind.Relative));
        var papers = new MultipartBody()
            .Field("formToken", FormToken().Match(reportPage).Groups[1].Value)
            .Field("reportId", ReportId().Match(reportPage).Groups[1].Value)
            .Field("text", "Đã lắp đặt và chạy thử phần mềm quản lý sản xuất.")
            .Field("acceptance", "yes")
            .File("bien-ban-nghiem-thu.pdf", SampleFiles.Pdf(), "application/pdf");
        using (var sent = await web.PostAsync(new Uri(reportPath, UriKind.Relative), papers.Build()))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        // The actual results are recorded with the acceptance (issue 14, line 6).
        await PostAsync(staff, $"/api/proposals/{id}/acceptance", new { acceptedOn = Today(), comment = "Đạt yêu cầu", actualTrainees = 8, actualJobs = 3 }, HttpStatusCode.Accepted);
        await WaitForStatusAsync(staff, id, "accepted");

        // The final payment settles the proposal.
        await PostAsync(staff, $"/api/proposals/{id}/payments", new { paymentId = "quyet-toan-" + code, kind = "final", amount = 95_000_000 }, HttpStatusCode.Created);
        await WaitForStatusAsync(staff, id, "settled");

        var record = await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/proposals/{id}", UriKind.Relative));
        Assert.Equal(
            ["submitted", "screening", "in-review", "awaiting-approval", "approved", "in-progress", "accepted", "settled"],
            record.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
        Assert.Equal(190_000_000, record.GetProperty("funding").GetProperty("paidAmount").GetInt64());
        Assert.Equal("88/QĐ-SCT", record.GetProperty("funding").GetProperty("decisionNumber").GetString());
        Assert.Equal((8, 3), (record.GetProperty("funding").GetProperty("results").GetProperty("trainees").GetInt32(), record.GetProperty("funding").GetProperty("results").GetProperty("jobs").GetInt32()));
        var stats = await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/stats?from={year}&to={year}&sector={Uri.EscapeDataString(sector)}", UriKind.Relative));
        Assert.Equal((8L, 3L), (stats.GetProperty("actualTrainees").GetInt64(), stats.GetProperty("actualJobs").GetInt64()));
        Assert.Equal(0, stats.GetProperty("jobs").GetInt64()); // planned: the proposal gave none; actual: 3, side by side
        var track = await web.GetFromJsonAsync<JsonElement>(new Uri($"/api/track/{code}", UriKind.Relative));
        Assert.Equal("settled", track.GetProperty("status").GetString());

        // Every email went out once: no send id twice in the outbox.
        var messages = (await MessagesAsync(web)).Where(m => m.Subject().Contains(code, StringComparison.Ordinal)).ToList();
        Assert.Equal(messages.Count, messages.Select(m => (m.Subject(), string.Join(",", m.GetProperty("to").EnumerateArray().Select(t => t.GetString())))).Distinct().Count());
    }

    [Fact]
    public async Task Branches_OverHttp_RevisionLoopConflictEscalationReplacementAndWithdrawalTellEveryoneWaiting()
    {
        using var web = fixture.CreateClient();
        using var staff = fixture.CreateClient(withFunctionKey: true);
        var sector = "Tư vấn " + Guid.NewGuid().ToString("N")[..6];
        var reviewers = new Dictionary<string, string>();
        foreach (var name in new[] { "TS. Một", "TS. Hai", "TS. Ba" })
        {
            var address = $"r+{Guid.NewGuid():N}@khuyencong.test";
            reviewers[await AddReviewerAsync(staff, name, address, "consulting", sector)] = address;
        }

        var (id, code, applicant) = await SubmitAsync(web, "consulting", sector, requested: 150_000_000);
        await WaitForStatusAsync(staff, id, "screening");

        // The officer asks for documents; the applicant corrects the title and adds a file through the emailed page.
        await PostAsync(staff, $"/api/proposals/{id}/screening", new { decision = "request-documents", comment = "Bổ sung giấy đăng ký kinh doanh" }, HttpStatusCode.Accepted);
        await WaitForStatusAsync(staff, id, "needs-revision");
        var request = (await WaitForMessagesAsync(web, m => m.To(applicant) && m.Subject().StartsWith("Đề nghị bổ sung", StringComparison.Ordinal), what: "the request for documents")).First();
        var revisePath = LinkIn(request);
        var revisePage = await web.GetStringAsync(new Uri(revisePath, UriKind.Relative));
        Assert.Contains("Bổ sung giấy đăng ký kinh doanh", revisePage, StringComparison.Ordinal);
        var revision = new MultipartBody().Field("formToken", FormToken().Match(revisePage).Groups[1].Value);
        foreach (var (field, value) in RevisedFields(applicant, sector))
        {
            revision.Field(field, value);
        }

        revision.File("giay-dang-ky-kinh-doanh.pdf", SampleFiles.Pdf(), "application/pdf");
        using (var revised = await web.PostAsync(new Uri(revisePath, UriKind.Relative), revision.Build()))
        {
            Assert.True(revised.StatusCode == HttpStatusCode.OK, await revised.Content.ReadAsStringAsync());
        }

        await Eventually.GetAsync(async () => (int?)(await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/proposals/{id}", UriKind.Relative))).GetProperty("history").GetArrayLength(),
            n => n == 4, what: "back to screening");
        Assert.Equal("screening", await StatusAsync(staff, id));
        var afterRevision = await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/proposals/{id}", UriKind.Relative));
        Assert.Equal("Tư vấn áp dụng hệ thống quản lý chất lượng ISO 9001", afterRevision.GetProperty("submission").GetProperty("title").GetString());

        // Accepted at the second screening: two reviewers are invited.
        await PostAsync(staff, $"/api/proposals/{id}/screening", new { decision = "accept" }, HttpStatusCode.Accepted);
        await WaitForStatusAsync(staff, id, "in-review");
        var invited = await WaitForMessagesAsync(web, m => m.Subject().StartsWith("Mời thẩm định", StringComparison.Ordinal) && m.Subject().Contains(code, StringComparison.Ordinal), 2, what: "two invitations");
        var declaring = invited[0];
        var silentAddress = invited[1].GetProperty("to")[0].GetString()!;

        // The first declares a conflict of interest on the review page: the third reviewer is invited.
        var reviewPath = LinkIn(declaring);
        var reviewPage = await web.GetStringAsync(new Uri(reviewPath, UriKind.Relative));
        using (var conflict = await web.PostAsync(new Uri(reviewPath, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["formToken"] = FormToken().Match(reviewPage).Groups[1].Value,
            ["intent"] = "conflict",
            ["conflict"] = "yes",
            ["statement"] = "Tôi là cổ đông của cơ sở.",
        })))
        {
            Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        }

        var third = await WaitForMessagesAsync(web, m => m.Subject().StartsWith("Mời thẩm định", StringComparison.Ordinal) && m.Subject().Contains(code, StringComparison.Ordinal), 3, what: "the third invitation");
        var thirdAddress = third.Select(m => m.GetProperty("to")[0].GetString()!).Except([declaring.GetProperty("to")[0].GetString()!, silentAddress]).Single();

        // The second stays silent: reminders, then the escalation to the officers at the deadline.
        await WaitForMessagesAsync(web, m => m.To(silentAddress) && m.Subject().StartsWith("Nhắc thẩm định", StringComparison.Ordinal), what: "a reminder to the silent reviewer");
        await WaitForMessagesAsync(web, m => m.Subject().StartsWith("Quá hạn thẩm định", StringComparison.Ordinal) && m.Subject().Contains(code, StringComparison.Ordinal), what: "the escalation");

        // The officer replaces the silent reviewer: nobody suitable is left, so the officers hear of the shortfall.
        var silentId = reviewers.Single(r => r.Value == silentAddress).Key;
        await PostAsync(staff, $"/api/proposals/{id}/reviewers/{silentId}/replace", new { reason = "Không phản hồi" }, HttpStatusCode.Accepted);
        await WaitForMessagesAsync(web, m => m.Subject().StartsWith("Thiếu thành viên thẩm định", StringComparison.Ordinal) && m.Subject().Contains(code, StringComparison.Ordinal), what: "the shortfall email");

        // The applicant withdraws from the acknowledgement email: the waiting reviewer and the officers are told.
        var ack = (await WaitForMessagesAsync(web, m => m.To(applicant) && m.Subject().StartsWith("Đã nhận đề án", StringComparison.Ordinal), what: "the acknowledgement")).Single();
        var withdrawPath = LinkIn(ack);
        var withdrawPage = await web.GetStringAsync(new Uri(withdrawPath, UriKind.Relative));
        using (var withdrawn = await web.PostAsync(new Uri(withdrawPath, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["formToken"] = FormToken().Match(withdrawPage).Groups[1].Value,
            ["reason"] = "Cơ sở tạm dừng sản xuất",
        })))
        {
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        }

        await WaitForStatusAsync(staff, id, "withdrawn");
        await WaitForMessagesAsync(web, m => m.To(thirdAddress) && m.Subject().Contains("đã kết thúc", StringComparison.Ordinal), what: "the waiting reviewer told");
        await WaitForMessagesAsync(web, m => m.Subject().Contains("đã kết thúc", StringComparison.Ordinal) && m.Subject().Contains(code, StringComparison.Ordinal) && m.GetProperty("to").GetArrayLength() == 2, what: "the officers told");
        using var closedReview = await web.GetAsync(new Uri(LinkIn(third.Single(m => m.To(thirdAddress))), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, closedReview.StatusCode);
        var final = await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/proposals/{id}", UriKind.Relative));
        Assert.Equal(
            ["submitted", "screening", "needs-revision", "screening", "in-review", "withdrawn"],
            final.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
    }

    [Fact]
    public async Task Screening_RejectedOverHttp_EndsRejectedAndTellsTheApplicantWhy()
    {
        using var web = fixture.CreateClient();
        using var staff = fixture.CreateClient(withFunctionKey: true);
        var (id, code, applicant) = await SubmitAsync(web, "brand");
        await WaitForStatusAsync(staff, id, "screening");

        await PostAsync(staff, $"/api/proposals/{id}/screening", new { decision = "reject", comment = "Sản phẩm chưa được công nhận cấp tỉnh" }, HttpStatusCode.Accepted);

        await WaitForStatusAsync(staff, id, "rejected");
        var rejected = (await WaitForMessagesAsync(web, m => m.To(applicant) && m.Subject().Contains("không được chấp thuận", StringComparison.Ordinal), what: "the rejection")).Single();
        Assert.Contains("Sản phẩm chưa được công nhận cấp tỉnh", rejected.GetProperty("html").GetString()!, StringComparison.Ordinal);
        Assert.Contains(code, rejected.Subject(), StringComparison.Ordinal);
    }

    private static IEnumerable<(string Field, string Value)> RevisedFields(string email, string sector) =>
    [
        ("organizationName", "Hợp tác xã Chế biến Nông sản Tiên Lữ"),
        ("representative", "Nguyễn Thị Hoa"),
        ("email", email),
        ("phone", "0912 345 678"),
        ("address", "Thôn Đông"),
        ("commune", "Xã Thiện Phiến"),
        ("province", "hung-yen"),
        ("kind", "consulting"),
        ("entityType", "service-provider"),
        ("sector", sector),
        ("fundingSource", "local"),
        ("title", "Tư vấn áp dụng hệ thống quản lý chất lượng ISO 9001"),
        ("summary", "Đầu tư dây chuyền sấy long nhãn"),
        ("totalCost", "600000000"),
        ("requestedSupport", "150000000"),
        ("ownContribution", "450000000"),
        ("startDate", "2027-03-01"),
        ("endDate", "2027-10-31"),
    ];

    private static string Today() => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task PostAsync(HttpClient staff, string path, object body, HttpStatusCode expected)
    {
        using var response = await staff.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static string LinkIn(JsonElement message) =>
        new Uri(WebUtility.HtmlDecode(EmailLink().Match(message.GetProperty("html").GetString()!).Groups[1].Value)).PathAndQuery;

    [GeneratedRegex("href=\"([^\"]*/links/[^\"?]+)\"")]
    private static partial Regex EmailLink();

    [GeneratedRegex("name=\"formToken\" value=\"([0-9a-f]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("name=\"reportId\" value=\"([0-9a-f]+)\"")]
    private static partial Regex ReportId();

    [GeneratedRegex("name=\"(points-[a-z0-9-]+)\" min=\"0\" max=\"([0-9]+)\"")]
    private static partial Regex ScoreInput();
}
