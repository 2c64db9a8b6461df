using System.Net;
using KhuyenCong.Application.Exchange;
using KhuyenCong.Infrastructure.Exchange;
using KhuyenCong.Testing;
using static KhuyenCong.IntegrationTests.Cycle.CycleTestSupport;
using static KhuyenCong.IntegrationTests.Programmes.ProgrammeTestSupport;

namespace KhuyenCong.IntegrationTests.Cycle;

/// <summary>A proposal's plan year is its call's, in the exports (year filter and column) as in the lists.</summary>
[Collection(CycleCollection.Name)]
public class PlanYearTests(LocalHostFixture fixture)
{
    [Fact]
    public async Task Export_ProposalOfACallForNextYear_IsExportedUnderThePlanYearWithItsCall()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        var call = await CreateCallAsync(officer, Call("Đợt KCQG — xuất theo năm kế hoạch"));
        var callId = call.GetProperty("id").GetString()!;
        var taxCode = KhuyenCong.IntegrationTests.Proposals.ProposalForms.NewTaxCode();
        using var submitted = await SubmitAsync(fixture.CreateClient(), f =>
        {
            f["callId"] = callId;
            f["taxCode"] = taxCode;
        });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);

        using var planYear = await officer.GetAsync(Path($"/api/proposals/export?format=csv&year={Today.Year + 1}&q={taxCode}"));
        using var submittedYear = await officer.GetAsync(Path($"/api/proposals/export?format=csv&year={Today.Year}&q={taxCode}"));
        var rows = new SpreadsheetFiles().Read(await planYear.Content.ReadAsByteArrayAsync(), SpreadsheetFormat.Csv,
            new SpreadsheetLimits(101, ProposalColumns.All.Count), CancellationToken.None).ToList();
        var other = new SpreadsheetFiles().Read(await submittedYear.Content.ReadAsByteArrayAsync(), SpreadsheetFormat.Csv,
            new SpreadsheetLimits(101, ProposalColumns.All.Count), CancellationToken.None).ToList();

        var columns = ProposalColumns.All.ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal((Today.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), rows[1].Cells[columns.FindIndex(c => c.Code == ProposalColumns.PlanYear)]);
        Assert.Equal(callId, rows[1].Cells[columns.FindIndex(c => c.Code == ProposalColumns.CallId)]);
        Assert.Single(other);
    }
}
