using System.Net;
using Azure.Data.Tables;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;
using static KhuyenCong.IntegrationTests.Cycle.CycleTestSupport;
using static KhuyenCong.IntegrationTests.Programmes.ProgrammeTestSupport;

namespace KhuyenCong.IntegrationTests.Cycle;

/// <summary><c>POST /api/proposals</c> with calls: callId required while one is open, the plan year from the call, late entries.</summary>
[Collection(CycleCollection.Name)]
public class CallIntakeTests(LocalHostFixture fixture)
{
    private IProposalRepository Proposals => fixture.Host.Services.GetRequiredService<IProposalRepository>();

    private async Task<int> StoredProposalsAsync(string taxCode)
    {
        var table = new TableClient(fixture.StorageConnectionString, "Proposals");
        await table.CreateIfNotExistsAsync();
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {"record"} and TaxCode eq {taxCode}"), select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task SubmitProposal_ToAnOpenCall_StoresTheCallAndTakesItsPlanYear()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        using var applicant = fixture.CreateClient();
        var call = await CreateCallAsync(officer, Call("Đợt KCQG — nộp đúng hạn"));

        using var response = await SubmitAsync(applicant, f => f["callId"] = call.GetProperty("id").GetString());
        var id = (await JsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var proposal = (await Proposals.GetAsync(id, CancellationToken.None))!;
        var listed = await Proposals.ListAsync(new ProposalListQuery(Today.Year + 1, null, null, null) { CallId = call.GetProperty("id").GetString() }, CancellationToken.None);

        Assert.Equal(call.GetProperty("id").GetString(), proposal.CallId);
        Assert.Equal(Today.Year + 1, proposal.PlanYear);
        Assert.Equal(Today.Year, proposal.Year);
        Assert.Null(proposal.LateReason);
        Assert.Contains(listed, p => p.Id == id);
    }

    [Fact]
    public async Task SubmitProposal_WithoutCallIdWhileACallIsOpen_Returns400NamingCallIdAndStoresNothing()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        using var applicant = fixture.CreateClient();
        await CreateCallAsync(officer, Call("Đợt KCQG — bắt buộc chọn đợt"));
        var taxCode = KhuyenCong.IntegrationTests.Proposals.ProposalForms.NewTaxCode();

        using var vi = await SubmitAsync(applicant, f => f["taxCode"] = taxCode);
        using var en = await SubmitAsync(applicant, f => f["taxCode"] = taxCode, "?lang=en");

        Assert.StartsWith("Vui lòng chọn đợt đăng ký", Messages(await ProblemAsync(vi, HttpStatusCode.BadRequest), "callId")[0], StringComparison.Ordinal);
        Assert.StartsWith("Choose the call", Messages(await ProblemAsync(en, HttpStatusCode.BadRequest), "callId")[0], StringComparison.Ordinal);
        Assert.Equal(0, await StoredProposalsAsync(taxCode));
    }

    [Fact]
    public async Task SubmitProposal_ToAClosedCall_Returns409NamingCallIdAndStoresNothing()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        using var applicant = fixture.CreateClient();
        var closed = await CreateCallAsync(officer, Call("Đợt KCQG — đã kết thúc", opensIn: -30, closesIn: -2));
        var taxCode = KhuyenCong.IntegrationTests.Proposals.ProposalForms.NewTaxCode();

        using var response = await SubmitAsync(applicant, f =>
        {
            f["callId"] = closed.GetProperty("id").GetString();
            f["taxCode"] = taxCode;
        });
        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);

        Assert.Equal("Đợt đăng ký không nhận hồ sơ lúc này.", problem.GetProperty("title").GetString());
        Assert.Contains("đã kết thúc nhận hồ sơ ngày " + Today.AddDays(-2).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            Messages(problem, "callId")[0], StringComparison.Ordinal);
        Assert.Equal(0, await StoredProposalsAsync(taxCode));
    }

    [Fact]
    public async Task SubmitProposal_UnknownCallOrAnotherFundingSource_Returns400NamingTheField()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        using var applicant = fixture.CreateClient();
        var local = await CreateCallAsync(officer, Call("Đợt KCĐP — nguồn địa phương", source: "local"));

        using var unknown = await SubmitAsync(applicant, f => f["callId"] = "0123456789abcdef");
        using var otherSource = await SubmitAsync(applicant, f => f["callId"] = local.GetProperty("id").GetString());

        Assert.StartsWith("Không có đợt đăng ký này", Messages(await ProblemAsync(unknown, HttpStatusCode.BadRequest), "callId")[0], StringComparison.Ordinal);
        Assert.Contains("dành cho nguồn", Messages(await ProblemAsync(otherSource, HttpStatusCode.BadRequest), "fundingSource")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitProposal_OfficerLateEntryWithAReason_IsStoredWithTheReasonButAnApplicantsIsRefused()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        using var applicant = fixture.CreateClient();
        var closed = await CreateCallAsync(officer, Call("Đợt KCQG — nhận muộn", opensIn: -40, closesIn: -3));
        var callId = closed.GetProperty("id").GetString();
        const string reason = "Hồ sơ gửi qua bưu điện ngày 28/11, đến Trung tâm sau hạn.";

        using var late = await SubmitAsync(officer, f =>
        {
            f["callId"] = callId;
            f["lateReason"] = reason;
        });
        using var byApplicant = await SubmitAsync(applicant, f =>
        {
            f["callId"] = callId;
            f["lateReason"] = reason;
        });
        var id = (await JsonAsync(late, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var proposal = (await Proposals.GetAsync(id, CancellationToken.None))!;

        Assert.Equal(reason, proposal.LateReason);
        Assert.Equal(Today.Year + 1, proposal.PlanYear);
        Assert.Contains(reason, proposal.History[0].Comment, StringComparison.Ordinal);
        Assert.StartsWith("Chỉ cán bộ Trung tâm", Messages(await ProblemAsync(byApplicant, HttpStatusCode.BadRequest), "lateReason")[0], StringComparison.Ordinal);
    }
}
