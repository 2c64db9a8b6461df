using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Staff;

/// <summary>The staff action routes over LocalHost and Azurite: the stored effects and the HTTP answers (the orchestration's reactions are not asserted here).</summary>
[Collection(StaffCollection.Name)]
public class StaffActionTests(LocalHostFixture fixture)
{
    private readonly StaffScenario scenario = new(fixture.Host);

    // Audit rows record the officer's name and Entra object id (LocalHost's placeholder id).
    private const string Staff = KhuyenCong.IntegrationTests.Proposals.IntakeFixture.LocalHostStaffActor;

    // Screening

    [Fact]
    public async Task Screening_RequestDocumentsWithComment_StoresTheDecisionOnTheCurrentRoundAnd202()
    {
        var id = await scenario.InScreeningAsync();

        using var response = await scenario.PostAsync($"/api/proposals/{id}/screening", new { decision = "request-documents", comment = "Bổ sung báo giá máy" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var screening = (await scenario.Cases.GetAsync(id, CancellationToken.None)).CurrentScreening!;
        Assert.Equal(ScreeningOutcome.RequestDocuments, screening.Outcome);
        Assert.Equal(Staff, screening.DecidedBy);
        Assert.Equal("Bổ sung báo giá máy", screening.Comment);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("round").GetInt32());
    }

    [Fact]
    public async Task Screening_DecidedAlready_Returns409AndKeepsTheFirstDecision()
    {
        var id = await scenario.InScreeningAsync();
        using var first = await scenario.PostAsync($"/api/proposals/{id}/screening", new { decision = "accept" });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);

        using var again = await scenario.PostAsync($"/api/proposals/{id}/screening", new { decision = "reject", comment = "Không đủ điều kiện" });

        await ProblemAssert.StatusAsync(again, HttpStatusCode.Conflict);
        Assert.Equal(ScreeningOutcome.Accept, (await scenario.Cases.GetAsync(id, CancellationToken.None)).CurrentScreening!.Outcome);
    }

