using KhuyenCong.Domain.Reports;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Reports;

public sealed class ReportingPeriodTests
{
    private static Func<string, string?> Query(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void SixMonth_OfAYear_RunsFrom15DecemberBeforeTo14June()
    {
        var period = ReportingPeriod.SixMonth(2019);

        Assert.Equal((new DateOnly(2018, 12, 15), new DateOnly(2019, 6, 14)), (period.From, period.To));
        Assert.Equal("từ ngày 15/12/2018 đến ngày 14/06/2019", period.Range.Vietnamese);
        Assert.Equal("6 tháng đầu năm 2019", period.Title.Vietnamese);
    }

    [Fact]
    public void Annual_OfAYear_RunsFrom15DecemberBeforeTo14December()
    {
        var period = ReportingPeriod.Annual(2019);

        Assert.Equal((new DateOnly(2018, 12, 15), new DateOnly(2019, 12, 14)), (period.From, period.To));
        Assert.True(period.Contains(new DateOnly(2018, 12, 15)));
        Assert.True(period.Contains(new DateOnly(2019, 12, 14)));
        Assert.False(period.Contains(new DateOnly(2019, 12, 15)));
        Assert.False(period.Contains(new DateOnly(2018, 12, 14)));
    }

    [Fact]
    public void Parse_CustomDatesInEitherFormat_GivesTheRange()
    {
        var errors = new BilingualErrors();

        var period = ReportingPeriod.Parse(Query(("period", "custom"), ("fromDate", "2019-01-01"), ("toDate", "31/03/2019")), errors);

        Assert.True(errors.IsEmpty);
        Assert.Equal(new ReportingPeriod(ReportingPeriodKind.Custom, new DateOnly(2019, 1, 1), new DateOnly(2019, 3, 31)), period);
    }

    [Fact]
    public void Parse_EndBeforeStart_RefusedOnToDateInBothLanguages()
    {
        var errors = new BilingualErrors();

        var period = ReportingPeriod.Parse(Query(("fromDate", "2019-06-14"), ("toDate", "2019-06-13")), errors);

        Assert.Null(period);
        Assert.Equal(["toDate"], errors.Fields);
        Assert.Equal("'toDate' (đến ngày) không được trước 'fromDate' (từ ngày).", errors.In(Language.Vietnamese)["toDate"].Single());
        Assert.Equal("'toDate' must not be before 'fromDate'.", errors.In(Language.English)["toDate"].Single());
    }

    [Theory]
    [InlineData("six-month", "19", "year")]
    [InlineData("six-month", "", "year")]
    [InlineData("quarter", "2019", "period")]
    public void Parse_BadPeriodOrYear_NamesTheField(string kind, string year, string field)
    {
        var errors = new BilingualErrors();

        Assert.Null(ReportingPeriod.Parse(Query(("period", kind), ("year", year)), errors));
        Assert.Equal([field], errors.Fields);
    }

    [Fact]
    public void Parse_NotADate_NamesTheField()
    {
        var errors = new BilingualErrors();

        Assert.Null(ReportingPeriod.Parse(Query(("fromDate", "2019-02-30"), ("toDate", "2019-03-01")), errors));
        Assert.Equal(["fromDate"], errors.Fields);
    }

    [Fact]
    public void StatisticsFilter_WithAPeriod_MatchesCellsDecidedInIt()
    {
        var errors = new Dictionary<string, IReadOnlyList<string>>();
        var filter = StatisticsFilter.Parse(Query(("period", "six-month"), ("year", "2019")), Language.Vietnamese, errors);
        StatisticsCellKey Key(DateOnly? decided) => new("local", "training", "hung-yen", "xa a", "co khi", "", decided);

        Assert.Empty(errors);
        Assert.Equal(ReportingPeriod.SixMonth(2019), filter.Decided);
        Assert.True(filter.Matches(Key(new DateOnly(2018, 12, 15))));
        Assert.True(filter.Matches(Key(new DateOnly(2019, 6, 14))));
        Assert.False(filter.Matches(Key(new DateOnly(2019, 6, 15))));
        Assert.False(filter.Matches(Key(null)));
        Assert.True(StatisticsFilter.All.Matches(Key(null)));
    }

    [Fact]
    public void StatisticsFilter_EndBeforeStart_ErrorInTheRequestLanguage()
    {
        var errors = new Dictionary<string, IReadOnlyList<string>>();

        StatisticsFilter.Parse(Query(("period", "custom"), ("fromDate", "2019-06-14"), ("toDate", "2019-01-01")), Language.English, errors);

        Assert.Equal("'toDate' must not be before 'fromDate'.", errors["toDate"].Single());
    }

    [Fact]
    public void CellKey_WithoutADecision_KeepsTheRowKeyItHadBeforeTheDateDimension()
    {
        // The row key as computed before ADR 0024 (six dimensions hashed): the cells of undecided proposals keep their rows.
        var key = new StatisticsCellKey("local", "training", "hung-yen", "xa a", "co khi", "");
        var before = StatisticsCellKey.Prefix + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f', "local", "training", "hung-yen", "xa a", "co khi", ""))))[..32];

        Assert.Equal(before, key.RowKey);
        Assert.NotEqual(before, (key with { Decided = new DateOnly(2019, 4, 10) }).RowKey);
    }
}
