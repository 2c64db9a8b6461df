using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Text;
using KhuyenCong.Testing;

namespace KhuyenCong.UnitTests.Domain;

/// <summary>The capped CSV reader shared by the proposal import and the commune upload: RFC 4180 records, and each cap met at the record where it is broken.</summary>
public class CsvRecordReaderTests
{
    private static readonly CsvLimits Limits = new(10, 4, 20);

    private static List<(int Record, int Line, IReadOnlyList<string> Fields)> ReadAll(string text, CsvLimits? limits = null, char separator = ',')
    {
        var reader = new CsvRecordReader(new StringReader(text), separator, limits ?? Limits, CancellationToken.None);
        var records = new List<(int, int, IReadOnlyList<string>)>();
        while (reader.Read())
        {
            records.Add((reader.Record, reader.Line, reader.Fields));
        }

        return records;
    }

    [Fact]
    public void Read_QuotedFieldsBomAndLineEnds_GivesRecordsWithTheirFirstLines()
    {
        var records = ReadAll("\uFEFFa,\"b, \"\"c\"\"\"\r\n\"d\ne\",f\r\n\ng;h,\"\"\r");

        Assert.Equal([(1, 1), (2, 2), (3, 4), (4, 5)], records.Select(r => (r.Record, r.Line)));
        Assert.Equal(["a", "b, \"c\""], records[0].Fields);
        Assert.Equal(["d\ne", "f"], records[1].Fields);
        Assert.Equal([""], records[2].Fields);
        Assert.Equal(["g;h", ""], records[3].Fields);
    }

    [Theory]
    [InlineData("a,b,c,d,e\n", CsvProblemKind.TooManyFields, 1, 5)]
    [InlineData("a\n123456789012345678901\n", CsvProblemKind.FieldTooLong, 2, 1)]
    [InlineData("a\n\"never closed\nb\n", CsvProblemKind.UnclosedQuote, 2, 1)]
    [InlineData("a\n\n\n\n\n\n\n\n\n\nb\n", CsvProblemKind.TooManyRecords, 11, 0)]
    public void Read_BeyondACap_StopsAtTheRecordThatBreaksIt(string text, CsvProblemKind kind, int record, int field)
    {
        var ex = Assert.Throws<CsvLimitException>(() => ReadAll(text));

        Assert.Equal((kind, record, field), (ex.Kind, ex.Record, ex.Field));
    }

    [Fact]
    public void Read_Cancelled_Throws()
    {
        var reader = new CsvRecordReader(new StringReader("a\nb\n"), ',', Limits, new CancellationToken(canceled: true));

        Assert.Throws<OperationCanceledException>(() => reader.Read());
    }

    /// <summary>
    /// The commune upload (issue 11, finding 2) has the same caps. The bounds (1 s of this thread's CPU, 64 MB
    /// allocated) are safety bounds, not speed targets; the parser it replaced split the whole file in memory first
    /// (8 million fields for a line of 8 MB of commas).
    /// </summary>
    [Theory]
    [InlineData("columns", "header", 1)]
    [InlineData("field", "commune_name", 2)]
    [InlineData("quote", "row", 2)]
    [InlineData("blank lines", "file", 20_002)]
    public void ParseCommunes_HostileFile_ReportsTheLineWithinBoundedCpuAndMemory(string kind, string column, int line)
    {
        const string Header = "province_code,province_name,commune_code,commune_name,old_commune_names,effective_from\n";
        var text = kind switch
        {
            "columns" => Header.TrimEnd('\n') + new string(',', 8 * 1024 * 1024) + "\n",
            "field" => Header + "hung-yen,Hưng Yên,01," + new string('x', 8 * 1024 * 1024) + ",,2025-07-01\n",
            "quote" => Header + "hung-yen,\"Hưng Yên,01,Xã A,,2025-07-01\n" + new string('x', 1000),
            _ => Header + "hung-yen,Hưng Yên,01,Xã A,,2025-07-01\n" + new string('\n', 1_000_000),
        };
        _ = CommuneCsv.Parse("x"); // JIT warm-up
        IReadOnlyList<CsvRowError> errors = [];

        var use = ResourceUse.OfThisThread(() => errors = CommuneCsv.Parse(text).Errors);

        var error = Assert.Single(errors);
        Assert.Equal((line, column), (error.Row, error.Column));
        Assert.True(use.Cpu < TimeSpan.FromSeconds(1), use.ToString());
        Assert.True(use.AllocatedBytes < 64L * 1024 * 1024, use.ToString());
    }
}
