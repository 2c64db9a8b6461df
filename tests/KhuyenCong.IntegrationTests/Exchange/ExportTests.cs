using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KhuyenCong.Application.Exchange;
using KhuyenCong.Infrastructure.Exchange;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Exchange;

/// <summary><c>GET /api/proposals/export</c>: CSV and XLSX with the exchange headers, diacritics intact, formula-like values neutralised.</summary>
[Collection(ExchangeCollection.Name)]
public class ExportTests(ExchangeFixture fixture) : IAsyncLifetime
{
    private const string Hyperlink = "=HYPERLINK(\"http://evil.example\",\"Bấm vào đây\")";
    private const string PlusPhone = "+84 Cơ sở Đồng Tâm";
    private static readonly string HyperlinkTaxCode = ProposalForms.NewTaxCode();
    private static readonly string PlusTaxCode = ProposalForms.NewTaxCode();
    private static readonly SemaphoreSlim SeedOnce = new(1, 1);
    private static bool seeded;

    // The two proposals are submitted once for the class (xunit makes an instance per test).
    public async Task InitializeAsync()
    {
        await SeedOnce.WaitAsync();
        try
        {
            if (seeded)
            {
                return;
            }

            using var client = fixture.CreateClient();
            foreach (var (organization, title, kind, taxCode) in new[]
            {
                (Hyperlink, "Máy sấy nông sản công nghệ mới", "machinery", HyperlinkTaxCode),
                (PlusPhone, "Đào tạo nghề mây tre đan xuất khẩu", "training", PlusTaxCode),
            })
            {
                var form = ProposalForms.Valid().With("organizationName", organization).With("title", title).With("kind", kind).With("taxCode", taxCode);
                using var response = await client.PostAsync(ProposalForms.SubmitUri, ProposalForms.Json(form));
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            }

            seeded = true;
        }
        finally
        {
            SeedOnce.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpResponseMessage Response, byte[] Body)> ExportAsync(string query)
    {
        using var client = fixture.CreateClient();
        var response = await client.GetAsync(new Uri("/api/proposals/export" + query, UriKind.Relative));
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Export_Csv_IsUtf8WithBomVietnameseHeadersAndSafeCells()
    {
        var (response, body) = await ExportAsync("?format=csv&q=" + HyperlinkTaxCode);
        using var _ = response;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^de-an-khuyen-cong-\d{4}-\d{4}\.csv$|^de-an-khuyen-cong-\d{4}\.csv$", response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? string.Empty);
        Assert.Equal(Encoding.UTF8.GetPreamble(), body[..3]);
        var text = Encoding.UTF8.GetString(body[3..]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Mã hồ sơ,Tên đề án,\"Tên tổ chức, cơ sở\",Mã số thuế,", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Bấm vào đây\"\")\"", text, StringComparison.Ordinal);
        Assert.Contains("Máy sấy nông sản công nghệ mới", text, StringComparison.Ordinal);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
        var rows = new SpreadsheetFiles().Read(body, SpreadsheetFormat.Csv, new SpreadsheetLimits(101, ProposalColumns.All.Count), CancellationToken.None).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(ProposalExport.Header, rows[0].Cells);
        var requested = rows[1].Cells[ProposalColumns.All.ToList().FindIndex(c => c.Code == ProposalColumns.RequestedSupport)];
        Assert.Equal("250000000", requested);
    }

    [Fact]
    public async Task Export_Xlsx_HasTheHeadersAndTextCellsWithApostrophesAndNumbersAsNumbers()
    {
        var (response, body) = await ExportAsync("?format=xlsx&q=" + PlusTaxCode);
        using var _ = response;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var files = new SpreadsheetFiles();
        Assert.Equal(SpreadsheetFormat.Xlsx, files.Detect(body));
        var rows = files.Read(body, SpreadsheetFormat.Xlsx, new SpreadsheetLimits(101, ProposalColumns.All.Count), CancellationToken.None).ToList();
        Assert.Equal(ProposalExport.Header, rows[0].Cells);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal("'" + PlusPhone, row.Cells[2]);
        Assert.Equal("Đào tạo nghề mây tre đan xuất khẩu", row.Cells[1]);
        using var zip = new ZipArchive(new MemoryStream(body));
        var sheet = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Contains("t=\"n\"", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<x:f>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_FilteredByKind_HoldsOnlyThatKind()
    {
        var (response, body) = await ExportAsync("?kind=training&q=" + PlusTaxCode);
        using var _ = response;

        var rows = new SpreadsheetFiles().Read(body, SpreadsheetFormat.Csv, new SpreadsheetLimits(101, ProposalColumns.All.Count), CancellationToken.None).ToList();
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal("training", row.Cells[10]);
        var (other, otherBody) = await ExportAsync("?kind=machinery&q=" + PlusTaxCode);
        using var __ = other;
        Assert.Single(new SpreadsheetFiles().Read(otherBody, SpreadsheetFormat.Csv, new SpreadsheetLimits(101, ProposalColumns.All.Count), CancellationToken.None).ToList());
    }

    [Fact]
    public async Task Export_YearWithoutProposals_IsTheHeaderOnly()
    {
        var (response, body) = await ExportAsync("?from=2001&to=2002&format=csv");
        using var _ = response;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(new SpreadsheetFiles().Read(body, SpreadsheetFormat.Csv, new SpreadsheetLimits(101, ProposalColumns.All.Count), CancellationToken.None).ToList());
        Assert.Equal("de-an-khuyen-cong-2001-2002.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Theory]
    [InlineData("?format=pdf", "format")]
    [InlineData("?year=2020&from=2019", "year")]
    [InlineData("?from=2021&to=2019", "from")]
    [InlineData("?status=done", "status")]
    public async Task Export_WrongFilter_Returns400NamingIt(string query, string field)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/proposals/export" + query, UriKind.Relative));

        await ProblemAssert.FieldAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Export_InEnglishWithWrongFormat_AnswersInEnglish()
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/proposals/export?format=doc&lang=en", UriKind.Relative));

        await ProblemAssert.FieldAsync(response, HttpStatusCode.BadRequest, "format", "format must be csv or xlsx.");
    }

    [Fact]
    public async Task Export_WithoutKey_Returns401()
    {
        using var client = fixture.Host.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/proposals/export", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
