using KhuyenCong.Application.Common;
using KhuyenCong.Application.Funding;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.UnitTests.Application.Funding;

/// <summary>Confirming acceptance (nghiệm thu): its fields, the papers it needs, the stage, and that the first confirmation wins.</summary>
[Collection(UseCaseCollection.Name)]
public class AcceptanceConfirmationTests(UseCaseStorage storage)
{
    private AcceptanceConfirmation Acceptance => storage.Get<AcceptanceConfirmation>();

    private static AcceptanceRequest Request(string id, string? acceptedOn, FieldInput comment = default) =>
        new(id, FieldInput.Of(acceptedOn), comment, UseCaseStorage.Officer);

    private async Task<Proposal> WithPapersAsync()
    {
        var proposal = await storage.ProposalAsync(ProposalStatus.InProgress);
        await storage.Cases.AddReportAsync(proposal.Id, new ProgressReport("r1", true, "Biên bản nghiệm thu", ["att-1"], DateTimeOffset.UtcNow), CancellationToken.None);
        return proposal;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("25/11/2025")]
    [InlineData("2999-01-01")]
    [InlineData("1999-01-01")]
    public async Task ConfirmAsync_BadDate_InvalidNamingAcceptedOn(string? acceptedOn)
    {
        var result = await Acceptance.ConfirmAsync(Request("p", acceptedOn), new RecordingWorkflow(), CancellationToken.None);

        DecisionAssert.Invalid(result, "acceptedOn", AcceptanceConfirmation.DateInvalid);
    }

    [Fact]
    public async Task ConfirmAsync_CommentTooLong_InvalidNamingTheComment()
    {
        var result = await Acceptance.ConfirmAsync(Request("p", "2025-11-25", FieldInput.Of(new string('x', 2001))), new RecordingWorkflow(), CancellationToken.None);

        DecisionAssert.Invalid(result, "comment", AcceptanceConfirmation.CommentInvalid);
    }

    [Fact]
    public async Task ConfirmAsync_NotInProgress_ConflictNamingTheStage()
    {
        var proposal = await storage.ProposalAsync(ProposalStatus.Approved);

        var reason = DecisionAssert.Conflict(await Acceptance.ConfirmAsync(Request(proposal.Id, "2025-11-25"), new RecordingWorkflow(), CancellationToken.None));

        Assert.Equal("Đề án đang ở bước \"Đã phê duyệt\": chưa thể xác nhận nghiệm thu lúc này.", reason.Vietnamese);
    }

    [Fact]
    public async Task ConfirmAsync_WithoutAcceptancePapers_ConflictSayingThePapersAreMissing()
    {
        var proposal = await storage.ProposalAsync(ProposalStatus.InProgress);
        await storage.Cases.AddReportAsync(proposal.Id, new ProgressReport("r1", false, "Đã lắp đặt 50%", [], DateTimeOffset.UtcNow), CancellationToken.None);
        var workflow = new RecordingWorkflow();

        var result = await Acceptance.ConfirmAsync(Request(proposal.Id, "2025-11-25"), workflow, CancellationToken.None);

        Assert.Equal(AcceptanceConfirmation.PapersMissing, DecisionAssert.Conflict(result));
        Assert.Null((await storage.Cases.GetAsync(proposal.Id, CancellationToken.None)).Acceptance);
        Assert.Empty(workflow.Raised);
    }

    [Fact]
    public async Task ConfirmAsync_WithPapers_StoresTheAcceptanceBeforeRaisingAcceptanceConfirmed()
    {
        var proposal = await WithPapersAsync();
        var storedAtRaise = false;
        var workflow = new RecordingWorkflow(async id => storedAtRaise = (await storage.Cases.GetAsync(id, CancellationToken.None)).Acceptance is not null);

        var acceptance = DecisionAssert.Done(await Acceptance.ConfirmAsync(Request(proposal.Id, "2025-11-25", FieldInput.Of("Đạt yêu cầu")), workflow, CancellationToken.None));

        Assert.Equal((new DateOnly(2025, 11, 25), "Đạt yêu cầu", UseCaseStorage.Officer), (acceptance.AcceptedOn, acceptance.Comment, acceptance.By));
        Assert.True(storedAtRaise);
        Assert.Equal(new AcceptanceNotice(UseCaseStorage.Officer), workflow.Single<AcceptanceNotice>(WorkflowEvents.AcceptanceConfirmed));
    }

    [Theory]
    [InlineData("actualJobs", "-1")]
    [InlineData("modelsBuilt", "100001")]
    [InlineData("actualTrainees", "mười")]
    public async Task ConfirmAsync_ActualResultOutOfRange_InvalidNamingItInBothLanguages(string field, string value)
    {
        var request = Request("p", "2025-11-25") with { Results = new Dictionary<string, FieldInput> { [field] = FieldInput.Of(value) } };

        var errors = DecisionAssert.InvalidFields(await Acceptance.ConfirmAsync(request, new RecordingWorkflow(), CancellationToken.None), field);

        Assert.EndsWith("phải là số nguyên từ 0 đến 100.000.", errors.In(KhuyenCong.Domain.Text.Language.Vietnamese)[field][0], StringComparison.Ordinal);
        Assert.EndsWith("must be a whole number from 0 to 100,000.", errors.In(KhuyenCong.Domain.Text.Language.English)[field][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmAsync_WithActualResults_StoresThemWithTheAcceptance()
    {
        // Issue 14 line 6: what the đề án actually achieved is recorded with the acceptance; a result not sent stays null.
        var proposal = await WithPapersAsync();
        var request = Request(proposal.Id, "2025-11-25") with
        {
            Results = new Dictionary<string, FieldInput> { ["actualTrainees"] = FieldInput.Of("30"), ["actualJobs"] = FieldInput.Of("12"), ["modelsBuilt"] = FieldInput.Of("1") },
        };

        var acceptance = DecisionAssert.Done(await Acceptance.ConfirmAsync(request, new RecordingWorkflow(), CancellationToken.None));

        Assert.Equal(new ActualResults(30, 12, 1, null), acceptance.Results);
        Assert.Equal(new ActualResults(30, 12, 1, null), (await storage.Cases.GetAsync(proposal.Id, CancellationToken.None)).Acceptance!.Results);
    }

    [Fact]
    public async Task ConfirmAsync_Concurrent_TheFirstConfirmationWinsAndOnlyItIsRaised()
    {
        var proposal = await WithPapersAsync();
        var workflow = new RecordingWorkflow();

        var results = await Task.WhenAll(Enumerable.Range(20, 5).Select(day => Task.Run(() =>
            Acceptance.ConfirmAsync(Request(proposal.Id, $"2025-11-{day}"), workflow, CancellationToken.None))));

        var winner = Assert.Single(results, r => r.IsDone).Value!;
        Assert.All(results.Where(r => !r.IsDone), r => Assert.Equal(AcceptanceConfirmation.AlreadyConfirmed, DecisionAssert.Conflict(r)));
        Assert.Equal(winner.AcceptedOn, (await storage.Cases.GetAsync(proposal.Id, CancellationToken.None)).Acceptance!.AcceptedOn);
        workflow.Single<AcceptanceNotice>(WorkflowEvents.AcceptanceConfirmed);
    }
}
