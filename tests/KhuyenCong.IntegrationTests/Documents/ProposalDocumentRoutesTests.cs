using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.IntegrationTests.Staff;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;
using static KhuyenCong.IntegrationTests.Documents.DocumentCalls;

namespace KhuyenCong.IntegrationTests.Documents;

/// <summary>
/// A proposal's documents over HTTP on LocalHost and Azurite: each kind generated from the shipped template at the
/// stage where its facts exist, read back as valid DOCX with the figures in Vietnamese formats; refused with 409 naming
/// why before that, storing nothing; listed, downloaded safely, and signed scans uploaded back.
/// </summary>
[Collection(DocumentsCollection.Name)]
public partial class ProposalDocumentRoutesTests(LocalHostFixture fixture)
{
    /// <summary>Who generated or uploaded, as recorded: LocalHost's staff member's name and Entra object id.</summary>
    private const string Officer = IntakeFixture.LocalHostStaffActor;

    private readonly StaffScenario scenario = new(fixture.Host);

    private IProposalPayments Payments => fixture.Host.Services.GetRequiredService<IProposalPayments>();

    /// <summary>An approved proposal (590.000.000 đồng, decision 88/QĐ-SCT of 20/04/2026) with or without its contract recorded.</summary>
    private async Task<(string Id, BudgetKey Key)> ApprovedAsync(bool withContract)
    {
        var (id, key) = await scenario.CommittedAsync(590_000_000, ProposalStatus.Approved);
        Assert.True(await scenario.Cases.SaveApprovalAsync(id, new ApprovalRecord(1, DirectorOutcome.Approve, 590_000_000, "88/QĐ-SCT", new DateOnly(2026, 4, 20), null, "Giám đốc", DateTimeOffset.UtcNow), default));
        if (withContract)
        {
            Assert.True(await scenario.Cases.SaveContractAsync(id, new ContractRecord("21/2026/HĐ-TTKC", new DateOnly(2026, 5, 5), "Ký tại Trung tâm", Officer, DateTimeOffset.UtcNow), default));
        }

        return (id, key);
    }

