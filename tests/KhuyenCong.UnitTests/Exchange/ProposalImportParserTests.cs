using KhuyenCong.Application.Exchange;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Exchange;

public class ProposalImportParserTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static readonly Dictionary<string, string?> Valid = new(StringComparer.Ordinal)
    {
        [ProposalColumns.TrackingCode] = null,
        [ProposalColumns.Title] = "Ứng dụng máy sấy long nhãn bằng bơm nhiệt",
        [ProposalColumns.OrganizationName] = "Công ty TNHH Long nhãn Hồng Nam",
        [ProposalColumns.TaxCode] = "0900123456",
        [ProposalColumns.Representative] = "Nguyễn Văn Hùng",
        [ProposalColumns.Email] = "longnhan@hungyen.example",
        [ProposalColumns.Phone] = "0912345678",
        [ProposalColumns.Address] = "Thôn Đông, xã Hồng Nam",
        [ProposalColumns.Commune] = "Xã Hồng Nam",
        [ProposalColumns.Province] = "hung-yen",
        [ProposalColumns.Kind] = "machinery",
        [ProposalColumns.Sector] = "Chế biến nông sản",
        [ProposalColumns.FundingSource] = "local",
        [ProposalColumns.TotalCost] = "500000000",
        [ProposalColumns.RequestedSupport] = "200000000",
        [ProposalColumns.OwnContribution] = "300000000",
        [ProposalColumns.StartDate] = "2019-06-01",
        [ProposalColumns.EndDate] = "2019-10-31",
        [ProposalColumns.Status] = "settled",
        [ProposalColumns.SubmittedAt] = "2019-03-15T08:30:00+07:00",
        [ProposalColumns.ApprovedAmount] = "180000000",
        [ProposalColumns.DecisionDate] = "2019-05-10",
        [ProposalColumns.ContractDate] = "2019-05-20",
        [ProposalColumns.PaidAmount] = "180000000",
        [ProposalColumns.AcceptedOn] = "2019-12-10",
        [ProposalColumns.SettledOn] = "2020-01-15",
    };

    private static ImportParseResult Parse(params Dictionary<string, string?>[] rows)
    {
        var header = ProposalColumns.All.Select(c => (string?)c.Vietnamese).ToList();
        var all = new List<SpreadsheetRow> { new(1, header) };
        all.AddRange(rows.Select((r, i) => new SpreadsheetRow(i + 2,
            ProposalColumns.All.Select(c => r.TryGetValue(c.Code, out var v) ? v : null).ToList())));
        return ProposalImportParser.Parse(all, Today, Language.Vietnamese);
    }

    private static Dictionary<string, string?> With(params (string Column, string? Value)[] changes)
    {
        var row = new Dictionary<string, string?>(Valid, StringComparer.Ordinal);
        foreach (var (column, value) in changes)
        {
            row[column] = value;
        }

        return row;
    }

    [Fact]
    public void Parse_ValidRow_GivesTheRecordWithFundingAndADerivedTrackingCode()
    {
        var result = Parse(Valid);

        var record = Assert.Single(result.Records);
        Assert.Empty(result.Errors);
        Assert.Equal(ProposalStatus.Settled, record.Status);
        Assert.Equal(180_000_000, record.Funding.ApprovedAmount);
        Assert.Equal(new DateOnly(2020, 1, 15), record.Funding.SettledOn);
        Assert.Equal(record.Submission.Title, record.Submission.Summary);
        Assert.True(KhuyenCong.Domain.Tracking.TrackingCode.TryParse(record.TrackingCode, out _));
        Assert.Equal(record.TrackingCode, Assert.Single(Parse(Valid).Records).TrackingCode);
    }

    [Theory]
    [InlineData(ProposalColumns.ApprovedAmount, "250000000", ProposalColumns.ApprovedAmount)]
    [InlineData(ProposalColumns.PaidAmount, "190000000", ProposalColumns.PaidAmount)]
    [InlineData(ProposalColumns.PaidAmount, "-5", ProposalColumns.PaidAmount)]
    [InlineData(ProposalColumns.Status, "done", ProposalColumns.Status)]
    [InlineData(ProposalColumns.ContractDate, "2019-05-01", ProposalColumns.ContractDate)]
    [InlineData(ProposalColumns.SettledOn, null, ProposalColumns.SettledOn)]
    [InlineData(ProposalColumns.SubmittedAt, "2027-01-01", ProposalColumns.SubmittedAt)]
    [InlineData(ProposalColumns.TrackingCode, "KC-1234", ProposalColumns.TrackingCode)]
    [InlineData(ProposalColumns.TaxCode, "12345", ProposalColumns.TaxCode)]
    public void Parse_RowBreakingARule_ReportsTheRowAndColumn(string column, string? value, string field)
    {
        var result = Parse(Valid, With((column, value)));

        Assert.Empty(result.Records);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Row);
        Assert.Equal(field, error.Field);
        Assert.Equal(ProposalColumns.All.First(c => c.Code == field).Vietnamese, error.Column);
    }

    [Fact]
    public void Parse_SameTrackingCodeTwice_RefusesTheSecondRow()
    {
        var code = KhuyenCong.Domain.Tracking.TrackingCode.New().Value;

        var result = Parse(With((ProposalColumns.TrackingCode, code)), With((ProposalColumns.TrackingCode, code)));

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Row);
        Assert.Contains("dòng 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownAndMissingColumns_ReportsTheHeaderRow()
    {
        var rows = new List<SpreadsheetRow>
        {
            new(1, ["Mã hồ sơ", "Tên đề án", "Màu sắc"]),
            new(2, ["", "x", "đỏ"]),
        };

        var result = ProposalImportParser.Parse(rows, Today, Language.English);

        Assert.All(result.Errors, e => Assert.Equal(1, e.Row));
        Assert.Contains(result.Errors, e => e.Column == "Màu sắc");
        Assert.Contains(result.Errors, e => e.Field == ProposalColumns.TaxCode && e.Message.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_HeadersInEnglishOrCodesAndExportApostrophes_AreAccepted()
    {
        var header = ProposalColumns.All.Select((c, i) => (string?)(i % 2 == 0 ? c.English.ToUpperInvariant() : c.Code)).ToList();
        var values = ProposalColumns.All.Select(c => Valid.TryGetValue(c.Code, out var v) ? v : null).ToList();
        values[ProposalColumns.All.ToList().FindIndex(c => c.Code == ProposalColumns.OrganizationName)] = "'=HYPERLINK(\"x\")";

        var result = ProposalImportParser.Parse([new(1, header), new(2, values)], Today, Language.Vietnamese);

        Assert.Equal("=HYPERLINK(\"x\")", Assert.Single(result.Records).Submission.OrganizationName);
    }

    [Fact]
    public void Parse_VietnameseStatusLabelAndDayMonthYearDates_AreAccepted()
    {
        var result = Parse(With((ProposalColumns.Status, "Đã quyết toán"), (ProposalColumns.StartDate, "01/06/2019"), (ProposalColumns.SettledOn, "15/01/2020")));

        var record = Assert.Single(result.Records);
        Assert.Equal(ProposalStatus.Settled, record.Status);
        Assert.Equal(new DateOnly(2019, 6, 1), record.Submission.StartDate);
    }

    [Fact]
    public void Parse_InEnglish_GivesEnglishMessages()
    {
        var header = ProposalColumns.All.Select(c => (string?)c.Vietnamese).ToList();
        var row = ProposalColumns.All.Select(c => c.Code == ProposalColumns.PaidAmount ? "999999999" : Valid.GetValueOrDefault(c.Code)).ToList();

        var result = ProposalImportParser.Parse([new(1, header), new(2, row)], Today, Language.English);

        Assert.Equal("The paid amount cannot exceed the approved amount.", Assert.Single(result.Errors).Message);
    }
}
