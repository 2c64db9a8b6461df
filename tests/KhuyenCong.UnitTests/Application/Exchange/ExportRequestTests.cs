using KhuyenCong.Application.Common;
using KhuyenCong.Application.Exchange;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Application.Exchange;

/// <summary>What an export may ask for.</summary>
public class ExportRequestTests
{
    private static readonly TimeProvider Time = new FixedTime(new DateTimeOffset(2026, 6, 1, 3, 0, 0, TimeSpan.Zero));

    private static Decision<(SpreadsheetFormat Format, ProposalExportQuery Query)> Parse(string? format = null, string? year = null, string? from = null, string? to = null,
        string? status = null, string? kind = null, string? source = null, string? q = null) =>
        new ExportRequest(format, year, from, to, status, kind, source, q).Parse(Time);

    [Fact]
    public void Parse_Nothing_ThisYearInCsv()
    {
        var (format, query) = Parse().Value;

        Assert.Equal((SpreadsheetFormat.Csv, 2026, 2026), (format, query.FromYear, query.ToYear));
    }

    [Fact]
    public void Parse_FromOnly_FromThatYearToThisOne()
    {
        var (format, query) = Parse(format: " XLSX ", from: "2020", status: "settled", kind: "training", source: "local", q: "Máy  cắt").Value;

        Assert.Equal((SpreadsheetFormat.Xlsx, 2020, 2026), (format, query.FromYear, query.ToYear));
        Assert.Equal((ProposalStatus.Settled, ProposalKind.Training, FundingSource.Local), (query.Status!.Value, query.Kind!.Value, query.FundingSource!.Value));
        Assert.Equal(["may", "cat"], query.Terms);
    }

    [Theory]
    [InlineData("pdf", null, null, null, "format")]
    [InlineData(null, "2026", "2020", null, "year")]
    [InlineData(null, null, "2025", "2020", "from")]
    [InlineData(null, null, "2000", "2030", "to")]
    [InlineData(null, "1999", null, null, "year")]
    public void Parse_WrongFormatOrYears_InvalidNamingTheParameter(string? format, string? year, string? from, string? to, string field)
    {
        var result = Parse(format, year, from, to);

        Assert.Equal(DecisionKind.Invalid, result.Kind);
        Assert.Equal([field], result.Errors!.Fields);
    }

    [Fact]
    public void Parse_UnknownFilters_EachNamedInBothLanguages()
    {
        var errors = Parse(status: "lost", kind: "rockets", source: "moon", q: new string('a', 201)).Errors!;

        Assert.Equal(["status", "kind", "fundingSource", "q"], errors.Fields);
        Assert.Equal("Tình trạng không hợp lệ.", errors.In(Language.Vietnamese)["status"][0]);
        Assert.Equal("Unknown status.", errors.In(Language.English)["status"][0]);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
