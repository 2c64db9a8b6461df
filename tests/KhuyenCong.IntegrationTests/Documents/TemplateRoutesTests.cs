using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.IntegrationTests.Staff;
using KhuyenCong.Testing;
using static KhuyenCong.IntegrationTests.Documents.DocumentCalls;

namespace KhuyenCong.IntegrationTests.Documents;

/// <summary>
/// Templates over HTTP as an admin works with them: download the current template, edit it in Word (here with the
/// OpenXML SDK), upload it; refusals name the placeholder or the problem and change nothing; an accepted template makes
/// the next documents, and deleting it brings the shipped one back. The tests of this class change the liquidation's
/// template only, and put the shipped one back.
/// </summary>
[Collection(DocumentsCollection.Name)]
public sealed class TemplateRoutesTests(LocalHostFixture fixture) : IAsyncLifetime
{
    private const string Kind = "liquidation";
    private static readonly Uri TemplateUri = new($"/api/documents/templates/{Kind}", UriKind.Relative);

    private readonly StaffScenario scenario = new(fixture.Host);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        using var admin = scenario.Staff();
        using var reset = await admin.DeleteAsync(TemplateUri);
    }

    private async Task<byte[]> CurrentAsync(HttpClient admin, string expectedSource)
    {
        using var response = await admin.GetAsync(TemplateUri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(expectedSource, response.Headers.GetValues("X-Template-Source").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The template with every text passed through <paramref name="edit"/>, and <paramref name="extra"/> appended as a paragraph.</summary>
    private static byte[] Edited(byte[] template, Func<string, string>? edit = null, string? extra = null, WordprocessingDocumentType? type = null)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var body = document.MainDocumentPart!.Document.Body!;
            foreach (var text in body.Descendants<Text>())
            {
                text.Text = edit?.Invoke(text.Text) ?? text.Text;
            }

            if (extra is not null)
            {
                body.InsertBefore(new Paragraph(new Run(new Text(extra) { Space = SpaceProcessingModeValues.Preserve })), body.GetFirstChild<SectionProperties>());
            }

            if (type is { } t)
            {
                document.ChangeDocumentType(t);
            }
        }

        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient admin, byte[] content) =>
        await admin.PutAsync(TemplateUri, new ByteArrayContent(content) { Headers = { ContentType = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document") } });

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string kind, string subject, string message)
    {
        var body = await ProblemAssert.FieldAsync(response, HttpStatusCode.BadRequest, "template", message);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = json.RootElement.GetProperty("problems").EnumerateArray().First();
        Assert.Equal(kind, problem.GetProperty("kind").GetString());
        Assert.Equal(subject, problem.GetProperty("subject").GetString());
        Assert.Equal(message, body);
    }

    [Fact]
    public async Task PutTemplate_WithoutARequiredPlaceholder_Is400NamingItAndKeepsTheShippedTemplate()
    {
        using var admin = scenario.Staff();
        var shipped = await CurrentAsync(admin, "shipped");

        using var response = await PutAsync(admin, Edited(shipped, t => t.Replace("{{settlement.paidInWords}}", "…", StringComparison.Ordinal)));

        await AssertRefusedAsync(response, "missing-placeholder", "{{settlement.paidInWords}}", "Mẫu thiếu trường bắt buộc {{settlement.paidInWords}}.");
        Assert.Equal(shipped, await CurrentAsync(admin, "shipped"));
    }

    [Fact]
    public async Task PutTemplate_WithAnUnknownPlaceholder_Is400NamingItInEnglish()
    {
        using var admin = scenario.Staff();
        var shipped = await CurrentAsync(admin, "shipped");

        using var response = await admin.PutAsync(new Uri(TemplateUri + "?lang=en", UriKind.Relative),
            new ByteArrayContent(Edited(shipped, extra: "Mã số thuế: {{establishment.vatNumber}}")) { Headers = { ContentType = new("application/octet-stream") } });

        await AssertRefusedAsync(response, "unknown-placeholder", "{{establishment.vatNumber}}", "The placeholder {{establishment.vatNumber}} is not one of this document's placeholders.");
    }

    [Theory]
    [InlineData("council-decision", "{{council.quorum}}")]
    [InlineData("council-minutes", "{{session.present}}")]
    [InlineData("selection-submission", "{{selection.totalInWords}}")]
    [InlineData("plan-decision", "{{plan.totalInWords}}")]
    public async Task PutTemplate_OfACouncilOrCallKind_WithoutARequiredOrWithAnUnknownPlaceholder_Is400NamingIt(string kind, string required)
    {
        using var admin = scenario.Staff();
        var uri = new Uri($"/api/documents/templates/{kind}", UriKind.Relative);
        using var current = await admin.GetAsync(uri);
        var shipped = await current.Content.ReadAsByteArrayAsync();
        static ByteArrayContent Docx(byte[] bytes) => new(bytes) { Headers = { ContentType = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document") } };

        using var missing = await admin.PutAsync(uri, Docx(Edited(shipped, t => t.Replace(required, "…", StringComparison.Ordinal))));
        using var unknown = await admin.PutAsync(uri, Docx(Edited(shipped, extra: "Người dự họp: {{council.guests}}")));

        await AssertRefusedAsync(missing, "missing-placeholder", required, $"Mẫu thiếu trường bắt buộc {required}.");
        await AssertRefusedAsync(unknown, "unknown-placeholder", "{{council.guests}}", "Trường {{council.guests}} không thuộc danh sách trường của loại văn bản này.");
        using var after = await admin.GetAsync(uri);
        Assert.Equal("shipped", after.Headers.GetValues("X-Template-Source").Single());
    }

    [Fact]
    public async Task PutTemplate_NotAWordDocument_Is400()
    {
        using var admin = scenario.Staff();

        using var response = await PutAsync(admin, SampleFiles.Pdf());

        await AssertRefusedAsync(response, "not-docx", string.Empty, "Mẫu phải là tài liệu Word (.docx) mở được bằng Word.");
    }

    [Fact]
    public async Task PutTemplate_LargerThanTheLimit_Is413AndKeepsTheShippedTemplate()
    {
        using var admin = scenario.Staff();
        var shipped = await CurrentAsync(admin, "shipped");

        using var response = await PutAsync(admin, new byte[(5 * 1024 * 1024) + 1]);

        await ProblemAssert.FieldAsync(response, HttpStatusCode.RequestEntityTooLarge, "file", "Tệp lớn hơn 5.120 KB.");
        Assert.Equal(shipped, await CurrentAsync(admin, "shipped"));
    }

    [Fact]
    public async Task PutTemplate_MacroEnabled_Is400NamingMacros()
    {
        using var admin = scenario.Staff();
        var shipped = await CurrentAsync(admin, "shipped");

        using var response = await PutAsync(admin, Edited(shipped, type: WordprocessingDocumentType.MacroEnabledDocument));

        await AssertRefusedAsync(response, "active-content", "macro",
            "Mẫu có chứa macro nên không được chấp nhận: vui lòng lưu lại thành tài liệu Word thông thường (.docx).");
    }

    [Fact]
    public async Task PutTemplate_Edited_MakesTheNextDocumentAndDeleteBringsTheShippedOneBack()
    {
        using var admin = scenario.Staff();
        var shipped = await CurrentAsync(admin, "shipped");
        var edited = Edited(shipped, t => t.Replace("BIÊN BẢN THANH LÝ HỢP ĐỒNG", "BIÊN BẢN THANH LÝ", StringComparison.Ordinal),
            extra: "Ghi chú của Trung tâm: số tiền hoàn trả {{settlement.released}}.");

        using (var put = await PutAsync(admin, edited))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            var body = await put.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("uploaded", body.GetProperty("source").GetString());
            Assert.Equal(IntakeFixture.LocalHostStaffActor, body.GetProperty("uploadedBy").GetString());
        }

        Assert.Equal(edited, await CurrentAsync(admin, "uploaded:"));
        var id = await SettledAsync();
        var document = await GenerateAsync(admin, id, Kind);
        Assert.StartsWith("uploaded:", document.GetProperty("templateSource").GetString(), StringComparison.Ordinal);
        var text = DocxReading.Text(await DownloadAsync(admin, document));
        Assert.Contains("Ghi chú của Trung tâm: số tiền hoàn trả 100.000.000 đồng.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("BIÊN BẢN THANH LÝ HỢP ĐỒNG", text, StringComparison.Ordinal);

        using (var reset = await admin.DeleteAsync(TemplateUri))
        {
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        }

        Assert.Equal(shipped, await CurrentAsync(admin, "shipped"));
        Assert.Equal("shipped", (await GenerateAsync(admin, id, Kind)).GetProperty("templateSource").GetString());
    }

    [Fact]
    public async Task ListTemplates_EveryKind_HasItsPlaceholdersAndItsSource()
    {
        using var admin = scenario.Staff();

        var list = (await admin.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/documents/templates", UriKind.Relative)))!;

        Assert.Equal(["receipt", "contract", "acceptance-minutes", "liquidation", "council-decision", "council-minutes", "selection-submission", "plan-decision", "periodic-report"], list.Select(k => k.GetProperty("kind").GetString()));
        var receipt = list[0];
        Assert.Contains(receipt.GetProperty("placeholders").EnumerateArray(), p => p.GetProperty("name").GetString() == "proposal.trackingCode" && p.GetProperty("required").GetBoolean());
        Assert.Contains(receipt.GetProperty("rows").EnumerateArray().Single().GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "documents.kind");
    }

    /// <summary>A settled proposal: 400.000.000 approved, 300.000.000 paid, 100.000.000 released.</summary>
    private async Task<string> SettledAsync()
    {
        var (id, key) = await scenario.CommittedAsync(400_000_000, KhuyenCong.Domain.Proposals.ProposalStatus.Settled);
        var paid = await scenario.Ledger.RecordPaymentAsync(key, id, "tt-" + id, KhuyenCong.Domain.Budgets.PaymentKind.Final, 300_000_000, "Kế toán", default);
        Assert.Equal(KhuyenCong.Application.Budgets.PaymentOutcome.Paid, paid.Outcome);
        await scenario.Ledger.ReleaseAsync(key, id, "system", default);
        var proposal = (await scenario.Proposals.GetAsync(id, default))!;
        Assert.True(await scenario.Proposals.SaveFundingAsync(id, proposal.Funding with { ApprovedAmount = 400_000_000, PaidAmount = 300_000_000, SettledOn = new DateOnly(2026, 12, 1) }, default));
        return id;
    }
}
