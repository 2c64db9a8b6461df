using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KhuyenCong.Application.Exchange;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Exchange;

/// <summary>
/// <c>POST /api/import/proposals</c>: all or nothing. Every refusal (bad rows, wrong columns, duplicates, wrong file
/// type, limits, a write failing part-way) leaves the Proposals and ProposalIndex tables exactly as they were.
/// </summary>
[Collection(ExchangeCollection.Name)]
public class ImportTests(ExchangeFixture fixture)
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> ImportAsync(HttpContent content, string query = "", KhuyenCong.LocalHost.Hosting.LocalHostApplication? host = null)
    {
        using var client = (host ?? fixture.Host).CreateClient(withFunctionKey: true);
        using var response = await client.PostAsync(new Uri(ImportFiles.ImportUri + query, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private Task<StorageCounts> CountsAsync() => StorageCounts.TakeAsync(fixture.StorageConnectionString);

    private static List<JsonElement> RowErrors(JsonElement body) => body.GetProperty("rowErrors").EnumerateArray().ToList();

    [Fact]
    public async Task Import_ValidCsv_StoresImportedProposalsWithStatusFundingHistoryAndIndexes()
    {
        var first = ImportFiles.SettledRow(2017);
        var second = ImportFiles.SettledRow(2019).With(ProposalColumns.Kind, "training").With(ProposalColumns.ExpectedTrainees, "40")
            .With(ProposalColumns.Title, "Đào tạo nghề may công nghiệp").With(ProposalColumns.Status, "in-progress")
            .With(ProposalColumns.PaidAmount, "60000000").With(ProposalColumns.AcceptedOn, null).With(ProposalColumns.SettledOn, null);
        var before = await CountsAsync();

        var (status, body) = await ImportAsync(ImportFiles.Content(ImportFiles.Csv(first, second)));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(2, body.GetProperty("imported").GetInt32());
        Assert.Equal("Đã nhập 2 đề án.", body.GetProperty("message").GetString());
        var after = await CountsAsync();
        Assert.Equal(before.Proposals + 4, after.Proposals); // record + one history row each
        Assert.Equal(before.ProposalIndex + 6, after.ProposalIndex); // tracking, tax code and year rows each
        var code = body.GetProperty("proposals")[1].GetProperty("trackingCode").GetString()!;
        var stored = await fixture.Proposals.FindByTrackingCodeAsync(code, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(SubmissionChannel.Imported, stored.Channel);
        Assert.Equal(ProposalStatus.InProgress, stored.Status);
        Assert.Equal(60_000_000, stored.Funding.PaidAmount);
        Assert.Equal("125/QĐ-SCT", stored.Funding.DecisionNumber);
        Assert.Equal("KCDP-HY-2016-2020", stored.ProgrammeId);
        var history = Assert.Single(stored.History);
        Assert.StartsWith(ProposalImport.HistoryComment, history.Comment, StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.InProgress, history.To);
        var list = await fixture.Proposals.ListAsync(new Application.Proposals.ProposalListQuery(2019, ProposalStatus.InProgress, ProposalKind.Training, null), CancellationToken.None);
        Assert.Contains(list, p => p.TrackingCode == code);
        Assert.NotEmpty(await fixture.Proposals.FindByTaxCodeAsync(second[ProposalColumns.TaxCode]!, ProposalKind.Training, DateTimeOffset.MinValue, CancellationToken.None));
        using var client = fixture.CreateClient();
        var record = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/proposals/{stored.Id}", UriKind.Relative));
        Assert.Equal("imported", record.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task Import_SameFileTwice_SecondTimeIsAnsweredAsAlreadyImportedAndAddsNothing()
    {
        var file = ImportFiles.Csv(ImportFiles.SettledRow(2016), ImportFiles.SettledRow(2016));
        var (first, _) = await ImportAsync(ImportFiles.Content(file));
        Assert.Equal(HttpStatusCode.Created, first);
        var before = await CountsAsync();

        var (status, body) = await ImportAsync(ImportFiles.Content(file), "?lang=en");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body.GetProperty("imported").GetInt32());
        Assert.Equal(2, body.GetProperty("alreadyImported").GetInt32());
        Assert.Equal("This file was already imported: 2 proposals already stored, none new.", body.GetProperty("message").GetString());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_BadRows_Returns422WithEveryRowErrorAndStoresNothing()
    {
        var before = await CountsAsync();
        var file = ImportFiles.Csv(
            ImportFiles.SettledRow(),
            ImportFiles.SettledRow().With(ProposalColumns.ApprovedAmount, "250000000"),
            ImportFiles.SettledRow().With(ProposalColumns.Status, "finished").With(ProposalColumns.Email, "not-an-email"),
            ImportFiles.SettledRow().With(ProposalColumns.SettledOn, "2010-01-01"));

        var (status, body) = await ImportAsync(ImportFiles.Content(file));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(4, body.GetProperty("dataRows").GetInt32());
        var errors = RowErrors(body).Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(3, "approvedAmount"), (4, "email"), (4, "status"), (5, "settledOn")], errors.Order());
        var approved = RowErrors(body).First(e => e.GetProperty("row").GetInt32() == 3);
        Assert.Equal("Kinh phí được duyệt (đồng)", approved.GetProperty("column").GetString());
        Assert.Equal("Kinh phí được duyệt không được lớn hơn kinh phí đề nghị hỗ trợ.", approved.GetProperty("message").GetString());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_BadRowsInEnglish_AnswersInEnglish()
    {
        var (status, body) = await ImportAsync(ImportFiles.Content(ImportFiles.Csv(ImportFiles.SettledRow().With(ProposalColumns.PaidAmount, "190000000"))), "?lang=en");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("The import file has errors.", body.GetProperty("title").GetString());
        Assert.Equal("The paid amount cannot exceed the approved amount.", Assert.Single(RowErrors(body)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Import_WrongColumns_Returns422OnTheHeaderRowAndStoresNothing()
    {
        var before = await CountsAsync();
        var columns = ProposalColumns.All.Select(c => c.Code).Where(c => c != ProposalColumns.TaxCode).Append("Ghi chú").ToList();

        var (status, body) = await ImportAsync(ImportFiles.Content(ImportFiles.Csv(columns, ImportFiles.SettledRow())));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var errors = RowErrors(body);
        Assert.All(errors, e => Assert.Equal(1, e.GetProperty("row").GetInt32()));
        Assert.Contains(errors, e => e.GetProperty("column").GetString() == "Ghi chú");
        Assert.Contains(errors, e => e.GetProperty("message").GetString() == "Thiếu cột bắt buộc \"Mã số thuế\".");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_DuplicateTrackingCodes_InTheFileOrAlreadyStored_AreRowErrorsAndNothingIsStored()
    {
        using var client = fixture.CreateClient();
        using var submitted = await client.PostAsync(ProposalForms.SubmitUri, ProposalForms.Json(ProposalForms.Valid()));
        var storedCode = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
        var twice = KhuyenCong.Domain.Tracking.TrackingCode.New().Value;
        var before = await CountsAsync();
        var file = ImportFiles.Csv(
            ImportFiles.SettledRow().With(ProposalColumns.TrackingCode, twice),
            ImportFiles.SettledRow().With(ProposalColumns.TrackingCode, twice),
            ImportFiles.SettledRow().With(ProposalColumns.TrackingCode, storedCode.ToLowerInvariant()),
            ImportFiles.SettledRow());

        var (status, body) = await ImportAsync(ImportFiles.Content(file));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var errors = RowErrors(body);
        Assert.Equal([3], errors.Select(e => e.GetProperty("row").GetInt32()));
        Assert.Contains("dòng 2", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());

        // Once the file itself is fine, the code already stored (an online proposal) is still refused.
        var (again, secondBody) = await ImportAsync(ImportFiles.Content(ImportFiles.Csv(
            ImportFiles.SettledRow(), ImportFiles.SettledRow().With(ProposalColumns.TrackingCode, storedCode))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again);
        var stored = Assert.Single(RowErrors(secondBody));
        Assert.Equal(3, stored.GetProperty("row").GetInt32());
        Assert.Equal($"Đề án có mã hồ sơ {storedCode} đã có trong hệ thống.", stored.GetProperty("message").GetString());
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("binary")]
    [InlineData("zip")]
    [InlineData("latin1")]
    public async Task Import_WrongFileType_Returns415AndStoresNothing(string kind)
    {
        var before = await CountsAsync();
        byte[] bytes = kind switch
        {
            "pdf" => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF"),
            "binary" => [0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x10],
            "zip" => ZipWith("word/document.xml"),
            _ => Encoding.Latin1.GetBytes("Mã hồ sơ,Tên đề án\nx,Công ty Đồng"),
        };

        var (status, body) = await ImportAsync(ImportFiles.Content(bytes, "application/octet-stream"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Contains("CSV", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_Xlsx_IsRecognisedByContentAndImported()
    {
        var row = ImportFiles.SettledRow(2015);
        using var stream = new MemoryStream();
        await new Infrastructure.Exchange.SpreadsheetFiles().WriteAsync(stream, SpreadsheetFormat.Xlsx, ProposalExport.Header,
            [ProposalColumns.All.Select(c => c.Kind is ColumnKind.Amount or ColumnKind.Count && row.GetValueOrDefault(c.Code) is { } n ? (object?)long.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : row.GetValueOrDefault(c.Code)).ToList()],
            CancellationToken.None);

        // Sent as a multipart form with a misleading name and type: the content decides.
        using var form = new MultipartFormDataContent
        {
            { new StringContent(fixture.Host.StaffFormToken()), "csrfToken" },
            { ImportFiles.Content(stream.ToArray(), "text/plain"), "file", "de-an.csv" },
        };
        var (status, body) = await ImportAsync(form);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("xlsx", body.GetProperty("format").GetString());
        Assert.Equal(1, body.GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task Import_OverTheSizeOrRowLimit_Returns413AndStoresNothing()
    {
        var before = await CountsAsync();
        var rows = Enumerable.Range(0, ExchangeFixture.SmallMaxImportRows + 1).Select(_ => ImportFiles.SettledRow()).ToArray();

        var (tooMany, _) = await ImportAsync(ImportFiles.Content(ImportFiles.Csv(rows)), host: fixture.LimitsHost);
        var padding = new string(' ', ExchangeFixture.SmallMaxImportBytes);
        var (tooLarge, body) = await ImportAsync(ImportFiles.Content([.. ImportFiles.Csv(ImportFiles.SettledRow()), .. Encoding.UTF8.GetBytes(padding)]), host: fixture.LimitsHost);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge);
        Assert.Contains("KB", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_WriteFailingPartWay_RemovesWhatWasWritten()
    {
        var before = await CountsAsync();
        fixture.Faults.FailCreate(2);
        try
        {
            using var client = fixture.LimitsHost.CreateClient(withFunctionKey: true);
            using var response = await client.PostAsync(new Uri(ImportFiles.ImportUri.ToString(), UriKind.Relative),
                ImportFiles.Content(ImportFiles.Csv(ImportFiles.SettledRow(), ImportFiles.SettledRow(), ImportFiles.SettledRow())));

            // A storage failure answers 503 with Retry-After (the client may send the same file again), never a 500.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
        }
        finally
        {
            fixture.Faults.FailCreate(0);
        }

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_EmptyBody_Returns400()
    {
        var (status, _) = await ImportAsync(ImportFiles.Content([]));

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    private static byte[] ZipWith(string entryName)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entryName).Open());
            writer.Write("<w:document/>");
        }

        return buffer.ToArray();
    }
}
