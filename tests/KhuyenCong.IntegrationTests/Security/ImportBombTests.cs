using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;
using Xunit.Abstractions;

namespace KhuyenCong.IntegrationTests.Security;

/// <summary>A collection run alone (no other test runs meanwhile), so the whole process's CPU and allocations measure one request.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ImportBombCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "Import bombs, measured alone";
}

/// <summary>
/// Issue 11, finding 2, over HTTP: every hostile file sent to <c>POST /api/import/proposals</c> or
/// <c>POST /api/geography/communes</c> answers 4xx with a problem in the user's language naming what is wrong, changes
/// nothing stored, and costs the whole LocalHost process less than 1 s of CPU and 64 MB of allocations. These are
/// safety bounds on resource use, not speed targets (a refusal takes a few milliseconds); the code before the fix
/// broke them (A1:XFD2 took 2.3 s of CPU and 2.3 GB on this machine, 11 s when reported; 200 such rows ran for
/// minutes; a 20 MB shared string in 22 KB raised memory by 165 MB) or answered 201/422 about the rows instead of
/// naming the problem.
/// </summary>
[Collection(ImportBombCollection.Name)]
public class ImportBombTests(LocalHostFixture fixture, ITestOutputHelper output)
{
    private const long MaxAllocatedBytes = 64L * 1024 * 1024;
    private const string CommuneHeader = "province_code,province_name,commune_code,commune_name,old_commune_names,effective_from";
    private static readonly TimeSpan MaxCpu = TimeSpan.FromSeconds(1);

    /// <summary>Each hostile proposal file: how it is built, the status, and a phrase of the Vietnamese and of the English answer.</summary>
    private static readonly Dictionary<string, (Func<byte[]> Build, HttpStatusCode Status, string Vietnamese, string English)> ProposalFiles = new(StringComparer.Ordinal)
    {
        ["declared dimension A1:XFD2"] = (() => HostileFiles.DeclaredDimension("A1:XFD2"), HttpStatusCode.UnprocessableEntity,
            "Trang tính khai báo vùng A1:XFD2 nằm ngoài 45 cột", "The sheet declares the range A1:XFD2, beyond the 45 columns"),
        ["200 rows declaring A1:XFD200"] = (() => HostileFiles.DeclaredDimension("A1:XFD200", 200), HttpStatusCode.UnprocessableEntity,
            "vùng A1:XFD200 nằm ngoài 45 cột", "range A1:XFD200, beyond the 45 columns"),
        ["cell XFD1"] = (() => HostileFiles.CellBeyondTemplate(), HttpStatusCode.UnprocessableEntity,
            "Ô XFD1 nằm ngoài 45 cột của mẫu tệp đề án", "Cell XFD1, beyond the 45 columns"),
        ["blank row 2002"] = (() => HostileFiles.BlankRowsBeyond(2002), HttpStatusCode.RequestEntityTooLarge,
            "tối đa 2.000 dòng dữ liệu, kể cả dòng trống, nhưng tệp có dòng 2.002", "at most 2,000 data rows, blank rows included, but the file has row 2,002"),
        ["CSV 100,000 blank lines"] = (() => HostileFiles.CsvBlankLines(100_000), HttpStatusCode.RequestEntityTooLarge,
            "kể cả dòng trống, nhưng tệp có dòng 2.002", "blank rows included, but the file has row 2,002"),
        ["20 MB shared string in 22 KB"] = (() => HostileFiles.HugeSharedString(), HttpStatusCode.RequestEntityTooLarge,
            "Phần xl/sharedStrings.xml của sổ tính bị nén hơn 100 lần", "Part xl/sharedStrings.xml of the workbook is compressed more than 100 to 1"),
        ["100,000-character shared string"] = (() => HostileFiles.LongSharedString(), HttpStatusCode.RequestEntityTooLarge,
            "có hơn 32.767 ký tự", "more than 32,767 characters"),
        ["5,000 entries"] = (() => HostileFiles.ThousandsOfEntries(), HttpStatusCode.RequestEntityTooLarge,
            "Tệp nén của sổ tính có 5.005 mục, nhiều hơn mức cho phép là 256 mục", "holds 5,005 entries; at most 256 are accepted"),
        ["40 MB sheet"] = (() => HostileFiles.PaddedSheet(40 * 1024 * 1024), HttpStatusCode.RequestEntityTooLarge,
            "Phần xl/worksheets/sheet1.xml của sổ tính khi giải nén lớn hơn mức cho phép", "Part xl/worksheets/sheet1.xml of the workbook unpacks to more than"),
        ["sheet declaring 1 GB"] = (() => HostileFiles.LyingSize(1_000_000_000), HttpStatusCode.RequestEntityTooLarge,
            "xl/worksheets/sheet1.xml của sổ tính khi giải nén lớn hơn", "xl/worksheets/sheet1.xml of the workbook unpacks to more than"),
        ["sheet declaring 1,000 bytes, unpacking 10 MB"] = (() => HostileFiles.LyingSize(1000, 10 * 1024 * 1024), HttpStatusCode.UnprocessableEntity,
            "Sổ tính .xlsx bị hỏng: không đọc được phần xl/worksheets/sheet1.xml", "its part xl/worksheets/sheet1.xml cannot be read"),
        ["2 MB sheet compressed 900:1"] = (() => HostileFiles.PaddedSheet(2 * 1024 * 1024), HttpStatusCode.RequestEntityTooLarge,
            "bị nén hơn 100 lần", "compressed more than 100 to 1"),
        ["DTD with XXE and entity expansion"] = (HostileFiles.Dtd, HttpStatusCode.UnprocessableEntity,
            "có khai báo DTD (<!DOCTYPE>)", "declares a DTD (<!DOCTYPE>)"),
        ["truncated workbook"] = (() => HostileFiles.Truncated(), HttpStatusCode.UnprocessableEntity,
            "Sổ tính .xlsx bị hỏng hoặc không đầy đủ", "The .xlsx workbook is damaged or incomplete"),
        ["CSV 4 MB field"] = (() => HostileFiles.CsvHugeField(), HttpStatusCode.RequestEntityTooLarge,
            "Ô C2 có hơn 32.767 ký tự", "Cell C2 holds more than 32,767 characters"),
        ["CSV 1,000,000 columns"] = (() => HostileFiles.CsvManyColumns(), HttpStatusCode.UnprocessableEntity,
            "Dòng 1 có nhiều hơn 45 cột", "Row 1 has more than 45 columns"),
        ["CSV quote never closed"] = (() => HostileFiles.CsvUnclosedQuote(), HttpStatusCode.UnprocessableEntity,
            "dấu ngoặc kép mở ở ô A2 không được đóng lại", "the quote opened in cell A2 is never closed"),
    };