    [Fact]
    public async Task GenerateReceipt_OfASubmittedProposal_IsAValidDocxWithTheReceiptsFacts()
    {
        var id = await scenario.SubmitAsync("Máy cắt CNC cho xưởng cơ khí");
        using var staff = scenario.Staff();

        var document = await GenerateAsync(staff, id, "receipt");

        var proposal = (await scenario.Proposals.GetAsync(id, default))!;
        var received = DateOnly.FromDateTime(proposal.SubmittedAt.ToOffset(VietnamTime.Offset).DateTime);
        Assert.Equal("receipt", document.GetProperty("kind").GetString());
        Assert.Equal(proposal.TrackingCode, document.GetProperty("number").GetString());
        Assert.Equal($"giay-tiep-nhan-ho-so-{proposal.TrackingCode}-{received:yyyy-MM-dd}.docx", document.GetProperty("fileName").GetString());
        Assert.Equal(Officer, document.GetProperty("generatedBy").GetString());
        Assert.Equal("shipped", document.GetProperty("templateSource").GetString());
        var text = DocxReading.Text(await DownloadAsync(staff, document));
        Assert.Contains("Số: " + proposal.TrackingCode, text, StringComparison.Ordinal);
        Assert.Contains("Cơ sở: Công ty TNHH Cơ khí Phố Nối", text, StringComparison.Ordinal);
        Assert.Contains("Tên đề án: Máy cắt CNC cho xưởng cơ khí", text, StringComparison.Ordinal);
        Assert.Contains("Kinh phí đề nghị hỗ trợ: 600.000.000 đồng (bằng chữ: Sáu trăm triệu đồng).", text, StringComparison.Ordinal);
        Assert.Contains($"Ngày tiếp nhận: {received:dd/MM/yyyy}.", text, StringComparison.Ordinal);
        Assert.Matches(@"Hẹn trả lời: chậm nhất ngày \d{2}/\d{2}/\d{4} \(15 ngày làm việc", text);
        Assert.Contains($"Hưng Yên, ngày {received:dd} tháng {(received.Month <= 2 ? received.Month.ToString("00", System.Globalization.CultureInfo.InvariantCulture) : received.Month.ToString(System.Globalization.CultureInfo.InvariantCulture))} năm {received.Year}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateContract_BeforeApproval_Is409NamingWhyAndStoresNothing()
    {
        var id = await scenario.InScreeningAsync();
        using var staff = scenario.Staff();

        using var response = await staff.PostAsync(new Uri($"/api/proposals/{id}/documents/contract", UriKind.Relative), null);

        var problem = await ProblemAssert.StatusAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("Đề án chưa được phê duyệt: chưa có quyết định phê duyệt kinh phí để lập hợp đồng.", problem.GetProperty("detail").GetString());
        Assert.Empty(await ListAsync(staff, id));
        Assert.Empty(await DocumentBlobsAsync(id));
    }

    [Fact]
    public async Task GeneratePeriodicReport_OnAProposal_Is409NamingTheReportsPageAndStoresNothing()
    {
        var (id, _) = await ApprovedAsync(withContract: true);
        using var staff = scenario.Staff();

        using var response = await staff.PostAsync(new Uri($"/api/proposals/{id}/documents/periodic-report", UriKind.Relative), null);

        var problem = await ProblemAssert.StatusAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("Báo cáo định kỳ công tác khuyến công được lập từ trang Báo cáo theo kỳ báo cáo, không lập trên trang của đề án.", problem.GetProperty("detail").GetString());
        Assert.Empty(await ListAsync(staff, id));
        Assert.Empty(await DocumentBlobsAsync(id));
    }

    [Fact]
    public async Task GenerateContract_ApprovedButNotRecorded_Is409InEnglishToo()
    {
        var (id, _) = await ApprovedAsync(withContract: false);
        using var staff = scenario.Staff();

        using var response = await staff.PostAsync(new Uri($"/api/proposals/{id}/documents/contract?lang=en", UriKind.Relative), null);

        var problem = await ProblemAssert.StatusAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("The contract (number, date) has not been recorded yet: record it before generating the contract.", problem.GetProperty("detail").GetString());
        Assert.Empty(await ListAsync(staff, id));
    }

    [Fact]
    public async Task GenerateContract_OnceRecorded_IsNumberedByTheContractWithTheAmountInWords()
    {
        var (id, _) = await ApprovedAsync(withContract: true);
        using var staff = scenario.Staff();

        var document = await GenerateAsync(staff, id, "contract");

        Assert.Equal("21/2026/HĐ-TTKC", document.GetProperty("number").GetString());
        Assert.Equal("2026-05-05", document.GetProperty("date").GetString());
        Assert.Equal("hop-dong-21-2026-HD-TTKC-2026-05-05.docx", document.GetProperty("fileName").GetString());
        var text = DocxReading.Text(await DownloadAsync(staff, document));
        Assert.Contains("Số: 21/2026/HĐ-TTKC", text, StringComparison.Ordinal);
        Assert.Contains("Hưng Yên, ngày 05 tháng 5 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("Căn cứ Quyết định số 88/QĐ-SCT ngày 20/04/2026", text, StringComparison.Ordinal);
        Assert.Contains("kinh phí khuyến công hỗ trợ: 590.000.000 đồng (bằng chữ: Năm trăm chín mươi triệu đồng)", text, StringComparison.Ordinal);
        Assert.Contains("Tổng kinh phí thực hiện đề án: 2.000.000.000 đồng", text, StringComparison.Ordinal);
        Assert.Contains("Từ ngày 01/05/2027 đến ngày 31/12/2027.", text, StringComparison.Ordinal);
        Assert.Contains("BÊN B (đơn vị thụ hưởng): Công ty TNHH Cơ khí Phố Nối", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAcceptanceMinutes_BeforeAcceptance_Is409()
    {
        var (id, _) = await ApprovedAsync(withContract: true);
        using var staff = scenario.Staff();

        using var response = await staff.PostAsync(new Uri($"/api/proposals/{id}/documents/acceptance-minutes", UriKind.Relative), null);

        var problem = await ProblemAssert.StatusAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("Đề án chưa được nghiệm thu: chưa có xác nhận nghiệm thu để lập biên bản.", problem.GetProperty("detail").GetString());
        Assert.Empty(await ListAsync(staff, id));
    }

    [Fact]
    public async Task GenerateAcceptanceMinutes_OnceAccepted_ListsThePapersAndTakesTheNextNumber()
    {
        var (id, _) = await ApprovedAsync(withContract: true);
        var uploaded = new DateTimeOffset(2026, 11, 8, 2, 0, 0, TimeSpan.Zero);
        await scenario.Proposals.AddAttachmentsAsync(id, [new AttachmentInfo("nt-1", "bien-ban-nghiem-thu.pdf", "application/pdf", 870_000, "ab", uploaded, AttachmentPurposes.Acceptance)], default);
        await scenario.Cases.AddReportAsync(id, new ProgressReport("r-nt", true, "Đã lắp đặt và chạy thử máy cắt CNC.", ["nt-1"], uploaded), default);
        Assert.True(await scenario.Cases.SaveAcceptanceAsync(id, new AcceptanceRecord(new DateOnly(2026, 11, 10), "Đạt yêu cầu", Officer, DateTimeOffset.UtcNow), default));
        using var staff = scenario.Staff();

        var first = await GenerateAsync(staff, id, "acceptance-minutes");
        var second = await GenerateAsync(staff, id, "acceptance-minutes");

        var number = NumberPattern().Match(first.GetProperty("number").GetString()!);
        Assert.True(number.Success, first.GetProperty("number").GetString());
        var next = NumberPattern().Match(second.GetProperty("number").GetString()!);
        Assert.True(int.Parse(next.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > int.Parse(number.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("2026-11-10", first.GetProperty("date").GetString());
        var bytes = await DownloadAsync(staff, first);
        var text = DocxReading.Text(bytes);
        Assert.Contains("Số: " + first.GetProperty("number").GetString(), text, StringComparison.Ordinal);
        Assert.Contains("Hôm nay, ngày 10 tháng 11 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("Căn cứ Hợp đồng số 21/2026/HĐ-TTKC ngày 05/05/2026", text, StringComparison.Ordinal);
        Assert.Contains("1. Báo cáo kết quả của cơ sở: Đã lắp đặt và chạy thử máy cắt CNC.", text, StringComparison.Ordinal);
        Assert.Contains("được nghiệm thu ngày 10/11/2026. Ý kiến: Đạt yêu cầu", text, StringComparison.Ordinal);
        Assert.Contains(["1", "bien-ban-nghiem-thu.pdf", "Tài liệu PDF", "850 KB", "08/11/2026"], DocxReading.Tables(bytes).SelectMany(t => t));
    }

    [Fact]
    public async Task GenerateAcceptanceMinutes_ConcurrentlySixTimes_GivesSixDistinctNumbers()
    {
        var (id, _) = await ApprovedAsync(withContract: true);
        Assert.True(await scenario.Cases.SaveAcceptanceAsync(id, new AcceptanceRecord(new DateOnly(2026, 11, 10), null, Officer, DateTimeOffset.UtcNow), default));
        using var staff = scenario.Staff();

        var documents = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => GenerateAsync(staff, id, "acceptance-minutes")));

        Assert.Equal(6, documents.Select(d => d.GetProperty("number").GetString()).Distinct().Count());
        Assert.Equal(6, (await ListAsync(staff, id)).Count);
    }

    [Fact]
    public async Task GenerateLiquidation_BeforeSettlement_Is409()
    {
        var (id, _) = await ApprovedAsync(withContract: true);
        using var staff = scenario.Staff();

        using var response = await staff.PostAsync(new Uri($"/api/proposals/{id}/documents/liquidation", UriKind.Relative), null);

        var problem = await ProblemAssert.StatusAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("Đề án chưa được quyết toán: chưa có số liệu thanh toán cuối cùng để thanh lý hợp đồng.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GenerateLiquidation_OnceSettled_StatesApprovedPaidAndReleasedInFiguresAndWords()
    {
        var (id, key) = await ApprovedAsync(withContract: true);
        foreach (var (paymentId, kind, amount) in new[] { ("tu-" + id, PaymentKind.Advance, 295_000_000L), ("tt-" + id, PaymentKind.Final, 290_000_000L) })
        {
            var paid = await scenario.Ledger.RecordPaymentAsync(key, id, paymentId, kind, amount, "Kế toán", default);
            Assert.Equal(PaymentOutcome.Paid, paid.Outcome);
            await Payments.AddAsync(paid.Payment!, default);
        }

        await scenario.Ledger.ReleaseAsync(key, id, "system", default);
        var proposal = (await scenario.Proposals.GetAsync(id, default))!;
        Assert.True(await scenario.Proposals.SaveFundingAsync(id, proposal.Funding with { PaidAmount = 585_000_000, SettledOn = new DateOnly(2026, 12, 20) }, default));
        using var staff = scenario.Staff();

        var document = await GenerateAsync(staff, id, "liquidation", new { number = "05/BB-TTKC", date = "2026-12-22" });

        Assert.Equal("05/BB-TTKC", document.GetProperty("number").GetString());
        Assert.Equal("bien-ban-thanh-ly-hop-dong-05-BB-TTKC-2026-12-22.docx", document.GetProperty("fileName").GetString());
        var bytes = await DownloadAsync(staff, document);
        var text = DocxReading.Text(bytes);
        Assert.Contains("Hưng Yên, ngày 22 tháng 12 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("a) Kinh phí khuyến công được phê duyệt: 590.000.000 đồng (bằng chữ: Năm trăm chín mươi triệu đồng).", text, StringComparison.Ordinal);
        Assert.Contains("b) Kinh phí Bên A đã thanh toán cho Bên B: 585.000.000 đồng (bằng chữ: Năm trăm tám mươi lăm triệu đồng)", text, StringComparison.Ordinal);
        Assert.Contains("c) Kinh phí không sử dụng, hoàn trả ngân sách: 5.000.000 đồng (bằng chữ: Năm triệu đồng).", text, StringComparison.Ordinal);
        Assert.Contains("quyết toán ngày 20/12/2026", text, StringComparison.Ordinal);
        var payments = DocxReading.Tables(bytes).Single(t => t[0][1] == "Loại thanh toán");
        Assert.Equal(["Tạm ứng", "295.000.000 đồng"], payments[1][1..3]);
        Assert.Equal(["Thanh toán cuối", "290.000.000 đồng"], payments[2][1..3]);
    }

    [Fact]
    public async Task Generate_BadNumberAndDate_Is400NamingBothAndStoresNothing()
    {
        var id = await scenario.SubmitAsync();
        using var staff = scenario.Staff();

        using var response = await staff.PostAsJsonAsync($"/api/proposals/{id}/documents/receipt", new { number = new string('9', 51), date = "05/03/2026" });

        var body = await ProblemAssert.StatusAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["date", "number"], body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Empty(await ListAsync(staff, id));
    }

    [Fact]
    public async Task Generate_UnknownKindOrProposal_Is404()
    {
        var id = await scenario.SubmitAsync();
        using var staff = scenario.Staff();

        using var kind = await staff.PostAsync(new Uri($"/api/proposals/{id}/documents/quyet-dinh", UriKind.Relative), null);
        using var proposal = await staff.PostAsync(new Uri("/api/proposals/khong-co/documents/receipt", UriKind.Relative), null);

        await ProblemAssert.FieldAsync(kind, HttpStatusCode.NotFound, "kind", "Không có loại văn bản này. Các loại văn bản: receipt, contract, acceptance-minutes, liquidation, council-decision, council-minutes, selection-submission, plan-decision, periodic-report.");
        await ProblemAssert.StatusAsync(proposal, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListDocuments_AfterTwoDocuments_ShowsThemNewestFirstWithWhoAndWhen()
    {
        var (id, _) = await ApprovedAsync(withContract: true);
        using var staff = scenario.Staff();
        var receipt = await GenerateAsync(staff, id, "receipt");
        var contract = await GenerateAsync(staff, id, "contract");

        var list = await ListAsync(staff, id);

        Assert.Equal([contract.GetProperty("id").GetString(), receipt.GetProperty("id").GetString()], list.Select(d => d.GetProperty("id").GetString()));
        Assert.All(list, d => Assert.Equal(Officer, d.GetProperty("generatedBy").GetString()));
        Assert.All(list, d => Assert.InRange(d.GetProperty("generatedAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1)));
        Assert.Equal("Hợp đồng thực hiện đề án khuyến công", list[0].GetProperty("name").GetString());
        Assert.Equal(2, (await DocumentBlobsAsync(id)).Count);
    }

    [Fact]
    public async Task UploadSignedScan_Pdf_IsStoredNextToTheDocumentAndServedSafely()
    {
        var id = await scenario.SubmitAsync();
        using var staff = scenario.Staff();
        var document = await GenerateAsync(staff, id, "receipt");
        var scan = SampleFiles.Pdf(4000);

        using var put = await staff.PutAsync(new Uri(document.GetProperty("url").GetString()!.Replace("/file", "/signed", StringComparison.Ordinal), UriKind.Relative),
            new ByteArrayContent(scan) { Headers = { ContentType = new("application/pdf") } });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var updated = await put.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var signed = updated.GetProperty("signed");
        Assert.Equal(SampleFiles.Sha256(scan), signed.GetProperty("sha256").GetString());
        Assert.EndsWith("-da-ky.pdf", signed.GetProperty("fileName").GetString(), StringComparison.Ordinal);
        Assert.Equal(Officer, signed.GetProperty("uploadedBy").GetString());
        using var download = await staff.GetAsync(new Uri(signed.GetProperty("url").GetString()!, UriKind.Relative));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(scan, await download.Content.ReadAsByteArrayAsync());
        Assert.True((await ListAsync(staff, id)).Single().GetProperty("signed").ValueKind == System.Text.Json.JsonValueKind.Object);
    }

    [Fact]
    public async Task UploadSignedScan_NotAScan_Is415AndNothingIsStored()
    {
        var id = await scenario.SubmitAsync();
        using var staff = scenario.Staff();
        var document = await GenerateAsync(staff, id, "receipt");
        var url = new Uri(document.GetProperty("url").GetString()!.Replace("/file", "/signed", StringComparison.Ordinal), UriKind.Relative);

        foreach (var content in new[] { SampleFiles.Exe(), SampleFiles.Docx(), "<html><script>alert(1)</script>"u8.ToArray() })
        {
            using var put = await staff.PutAsync(url, new ByteArrayContent(content) { Headers = { ContentType = new("application/pdf") } });
            await ProblemAssert.FieldAsync(put, HttpStatusCode.UnsupportedMediaType, "file", "Bản quét có chữ ký phải là tệp PDF, JPEG hoặc PNG.");
        }

        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await ListAsync(staff, id)).Single().GetProperty("signed").ValueKind);
        Assert.Single(await DocumentBlobsAsync(id));
    }

    /// <summary>The blobs under the proposal in the documents container (to prove nothing half-made was stored).</summary>
    private async Task<List<string>> DocumentBlobsAsync(string id)
    {
        var container = new Azure.Storage.Blobs.BlobServiceClient(fixture.StorageConnectionString).GetBlobContainerClient("documents");
        var names = new List<string>();
        if (!await container.ExistsAsync())
        {
            return names;
        }

        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, id + "/", default))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    [GeneratedRegex(@"^(\d{2,})/BB-TTKC$")]
    private static partial Regex NumberPattern();
}
