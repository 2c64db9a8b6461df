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

        // The director approves through the emailed link; the amount is committed in the year's local budget.
        await WaitForStatusAsync(staff, id, "awaiting-approval");
        var request = (await WaitForMessagesAsync(web, m => m.Subject().StartsWith("Đề nghị phê duyệt", StringComparison.Ordinal) && m.Subject().Contains(code, StringComparison.Ordinal), what: "the director's email")).Single();
        var approvePath = LinkIn(request);
        var approvePage = await web.GetStringAsync(new Uri(approvePath, UriKind.Relative));
        using (var approved = await web.PostAsync(new Uri(approvePath, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["formToken"] = FormToken().Match(approvePage).Groups[1].Value,
            ["decision"] = "approve",
            ["amount"] = "190000000",
            ["decisionNumber"] = "88/QĐ-SCT",
            ["decisionDate"] = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        await WaitForStatusAsync(staff, id, "approved");
        var approval = (await WaitForMessagesAsync(web, m => m.To(applicant) && m.Subject().Contains("đã được phê duyệt", StringComparison.Ordinal), what: "the approval email")).Single();
        var reportPath = LinkIn(approval);

        // The officer records the contract; finance pays the advance.
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

        await PostAsync(staff, $"/api/proposals/{id}/acceptance", new { acceptedOn = Today(), comment = "Đạt yêu cầu" }, HttpStatusCode.Accepted);
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
        var track = await web.GetFromJsonAsync<JsonElement>(new Uri($"/api/track/{code}", UriKind.Relative));
        Assert.Equal("settled", track.GetProperty("status").GetString());

        // Every email went out once: no send id twice in the outbox.
        var messages = (await MessagesAsync(web)).Where(m => m.Subject().Contains(code, StringComparison.Ordinal)).ToList();
        Assert.Equal(messages.Count, messages.Select(m => (m.Subject(), string.Join(",", m.GetProperty("to").EnumerateArray().Select(t => t.GetString())))).Distinct().Count());
    }

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
