using KhuyenCong.Application.Exchange;
using KhuyenCong.Application.Options;
using KhuyenCong.Domain.Text;
using KhuyenCong.Infrastructure.Exchange;
using KhuyenCong.Testing;

namespace KhuyenCong.UnitTests.Exchange;

/// <summary>
/// Issue 11, finding 2: hostile import files are refused by the reader itself, naming what is wrong, at a bounded
/// cost. The bounds (1 s of this thread's CPU, 64 MB allocated by this thread) are safety bounds on resource use, not
/// speed targets: the reader stays far below them (a few milliseconds and kilobytes) even on a loaded machine, while
/// the reader it replaced spent seconds and gigabytes on some of these files (A1:XFD2: 2.3 s and 2.3 GB; 200 such
/// rows: more than 13 s before it was stopped; a 20 MB shared string: 220 MB).
/// </summary>
public class HostileSpreadsheetTests
{
    private const long MaxAllocatedBytes = 64L * 1024 * 1024;
    private static readonly TimeSpan MaxCpu = TimeSpan.FromSeconds(1);
    private static readonly SpreadsheetLimits Limits = SpreadsheetLimits.ForImport(new ExchangeOptions());
    private static readonly Dictionary<string, Func<byte[]>> Files = new(StringComparer.Ordinal)
    {
        ["declared dimension A1:XFD2"] = () => HostileFiles.DeclaredDimension("A1:XFD2"),
        ["200 rows declaring A1:XFD200"] = () => HostileFiles.DeclaredDimension("A1:XFD200", 200),
        ["declared dimension A1:B5000"] = () => HostileFiles.DeclaredDimension("A1:B5000"),
        ["cell XFD1"] = () => HostileFiles.CellBeyondTemplate(),
        ["cell AT1, column 46"] = () => HostileFiles.CellBeyondTemplate("AT"),
        ["46 cells without references"] = () => HostileFiles.CellsWithoutReferences(46),
        ["blank row 1048576"] = () => HostileFiles.BlankRowsBeyond(1_048_576),
        ["blank row 2002"] = () => HostileFiles.BlankRowsBeyond(2002),
        ["20 MB shared string in 22 KB"] = () => HostileFiles.HugeSharedString(),
        ["100,000-character shared string"] = () => HostileFiles.LongSharedString(),
        ["5,000 entries"] = () => HostileFiles.ThousandsOfEntries(),
        ["40 MB sheet"] = () => HostileFiles.PaddedSheet(40 * 1024 * 1024),
        ["2 MB sheet compressed 900:1"] = () => HostileFiles.PaddedSheet(2 * 1024 * 1024),
        ["sheet declaring 1 GB"] = () => HostileFiles.LyingSize(1_000_000_000),
        ["sheet declaring 1,000 bytes, unpacking 10 MB"] = () => HostileFiles.LyingSize(1000, 10 * 1024 * 1024),
        ["DTD with XXE and entity expansion"] = HostileFiles.Dtd,
        ["truncated workbook"] = () => HostileFiles.Truncated(),
        ["ZIP without workbook"] = () => HostileFiles.Zip([("word/document.xml", "<w:document/>"u8.ToArray())]),
        ["CSV 4 MB field"] = () => HostileFiles.CsvHugeField(),
        ["CSV 1,000,000 columns"] = () => HostileFiles.CsvManyColumns(),
        ["CSV quote never closed"] = () => HostileFiles.CsvUnclosedQuote(),
        ["CSV 4 MB in a quote never closed"] = () => HostileFiles.CsvUnclosedQuote(4 * 1024 * 1024),
        ["CSV 100,000 blank lines"] = () => HostileFiles.CsvBlankLines(100_000),
    };

    private readonly SpreadsheetFiles files = new();

