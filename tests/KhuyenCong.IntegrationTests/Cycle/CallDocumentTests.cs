using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Testing;
using static KhuyenCong.IntegrationTests.Documents.DocumentCalls;

namespace KhuyenCong.IntegrationTests.Cycle;

/// <summary>
/// A call's documents over HTTP (issue 15 line 1): the tờ trình of the selected list and the draft plan decision with
/// its annex, each refused with 409 (nothing stored) until the director approved the selection, then made from it
/// with the establishments, places and amounts in Vietnamese formats and the total in words; listed on the call page.
/// </summary>
[Collection(SelectionCollection.Name)]
public sealed class CallDocumentTests(LocalHostFixture fixture)
{
    private readonly CycleTestKit kit = new(fixture);

    /// <summary>A local call with two appraised proposals (averages 90 and 80) and the money for both; the ranked default amounts.</summary>
    private async Task<(Call Call, HttpClient Staff, long[] Amounts)> CallAsync()
    {
        var staff = kit.Staff();
        var call = await kit.CallAsync(FundingSource.Local, CycleTestKit.NewPlanYear());
        await kit.AppraisedAsync(staff, call, 90m, 150_000_000, "Máy sấy nông sản");
        await kit.AppraisedAsync(staff, call, 80m, 100_000_000, "Lò nung gốm");
        var entries = (await CycleTestKit.RankingAsync(staff, call)).GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("maxAmount").GetInt64()).ToArray();
        await kit.Links.SetRemainingAsync(new BudgetKey(call.PlanYear, FundingSource.Local), entries.Sum());
        return (call, staff, entries);
    }

    private static async Task<string> ConflictAsync(HttpClient staff, Call call, string kind)
    {
        using var response = await staff.PostAsync(new Uri($"/api/calls/{call.Id}/documents/{kind}", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task GenerateCallDocuments_BeforeTheDirectorApprovedTheSelection_Are409NamingWhyAndStoreNothing()
    {
        var (call, staff, _) = await CallAsync();
        const string Why = "Danh sách lựa chọn của đợt chưa được Giám đốc duyệt: chưa có danh sách để lập văn bản này.";

        Assert.Equal(Why, await ConflictAsync(staff, call, "selection-submission"));
        Assert.Equal(Why, await ConflictAsync(staff, call, "plan-decision"));
        var (proposed, _) = await CycleTestKit.ProposeAsync(staff, call, new { });
        Assert.Equal(HttpStatusCode.Created, proposed);
        Assert.Equal(Why, await ConflictAsync(staff, call, "selection-submission"));
        Assert.Equal(Why, await ConflictAsync(staff, call, "plan-decision"));
        Assert.Empty(await ListOnAsync(staff, "/api/calls/" + call.Id));
        Assert.Empty(await BlobsUnderAsync(fixture.StorageConnectionString, "call-" + call.Id));
    }

    [Fact]
    public async Task GenerateSelectionSubmission_OfTheApprovedSelection_ListsEachProposalWithPlaceAndAmountAndTheTotalInWords()
    {
        var (call, staff, amounts) = await CallAsync();
        await CycleTestKit.ApprovedSelectionAsync(staff, call);

        var document = await GenerateOnAsync(staff, "/api/calls/" + call.Id, "selection-submission");

        var today = VietnamTime.Today(TimeProvider.System);
        Assert.Matches("^\\d{2,}/TTr-SCT$", document.GetProperty("number").GetString()!);
        Assert.EndsWith($"-TTr-SCT-{today:yyyy-MM-dd}.docx", document.GetProperty("fileName").GetString(), StringComparison.Ordinal);
        var docx = await DownloadAsync(staff, document);
        var text = DocxReading.Text(docx);
        var total = amounts.Sum();
        Assert.Contains("TỜ TRÌNH", text, StringComparison.Ordinal);
        Assert.Contains($"Đề nghị phê duyệt danh sách đề án khuyến công năm {call.PlanYear}", text, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Ủy ban nhân dân tỉnh Hưng Yên", text, StringComparison.Ordinal);
        Assert.Contains("danh sách lựa chọn đã được Giám đốc duyệt ngày " + today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains($"Tổng cộng: 2 đề án, kinh phí khuyến công đề nghị phê duyệt {OfficialFormat.Money(total)} (bằng chữ: {AmountInWords.Dong(total)}).", text, StringComparison.Ordinal);
        var rows = DocxReading.Tables(docx).Single(t => t[0][0] == "STT").Skip(1).ToList();
        Assert.Equal(["1", "Công ty TNHH Cơ khí Hưng Phát", "Máy sấy nông sản", "Phường Phố Hiến, Hưng Yên", OfficialFormat.Money(amounts[0])], rows[0]);
        Assert.Equal(["2", "Công ty TNHH Cơ khí Hưng Phát", "Lò nung gốm", "Phường Phố Hiến, Hưng Yên", OfficialFormat.Money(amounts[1])], rows[1]);
        Assert.Matches(@"\d{1,3}(\.\d{3})+ đồng", rows[0][4]);
    }

    [Fact]
    public async Task GeneratePlanDecision_BeforeThePlanIsDecided_IsADraftWithItsAnnexTotalsAndTheCallPageListsIt()
    {
        var (call, staff, amounts) = await CallAsync();
        await CycleTestKit.ApprovedSelectionAsync(staff, call);

        var document = await GenerateOnAsync(staff, "/api/calls/" + call.Id, "plan-decision");

        Assert.Equal("…/QĐ-SCT", document.GetProperty("number").GetString());
        var docx = await DownloadAsync(staff, document);
        var text = DocxReading.Text(docx);
        var total = amounts.Sum();
        Assert.Contains($"Về việc phê duyệt kế hoạch khuyến công năm {call.PlanYear} (Khuyến công địa phương)", text, StringComparison.Ordinal);
        Assert.Contains($"gồm 2 đề án với tổng kinh phí {OfficialFormat.Money(total)} (bằng chữ: {AmountInWords.Dong(total)})", text, StringComparison.Ordinal);
        Assert.Contains($"Danh sách đề án khuyến công năm {call.PlanYear} (Dự thảo)", text, StringComparison.Ordinal);
        Assert.Contains("Số: …/QĐ-SCT\nDỰ THẢO", text, StringComparison.Ordinal); // the boxed draft mark under the number
        Assert.Empty(DocxReading.ValidationErrors(docx));
        Assert.Contains("(Kèm theo Quyết định số …/QĐ-SCT ngày ", text, StringComparison.Ordinal);
        var annex = DocxReading.Tables(docx).Single(t => t[0][0] == "STT").Skip(1).ToList();
        Assert.Equal([["1", "Công ty TNHH Cơ khí Hưng Phát", "Máy sấy nông sản", "Phường Phố Hiến, Hưng Yên", OfficialFormat.Money(amounts[0])],
            ["2", "Công ty TNHH Cơ khí Hưng Phát", "Lò nung gốm", "Phường Phố Hiến, Hưng Yên", OfficialFormat.Money(amounts[1])]], annex);
        var page = await staff.GetStringAsync(new Uri($"/staff/calls?edit={call.Id}", UriKind.Relative));
        Assert.Contains("id=\"van-ban\"", page, StringComparison.Ordinal);
        Assert.Contains("Dự thảo quyết định phê duyệt kế hoạch khuyến công</a>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"generate-selection-submission\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateCallDocuments_AfterTheSubmissionIsRecorded_TakeItsNumberAndDate()
    {
        var (call, staff, _) = await CallAsync();
        await CycleTestKit.ApprovedSelectionAsync(staff, call);
        var today = VietnamTime.Today(TimeProvider.System);
        var (submitted, _) = await CycleTestKit.PlanStepAsync(staff, call, "submission", new { number = "125/TTr-SCT", date = today });
        Assert.Equal(HttpStatusCode.OK, submitted);

        var submission = await GenerateOnAsync(staff, "/api/calls/" + call.Id, "selection-submission");
        var plan = await GenerateOnAsync(staff, "/api/calls/" + call.Id, "plan-decision");

        Assert.Equal("125/TTr-SCT", submission.GetProperty("number").GetString());
        Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), submission.GetProperty("date").GetString());
        var text = DocxReading.Text(await DownloadAsync(staff, plan));
        Assert.Contains($"Xét Tờ trình số 125/TTr-SCT ngày {today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} về việc", text, StringComparison.Ordinal);
        Assert.Equal(2, (await ListOnAsync(staff, "/api/calls/" + call.Id)).Count);
    }
}