    [Fact]
    public async Task Screening_ConcurrentDecisions_OneWinsTheOtherGets409()
    {
        var id = await scenario.InScreeningAsync();

        var answers = await Task.WhenAll(
            scenario.PostAsync($"/api/proposals/{id}/screening", new { decision = "accept" }),
            scenario.PostAsync($"/api/proposals/{id}/screening", new { decision = "reject", comment = "Không phù hợp" }));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task Screening_NotInScreening_Returns409AndStoresNothing()
    {
        var id = await scenario.SubmitAsync();
        await scenario.Cases.SaveScreeningAsync(id, new ScreeningRecord(1, [], DateTimeOffset.UtcNow), CancellationToken.None);
        await scenario.SetStatusAsync(id, ProposalStatus.InReview);

        using var response = await scenario.PostAsync($"/api/proposals/{id}/screening", new { decision = "accept" });

        var problem = await ProblemAssert.StatusAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("Đang thẩm định", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null((await scenario.Cases.GetAsync(id, CancellationToken.None)).CurrentScreening!.Outcome);
    }

    [Theory]
    [InlineData("""{"decision":"reject"}""", "comment", "Vui lòng ghi ý kiến (bắt buộc khi không tiếp nhận, hoặc khi yêu cầu bổ sung mà không chọn hồ sơ nào; tối đa 2000 ký tự): cơ sở sẽ nhận được ý kiến này.")]
    [InlineData("""{"decision":"request-documents","comment":"   "}""", "comment", null)]
    [InlineData("""{"decision":"maybe"}""", "decision", "Vui lòng chọn quyết định: tiếp nhận, yêu cầu bổ sung hồ sơ hoặc không tiếp nhận.")]
    [InlineData("""{"decision":true}""", "decision", null)]
    [InlineData("not json", "body", null)]
    [InlineData("[1,2]", "body", null)]
    public async Task Screening_BadBody_Returns400InVietnameseNamingTheFieldAndStoresNothing(string body, string field, string? message)
    {
        var id = await scenario.InScreeningAsync();

        using var response = await scenario.PostRawAsync($"/api/proposals/{id}/screening", body);

        await ProblemAssert.FieldAsync(response, HttpStatusCode.BadRequest, field, message);
        Assert.Null((await scenario.Cases.GetAsync(id, CancellationToken.None)).CurrentScreening!.Outcome);
    }

    [Fact]
    public async Task Screening_CommentTooLong_Returns400InEnglishWithLangEn()
    {
        var id = await scenario.InScreeningAsync();

        using var response = await scenario.PostAsync($"/api/proposals/{id}/screening?lang=en", new { decision = "reject", comment = new string('x', 2001) });

        var message = await ProblemAssert.FieldAsync(response, HttpStatusCode.BadRequest, "comment");
        Assert.StartsWith("Write a comment", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screening_UnknownProposal_Returns404()
    {
        using var response = await scenario.PostAsync("/api/proposals/no-such-proposal/screening", new { decision = "accept" });

        await ProblemAssert.StatusAsync(response, HttpStatusCode.NotFound);
    }

    // Replacing a reviewer

    [Fact]
    public async Task ReplaceReviewer_OpenReview_StoresReplacedByTheOfficerClosesTheOpenReviewAnd202()
    {
        var id = await scenario.SubmitAsync();
        var reviewer = await scenario.NewReviewerAsync("Lê Thị Thu");
        await scenario.InviteAsync(id, reviewer, "Lê Thị Thu", DateTimeOffset.UtcNow.AddDays(5));
        await scenario.SetStatusAsync(id, ProposalStatus.InReview);

        using var response = await scenario.PostAsync($"/api/proposals/{id}/reviewers/{reviewer}/replace", new { reason = "Không trả lời sau 10 ngày" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var review = (await scenario.Cases.GetReviewAsync(id, 1, reviewer, CancellationToken.None))!;
        Assert.Equal(ReviewState.Replaced, review.State);
        Assert.Equal(Staff, review.DecidedBy);
        Assert.Equal("Không trả lời sau 10 ngày", review.Comment);
        Assert.DoesNotContain(await scenario.Cases.ListOpenReviewsAsync(CancellationToken.None), o => o.ProposalId == id && o.ReviewerId == reviewer);

        using var again = await scenario.PostAsync($"/api/proposals/{id}/reviewers/{reviewer}/replace", new { reason = "lần hai" });
        await ProblemAssert.StatusAsync(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ReplaceReviewer_WithoutReason_Returns400AndTheReviewStaysOpen()
    {
        var id = await scenario.SubmitAsync();
        var reviewer = await scenario.NewReviewerAsync("Phan Văn Hải");
        await scenario.InviteAsync(id, reviewer, "Phan Văn Hải", DateTimeOffset.UtcNow.AddDays(5));
        await scenario.SetStatusAsync(id, ProposalStatus.InReview);

        using var response = await scenario.PostRawAsync($"/api/proposals/{id}/reviewers/{reviewer}/replace", "{}");

        await ProblemAssert.FieldAsync(response, HttpStatusCode.BadRequest, "reason", "Vui lòng nêu lý do thay thành viên hội đồng (tối đa 1000 ký tự).");
        Assert.True((await scenario.Cases.GetReviewAsync(id, 1, reviewer, CancellationToken.None))!.IsOpen);
    }

    [Fact]
    public async Task ReplaceReviewer_UnknownReviewerOrWrongStage_Returns404Or409()
    {
        var id = await scenario.SubmitAsync();
        var reviewer = await scenario.NewReviewerAsync("Đỗ Minh Tâm");
        await scenario.InviteAsync(id, reviewer, "Đỗ Minh Tâm", DateTimeOffset.UtcNow.AddDays(5));

        using var wrongStage = await scenario.PostAsync($"/api/proposals/{id}/reviewers/{reviewer}/replace", new { reason = "x" });
        await ProblemAssert.StatusAsync(wrongStage, HttpStatusCode.Conflict);

        await scenario.SetStatusAsync(id, ProposalStatus.InReview);
        using var unknown = await scenario.PostAsync($"/api/proposals/{id}/reviewers/{Guid.NewGuid():N}/replace", new { reason = "x" });
        await ProblemAssert.StatusAsync(unknown, HttpStatusCode.NotFound);
        Assert.True((await scenario.Cases.GetReviewAsync(id, 1, reviewer, CancellationToken.None))!.IsOpen);
    }

    // Contract

    [Fact]
    public async Task Contract_Approved_StoresTheContractThenRefusesASecond()
    {
        var id = await scenario.SubmitAsync();
        await scenario.SetStatusAsync(id, ProposalStatus.Approved);

        using var response = await scenario.PostAsync($"/api/proposals/{id}/contract", new { contractNumber = "15/2026/HĐ-KC", contractDate = "2025-11-20", note = "Ký tại Sở Công Thương" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var contract = (await scenario.Cases.GetAsync(id, CancellationToken.None)).Contract!;
        Assert.Equal("15/2026/HĐ-KC", contract.ContractNumber);
        Assert.Equal(new DateOnly(2025, 11, 20), contract.ContractDate);
        Assert.Equal(Staff, contract.By);
        Assert.Equal("centre", contract.Signatory); // none said: the Centre

        using var again = await scenario.PostAsync($"/api/proposals/{id}/contract", new { contractNumber = "16/2026/HĐ-KC", contractDate = "2025-11-21" });
        await ProblemAssert.StatusAsync(again, HttpStatusCode.Conflict);
        Assert.Equal("15/2026/HĐ-KC", (await scenario.Cases.GetAsync(id, CancellationToken.None)).Contract!.ContractNumber);
    }

    [Theory]
    [InlineData("""{"contractNumber":"15/2026","contractDate":"20/11/2026"}""", "contractDate")]
    [InlineData("""{"contractNumber":"15/2026","contractDate":"2999-01-01"}""", "contractDate")]
    [InlineData("""{"contractDate":"2025-11-20"}""", "contractNumber")]
    [InlineData("""{"contractNumber":"15","contractDate":"2025-11-20","note":{"a":1}}""", "note")]
    [InlineData("""{"contractNumber":15,"contractDate":"2025-11-20"}""", "contractNumber")]
    [InlineData("""{"contractNumber":"15","contractDate":"2025-11-20","signatory":"province"}""", "signatory")]
    public async Task Contract_BadBody_Returns400NamingTheFieldAndStoresNothing(string body, string field)
    {
        var id = await scenario.SubmitAsync();
        await scenario.SetStatusAsync(id, ProposalStatus.Approved);

        using var response = await scenario.PostRawAsync($"/api/proposals/{id}/contract", body);

        await ProblemAssert.FieldAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Null((await scenario.Cases.GetAsync(id, CancellationToken.None)).Contract);
    }

    [Fact]
    public async Task Contract_NationalSignedByTheMinistry_RecordsWhoSignedAndTheDossierShowsIt()
    {
        var id = await scenario.SubmitAsync(); // national money
        await scenario.SetStatusAsync(id, ProposalStatus.Approved);

        using var response = await scenario.PostAsync($"/api/proposals/{id}/contract",
            new { contractNumber = "21/2026/HĐ-BCT", contractDate = "2025-11-20", signatory = "ministry" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("ministry", (await scenario.Cases.GetAsync(id, CancellationToken.None)).Contract!.Signatory);
        var dossier = await scenario.GetProposalJsonAsync(id);
        Assert.Equal("ministry", dossier.GetProperty("case").GetProperty("contract").GetProperty("signatory").GetString());
    }

    [Fact]
    public async Task Contract_NotApproved_Returns409AndStoresNothing()
    {
        var id = await scenario.SubmitAsync();
        await scenario.SetStatusAsync(id, ProposalStatus.AwaitingApproval);

        using var response = await scenario.PostAsync($"/api/proposals/{id}/contract", new { contractNumber = "15/2026/HĐ-KC", contractDate = "2025-11-20" });

        await ProblemAssert.StatusAsync(response, HttpStatusCode.Conflict);
        Assert.Null((await scenario.Cases.GetAsync(id, CancellationToken.None)).Contract);
    }

    // Payments

    [Fact]
    public async Task Payment_Advance_Returns201WithThePaymentAndCommitmentAndTheSameIdAgainReturnsTheFirst()
    {
        var (id, key) = await scenario.CommittedAsync(500_000_000, ProposalStatus.InProgress);
        var paymentId = "UNC-" + Guid.NewGuid().ToString("N")[..12];

        using var response = await scenario.PostAsync($"/api/proposals/{id}/payments", new { paymentId, kind = "advance", amount = 200_000_000 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(paymentId, body.GetProperty("payment").GetProperty("paymentId").GetString());
        Assert.Equal(200_000_000, body.GetProperty("payment").GetProperty("amount").GetInt64());
        Assert.Equal("advance", body.GetProperty("payment").GetProperty("kind").GetString());
        Assert.Equal(500_000_000, body.GetProperty("commitment").GetProperty("approved").GetInt64());
        Assert.Equal(200_000_000, body.GetProperty("commitment").GetProperty("paid").GetInt64());
        Assert.Equal(300_000_000, body.GetProperty("commitment").GetProperty("unpaid").GetInt64());

        using var again = await scenario.PostAsync($"/api/proposals/{id}/payments", new { paymentId, kind = "advance", amount = 250_000_000 });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var replay = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(200_000_000, replay.GetProperty("payment").GetProperty("amount").GetInt64());
        Assert.Equal(200_000_000, (await scenario.Ledger.GetCommitmentAsync(key, id, CancellationToken.None))!.Paid);
        var record = await scenario.GetProposalJsonAsync(id);
        Assert.Single(record.GetProperty("payments").EnumerateArray());
        Assert.Equal(300_000_000, record.GetProperty("commitment").GetProperty("unpaid").GetInt64());
    }

    [Fact]
    public async Task Payment_WithoutPaymentId_RecordsOneWithANewId()
    {
        var (id, _) = await scenario.CommittedAsync(100_000_000, ProposalStatus.InProgress);

        using var response = await scenario.PostRawAsync($"/api/proposals/{id}/payments", """{"kind":"advance","amount":"40000000"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(32, body.GetProperty("payment").GetProperty("paymentId").GetString()!.Length);
    }

    [Fact]
    public async Task Payment_AboveTheApprovedAmount_Returns409WithTheRemainingAndLeavesTheLedgerUnchanged()
    {
        var (id, key) = await scenario.CommittedAsync(300_000_000, ProposalStatus.InProgress);
        using (var first = await scenario.PostAsync($"/api/proposals/{id}/payments", new { kind = "advance", amount = 100_000_000 }))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        var lineBefore = await scenario.Ledger.GetAsync(key, CancellationToken.None);

        using var response = await scenario.PostAsync($"/api/proposals/{id}/payments", new { kind = "advance", amount = 250_000_000 });

        var problem = await ProblemAssert.StatusAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(200_000_000, problem.GetProperty("remaining").GetInt64());
        Assert.Contains("200.000.000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(100_000_000, (await scenario.Ledger.GetCommitmentAsync(key, id, CancellationToken.None))!.Paid);
        Assert.Equal(lineBefore.Paid, (await scenario.Ledger.GetAsync(key, CancellationToken.None)).Paid);
        Assert.Single((await scenario.GetProposalJsonAsync(id)).GetProperty("payments").EnumerateArray());
    }

    [Fact]
    public async Task Payment_FinalBeforeAcceptance_Returns409AndLeavesTheLedgerUnchanged()
    {
        var (id, key) = await scenario.CommittedAsync(300_000_000, ProposalStatus.InProgress);

        using var response = await scenario.PostAsync($"/api/proposals/{id}/payments", new { kind = "final", amount = 300_000_000 });

        var problem = await ProblemAssert.StatusAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("nghiệm thu", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await scenario.Ledger.GetCommitmentAsync(key, id, CancellationToken.None))!.Paid);
    }

    [Fact]
    public async Task Payment_FinalWhenAccepted_RecordsOnlyOneFinal()
    {
        var (id, key) = await scenario.CommittedAsync(300_000_000, ProposalStatus.Accepted);

        using var final = await scenario.PostAsync($"/api/proposals/{id}/payments", new { paymentId = "final-1", kind = "final", amount = 250_000_000 });
        using var second = await scenario.PostAsync($"/api/proposals/{id}/payments", new { paymentId = "final-2", kind = "final", amount = 10_000_000 });
        using var replay = await scenario.PostAsync($"/api/proposals/{id}/payments", new { paymentId = "final-1", kind = "final", amount = 250_000_000 });

        Assert.Equal(HttpStatusCode.Created, final.StatusCode);
        await ProblemAssert.StatusAsync(second, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(250_000_000, (await scenario.Ledger.GetCommitmentAsync(key, id, CancellationToken.None))!.Paid);
    }

    [Fact]
    public async Task Payment_RefusedFinal_CanBeRecordedAgainWithAValidAmount()
    {
        var (id, key) = await scenario.CommittedAsync(300_000_000, ProposalStatus.Accepted);

        using var tooMuch = await scenario.PostAsync($"/api/proposals/{id}/payments", new { paymentId = "final-a", kind = "final", amount = 400_000_000 });
        using var right = await scenario.PostAsync($"/api/proposals/{id}/payments", new { paymentId = "final-b", kind = "final", amount = 300_000_000 });

        await ProblemAssert.StatusAsync(tooMuch, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, right.StatusCode);
        Assert.Equal(300_000_000, (await scenario.Ledger.GetCommitmentAsync(key, id, CancellationToken.None))!.Paid);
    }

    [Theory]
    [InlineData("""{"kind":"advance","amount":"abc"}""", "amount")]
    [InlineData("""{"kind":"advance","amount":-5}""", "amount")]
    [InlineData("""{"kind":"advance","amount":1.5}""", "amount")]
    [InlineData("""{"amount":1000}""", "kind")]
    [InlineData("""{"kind":"advance","amount":1000,"paymentId":"a b/c"}""", "paymentId")]
    public async Task Payment_BadBody_Returns400NamingTheFieldAndLeavesTheLedgerUnchanged(string body, string field)
    {
        var (id, key) = await scenario.CommittedAsync(100_000_000, ProposalStatus.InProgress);

        using var response = await scenario.PostRawAsync($"/api/proposals/{id}/payments", body);

        await ProblemAssert.FieldAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, (await scenario.Ledger.GetCommitmentAsync(key, id, CancellationToken.None))!.Paid);
    }

    [Fact]
    public async Task Payment_BeforeTheContract_Returns409()
    {
        var (id, key) = await scenario.CommittedAsync(100_000_000, ProposalStatus.Approved);

        using var response = await scenario.PostAsync($"/api/proposals/{id}/payments", new { kind = "advance", amount = 1_000_000 });

        await ProblemAssert.StatusAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(0, (await scenario.Ledger.GetCommitmentAsync(key, id, CancellationToken.None))!.Paid);
    }

    // Acceptance

    [Fact]
    public async Task Acceptance_WithoutAcceptancePapers_Returns409SayingThePapersAreMissing()
    {
        var id = await scenario.SubmitAsync();
        await scenario.Cases.AddReportAsync(id, new ProgressReport("r1", false, "Đã lắp đặt 50%", [], DateTimeOffset.UtcNow), CancellationToken.None);
        await scenario.SetStatusAsync(id, ProposalStatus.InProgress);

        using var response = await scenario.PostAsync($"/api/proposals/{id}/acceptance", new { acceptedOn = "2025-11-25" });

        var problem = await ProblemAssert.StatusAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("biên bản nghiệm thu", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null((await scenario.Cases.GetAsync(id, CancellationToken.None)).Acceptance);
    }

    [Fact]
    public async Task Acceptance_WithPapers_StoresTheAcceptanceThenRefusesASecond()
    {
        var id = await scenario.SubmitAsync();
        await scenario.Cases.AddReportAsync(id, new ProgressReport("r2", true, "Biên bản nghiệm thu", ["att-1"], DateTimeOffset.UtcNow), CancellationToken.None);
        await scenario.SetStatusAsync(id, ProposalStatus.InProgress);

        using var bad = await scenario.PostAsync($"/api/proposals/{id}/acceptance", new { acceptedOn = "25/11/2026" });
        await ProblemAssert.FieldAsync(bad, HttpStatusCode.BadRequest, "acceptedOn");
        Assert.Null((await scenario.Cases.GetAsync(id, CancellationToken.None)).Acceptance);

        using var badResult = await scenario.PostAsync($"/api/proposals/{id}/acceptance", new { acceptedOn = "2025-11-25", actualJobs = -1 });
        await ProblemAssert.FieldAsync(badResult, HttpStatusCode.BadRequest, "actualJobs");
        Assert.Null((await scenario.Cases.GetAsync(id, CancellationToken.None)).Acceptance);

        using var response = await scenario.PostAsync($"/api/proposals/{id}/acceptance",
            new { acceptedOn = "2025-11-25", comment = "Đạt yêu cầu", actualTrainees = 30, actualJobs = 12, modelsBuilt = 1 });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var acceptance = (await scenario.Cases.GetAsync(id, CancellationToken.None)).Acceptance!;
        Assert.Equal(new DateOnly(2025, 11, 25), acceptance.AcceptedOn);
        Assert.Equal(Staff, acceptance.By);
        Assert.Equal(new ActualResults(30, 12, 1, null), acceptance.Results);

        using var again = await scenario.PostAsync($"/api/proposals/{id}/acceptance", new { acceptedOn = "2025-11-26" });
        await ProblemAssert.StatusAsync(again, HttpStatusCode.Conflict);
    }

    // The record

    [Fact]
    public async Task GetProposal_WithACase_ShowsReviewsWithoutReviewerEmailsAndTheContractAndReports()
    {
        var id = await scenario.SubmitAsync();
        var reviewer = await scenario.NewReviewerAsync("Vũ Thị Lan");
        await scenario.InviteAsync(id, reviewer, "Vũ Thị Lan", DateTimeOffset.UtcNow.AddDays(3));
        await scenario.Cases.AddReportAsync(id, new ProgressReport("r3", true, "Biên bản", ["att-9"], DateTimeOffset.UtcNow), CancellationToken.None);
        await scenario.SetStatusAsync(id, ProposalStatus.Approved);
        using (var contract = await scenario.PostAsync($"/api/proposals/{id}/contract", new { contractNumber = "01/HĐ", contractDate = "2025-11-01" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, contract.StatusCode);
        }

        var record = await scenario.GetProposalJsonAsync(id);

        var @case = record.GetProperty("case");
        var review = Assert.Single(@case.GetProperty("reviews").EnumerateArray());
        Assert.Equal(reviewer, review.GetProperty("reviewerId").GetString());
        Assert.Equal("Vũ Thị Lan", review.GetProperty("reviewerName").GetString());
        Assert.Equal("invited", review.GetProperty("state").GetString());
        Assert.DoesNotContain("tham.dinh+", record.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("01/HĐ", @case.GetProperty("contract").GetProperty("contractNumber").GetString());
        Assert.Equal("att-9", @case.GetProperty("reports")[0].GetProperty("attachmentIds")[0].GetString());
        Assert.True(@case.GetProperty("hasAcceptancePapers").GetBoolean());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("commitment").ValueKind);
    }

    [Theory]
    [InlineData("screening")]
    [InlineData("reviewers/abc/replace")]
    [InlineData("contract")]
    [InlineData("payments")]
    [InlineData("acceptance")]
    public async Task Action_WithoutKey_Returns401(string action)
    {
        var id = await scenario.SubmitAsync();
        using var anonymous = fixture.CreateClient();

        using var response = await anonymous.PostAsync(new Uri($"/api/proposals/{id}/{action}", UriKind.Relative), StaffScenario.Json("{}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