    public static TheoryData<string, SpreadsheetProblemKind, string?> Cases() => new()
    {
        { "declared dimension A1:XFD2", SpreadsheetProblemKind.TooManyColumns, "A1:XFD2" },
        { "200 rows declaring A1:XFD200", SpreadsheetProblemKind.TooManyColumns, "A1:XFD200" },
        { "declared dimension A1:B5000", SpreadsheetProblemKind.TooManyRows, "A1:B5000" },
        { "cell XFD1", SpreadsheetProblemKind.TooManyColumns, "XFD1" },
        { "cell AT1, column 46", SpreadsheetProblemKind.TooManyColumns, "AT1" },
        { "46 cells without references", SpreadsheetProblemKind.TooManyColumns, "AT1" },
        { "blank row 1048576", SpreadsheetProblemKind.TooManyRows, null },
        { "blank row 2002", SpreadsheetProblemKind.TooManyRows, null },
        { "20 MB shared string in 22 KB", SpreadsheetProblemKind.CompressionRatio, null },
        { "100,000-character shared string", SpreadsheetProblemKind.CellTooLong, null },
        { "5,000 entries", SpreadsheetProblemKind.TooManyEntries, null },
        { "40 MB sheet", SpreadsheetProblemKind.PartTooLarge, null },
        { "2 MB sheet compressed 900:1", SpreadsheetProblemKind.CompressionRatio, null },
        { "sheet declaring 1 GB", SpreadsheetProblemKind.PartTooLarge, null },
        { "sheet declaring 1,000 bytes, unpacking 10 MB", SpreadsheetProblemKind.Damaged, null },
        { "DTD with XXE and entity expansion", SpreadsheetProblemKind.DtdNotAllowed, null },
        { "truncated workbook", SpreadsheetProblemKind.Damaged, null },
        { "ZIP without workbook", SpreadsheetProblemKind.NotAWorkbook, null },
        { "CSV 4 MB field", SpreadsheetProblemKind.CellTooLong, "C2" },
        { "CSV 1,000,000 columns", SpreadsheetProblemKind.TooManyColumns, null },
        { "CSV quote never closed", SpreadsheetProblemKind.UnclosedQuote, "A2" },
        { "CSV 4 MB in a quote never closed", SpreadsheetProblemKind.CellTooLong, "A2" },
        { "CSV 100,000 blank lines", SpreadsheetProblemKind.TooManyRows, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_HostileFile_IsRefusedNamingTheProblemWithinBoundedCpuAndMemory(string name, SpreadsheetProblemKind kind, string? cell)
    {
        var file = Files[name]();
        var format = files.Detect(file) ?? throw new InvalidOperationException(name + " is not detected as CSV or XLSX");
        _ = Record.Exception(() => files.Read(file, format, Limits, CancellationToken.None).ToList()); // JIT warm-up: not the file's cost
        Exception? refusal = null;

        var use = ResourceUse.OfThisThread(() => refusal = Record.Exception(() => files.Read(file, format, Limits, CancellationToken.None).ToList()));

        var problem = Assert.IsType<SpreadsheetFormatException>(refusal).Problem;
        Assert.Equal(kind, problem.Kind);
        if (cell is not null)
        {
            Assert.Equal(cell, problem.Cell);
        }

        foreach (var language in new[] { Language.Vietnamese, Language.English })
        {
            var message = SpreadsheetProblemMessages.Describe(problem, language);
            Assert.DoesNotContain(" ?", message, StringComparison.Ordinal);
            Assert.True(cell is null || message.Contains(cell, StringComparison.Ordinal), message);
        }

        Assert.True(use.Cpu < MaxCpu, $"{name}: {use}");
        Assert.True(use.AllocatedBytes < MaxAllocatedBytes, $"{name}: {use}");
    }

    [Theory]
    [InlineData(SpreadsheetFormat.Xlsx)]
    [InlineData(SpreadsheetFormat.Csv)]
    public async Task Read_CancelledMidway_StopsAtTheNextRow(SpreadsheetFormat format)
    {
        var file = await ExportAsync(format, 1000);
        using var cancellation = new CancellationTokenSource();
        var read = 0;

        var stopped = Record.Exception(() =>
        {
            foreach (var row in files.Read(file, format, Limits, cancellation.Token))
            {
                if (++read == 10)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.IsAssignableFrom<OperationCanceledException>(stopped);
        Assert.Equal(10, read);
    }

    [Fact]
    public void Parse_CancelledToken_StopsBeforeTheRows()
    {
        var header = new SpreadsheetRow(1, ProposalColumns.All.Select(c => (string?)c.Vietnamese).ToList());
        var rows = new[] { header, new SpreadsheetRow(2, ["x"]) };

        Assert.Throws<OperationCanceledException>(() => ProposalImportParser.Parse(rows, new DateOnly(2026, 1, 1), Language.Vietnamese, new CancellationToken(canceled: true)));
    }

    [Theory]
    [InlineData(SpreadsheetFormat.Xlsx)]
    [InlineData(SpreadsheetFormat.Csv)]
    public async Task Read_ExportAtTheRowAndColumnLimits_IsReadWhole(SpreadsheetFormat format)
    {
        var file = await ExportAsync(format, Limits.MaxRows - 1);

        var rows = files.Read(file, format, Limits, CancellationToken.None).ToList();

        Assert.Equal(Limits.MaxRows, rows.Count);
        Assert.Equal(Limits.MaxRows, rows[^1].Number);
        Assert.All(rows, r => Assert.Equal(Limits.MaxColumns, r.Cells.Count));
        Assert.Equal(["KC-0001", "Đề án số 1", "250000000"], rows[1].Cells.Take(3));
    }

    [Fact]
    public void Read_JustWithinTheLimits_IsAccepted()
    {
        Assert.Equal(2, files.Read(HostileFiles.BlankRowsBeyond(Limits.MaxRows), SpreadsheetFormat.Xlsx, Limits, CancellationToken.None).Count());
        Assert.Single(files.Read(HostileFiles.CellBeyondTemplate("AF"), SpreadsheetFormat.Xlsx, Limits, CancellationToken.None));
        Assert.Single(files.Read(HostileFiles.CellsWithoutReferences(Limits.MaxColumns), SpreadsheetFormat.Xlsx, Limits, CancellationToken.None));
        Assert.Single(files.Read(HostileFiles.ThousandsOfEntries(Limits.MaxZipEntries - 5), SpreadsheetFormat.Xlsx, Limits, CancellationToken.None));
        Assert.Equal(2, files.Read(HostileFiles.CsvBlankLines(Limits.MaxRows - 2), SpreadsheetFormat.Csv, Limits, CancellationToken.None).Count());
        Assert.Single(files.Read(HostileFiles.CsvManyColumns(Limits.MaxColumns), SpreadsheetFormat.Csv, Limits, CancellationToken.None).Take(1));
    }

    /// <summary>
    /// Damaged files (bytes changed at random places, or cut at a random length) are either read or refused with a
    /// <see cref="SpreadsheetFormatException"/>: no other exception escapes the reader to become a 500.
    /// </summary>
    [Theory]
    [InlineData("xlsx")]
    [InlineData("xlsx, parts stored uncompressed")]
    [InlineData("csv")]
    public async Task Read_RandomlyDamagedFile_IsReadOrRefusedAsAProblem(string kind)
    {
        var original = kind switch
        {
            "csv" => await ExportAsync(SpreadsheetFormat.Csv, 20),
            "xlsx" => await ExportAsync(SpreadsheetFormat.Xlsx, 20),
            _ => HostileFiles.Workbook(
                HostileFiles.Sheet("A1:C20", Enumerable.Range(1, 20).Select(r =>
                    $"<row r=\"{r}\"><c r=\"A{r}\" t=\"s\"><v>{r % 3}</v></c><c r=\"B{r}\" s=\"0\"><v>{r * 1000.5}</v></c><c r=\"C{r}\" t=\"inlineStr\"><is><t>ô {r}</t></is></c></row>")),
                "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>một</t></si><si><r><t>hai</t></r></si><si><t>ba</t></si></sst>",
                level: System.IO.Compression.CompressionLevel.NoCompression),
        };
        Assert.Equal(20, files.Read(original, files.Detect(original)!.Value, Limits, CancellationToken.None).Count() - (kind == "xlsx" || kind == "csv" ? 1 : 0));
        var random = new Random(11);
        for (var i = 0; i < 400; i++)
        {
            var file = i % 4 == 0 ? original[..random.Next(original.Length)] : (byte[])original.Clone();
            for (var flips = i % 4 == 0 ? 0 : random.Next(1, 9); flips > 0; flips--)
            {
                file[random.Next(file.Length)] = (byte)random.Next(256);
            }

            var detected = files.Detect(file);
            var failure = detected is { } f ? Record.Exception(() => files.Read(file, f, Limits, CancellationToken.None).ToList()) : null;

            Assert.True(failure is null or SpreadsheetFormatException, $"damage {i}: {failure}");
        }
    }

    /// <summary>An export of <paramref name="rows"/> rows in the template's columns: a code, a title, an amount, then text.</summary>
    private async Task<byte[]> ExportAsync(SpreadsheetFormat format, int rows)
    {
        using var output = new MemoryStream();
        await files.WriteAsync(output, format, ProposalExport.Header, Enumerable.Range(1, rows).Select(i => (IReadOnlyList<object?>)
            [$"KC-{i:0000}", $"Đề án số {i}", 250_000_000L, .. Enumerable.Range(3, Limits.MaxColumns - 3).Select(c => (object?)$"ô {c}")]), CancellationToken.None);
        return output.ToArray();
    }
}