    public static TheoryData<string> ProposalCases() => [.. ProposalFiles.Keys];

    [Theory]
    [MemberData(nameof(ProposalCases))]
    public async Task ImportProposals_HostileFile_Answers4xxNamingTheProblemWithinBoundedCpuAndMemory(string name)
    {
        var (build, status, vietnamese, english) = ProposalFiles[name];
        var file = build();
        using var client = fixture.CreateClient(withFunctionKey: true);
        using var englishClient = fixture.CreateClient(withFunctionKey: true); // ?lang=en is remembered in a cookie
        var before = await StorageCounts.TakeAsync(fixture.StorageConnectionString);
        var (englishStatus, englishProblem) = await PostAsync(englishClient, "/api/import/proposals?lang=en", file); // also warms up the code paths
        (HttpStatusCode Status, JsonElement Problem) answer = default;

        var use = await ResourceUse.OfProcessAsync(async () => answer = await PostAsync(client, "/api/import/proposals", file));
        output.WriteLine($"{name} ({file.Length} bytes): {(int)answer.Status}, {use}");

        Assert.Equal(status, answer.Status);
        Assert.Equal(status, englishStatus);
        var detail = answer.Problem.GetProperty("detail").GetString()!;
        Assert.Contains(vietnamese, detail, StringComparison.Ordinal);
        Assert.Equal([detail], answer.Problem.GetProperty("errors").GetProperty("file").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Tệp nhập bị từ chối: chưa đề án nào được nhập.", answer.Problem.GetProperty("title").GetString());
        Assert.Contains(english, englishProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(use.Cpu < MaxCpu, $"{name}: {use}");
        Assert.True(use.AllocatedBytes < MaxAllocatedBytes, $"{name}: {use}");
        Assert.Equal(before, await StorageCounts.TakeAsync(fixture.StorageConnectionString));
    }

    [Theory]
    [InlineData("4 MB of commas in the header", "rows[1].header", "Dòng có nhiều hơn 6 cột")]
    [InlineData("a 4 MB commune name", "rows[2].commune_name", "Ô dài quá 32.767 ký tự")]
    [InlineData("a quote never closed", "rows[2].row", "Dấu ngoặc kép mở ở dòng này không được đóng lại")]
    [InlineData("a million blank lines", "rows[20002].file", "Tệp có quá 20.000 dòng dữ liệu (kể cả dòng trống)")]
    public async Task ImportCommunes_HostileFile_Answers422NamingTheLineWithinBoundedCpuAndMemory(string kind, string key, string message)
    {
        var text = kind switch
        {
            "4 MB of commas in the header" => CommuneHeader + new string(',', 4 * 1024 * 1024) + "\n",
            "a 4 MB commune name" => CommuneHeader + "\nhung-yen,Hưng Yên,01," + new string('x', 4 * 1024 * 1024) + ",,2025-07-01\n",
            "a quote never closed" => CommuneHeader + "\nhung-yen,\"Hưng Yên,01,Xã A,,2025-07-01\n" + new string('x', 1000),
            _ => CommuneHeader + "\nhung-yen,Hưng Yên,01,Xã A,,2025-07-01\n" + new string('\n', 1_000_000),
        };
        var file = Encoding.UTF8.GetBytes(text);
        using var client = fixture.CreateClient(withFunctionKey: true);
        var communes = await CountCommunesAsync();
        _ = await PostAsync(client, "/api/geography/communes", file); // warms up the code paths
        (HttpStatusCode Status, JsonElement Problem) answer = default;

        var use = await ResourceUse.OfProcessAsync(async () => answer = await PostAsync(client, "/api/geography/communes", file));
        output.WriteLine($"{kind} ({file.Length} bytes): {(int)answer.Status}, {use}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        var errors = answer.Problem.GetProperty("errors");
        Assert.Equal([key], errors.EnumerateObject().Select(p => p.Name));
        Assert.Contains(message, errors.GetProperty(key)[0].GetString(), StringComparison.Ordinal);
        Assert.True(use.Cpu < MaxCpu, $"{kind}: {use}");
        Assert.True(use.AllocatedBytes < MaxAllocatedBytes, $"{kind}: {use}");
        Assert.Equal(communes, await CountCommunesAsync());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Problem)> PostAsync(HttpClient client, string path, byte[] file)
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<int> CountCommunesAsync()
    {
        var table = new TableClient(fixture.StorageConnectionString, "Communes");
        await table.CreateIfNotExistsAsync();
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            count++;
        }

        return count;
    }
}
