using KhuyenCong.Application.Common;
using KhuyenCong.Application.Funding;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Application.Funding;

/// <summary>Recording the contract: its fields, the stage, and that the first contract stored wins.</summary>
[Collection(UseCaseCollection.Name)]
public class ContractRecordingTests(UseCaseStorage storage)
{
    private static readonly string Yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private ContractRecording Contracts => storage.Get<ContractRecording>();

    private static ContractRequest Request(string id, FieldInput number, FieldInput date, FieldInput note = default) =>
        new(id, number, date, note, UseCaseStorage.Officer);

    public static TheoryData<string, FieldInput, FieldInput, FieldInput> BadFields => new()
    {
        { "contractNumber", FieldInput.Absent, FieldInput.Of("2025-11-20"), FieldInput.Absent },
        { "contractNumber", FieldInput.Of(new string('9', 101)), FieldInput.Of("2025-11-20"), FieldInput.Absent },
        { "contractNumber", new FieldInput(null, WrongType: true), FieldInput.Of("2025-11-20"), FieldInput.Absent },
        { "contractNumber", FieldInput.Of("15/\u202E2026"), FieldInput.Of("2025-11-20"), FieldInput.Absent },
        { "contractDate", FieldInput.Of("15/2026"), FieldInput.Of("20/11/2025"), FieldInput.Absent },
        { "contractDate", FieldInput.Of("15/2026"), FieldInput.Of("2999-01-01"), FieldInput.Absent },
        { "contractDate", FieldInput.Of("15/2026"), FieldInput.Of("1999-12-31"), FieldInput.Absent },
        { "contractDate", FieldInput.Of("15/2026"), FieldInput.Absent, FieldInput.Absent },
        { "note", FieldInput.Of("15/2026"), FieldInput.Of("2025-11-20"), FieldInput.Of(new string('x', 2001)) },
        { "note", FieldInput.Of("15/2026"), FieldInput.Of("2025-11-20"), new FieldInput(null, WrongType: true) },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task RecordAsync_BadField_InvalidNamingItInBothLanguagesAndStoresNothing(string field, FieldInput number, FieldInput date, FieldInput note)
    {
        var proposal = await storage.ProposalAsync(ProposalStatus.Approved);
        var workflow = new RecordingWorkflow();

        var result = await Contracts.RecordAsync(Request(proposal.Id, number, date, note), workflow, CancellationToken.None);

        var message = field switch
        {
            "contractNumber" => ContractRecording.NumberInvalid,
            "contractDate" => ContractRecording.DateInvalid,
            _ => ContractRecording.NoteInvalid,
        };
        DecisionAssert.Invalid(result, field, message);
        Assert.Null((await storage.Cases.GetAsync(proposal.Id, CancellationToken.None)).Contract);
        Assert.Empty(workflow.Raised);
    }

    [Fact]
    public async Task RecordAsync_EveryFieldWrong_NamesEachField()
    {
        var result = await Contracts.RecordAsync(Request("p", FieldInput.Absent, FieldInput.Of("tomorrow"), FieldInput.Of(new string('x', 2001))), new RecordingWorkflow(), CancellationToken.None);

        DecisionAssert.InvalidFields(result, "contractNumber", "contractDate", "note");
    }

    [Theory]
    [InlineData(ProposalStatus.AwaitingApproval, "Chờ phê duyệt")]
    [InlineData(ProposalStatus.InProgress, "Đang thực hiện")]
    public async Task RecordAsync_NotApproved_ConflictNamingTheStage(ProposalStatus status, string label)
    {
        var proposal = await storage.ProposalAsync(status);

        var reason = DecisionAssert.Conflict(await Contracts.RecordAsync(Request(proposal.Id, FieldInput.Of("15/2026/HĐ-KC"), FieldInput.Of(Yesterday)), new RecordingWorkflow(), CancellationToken.None));

        Assert.Contains($"\"{label}\"", reason.Vietnamese, StringComparison.Ordinal);
        Assert.Contains(status.ToCode(), reason.English, StringComparison.Ordinal);
        Assert.Null((await storage.Cases.GetAsync(proposal.Id, CancellationToken.None)).Contract);
    }

    [Fact]
    public async Task RecordAsync_Approved_StoresTheContractBeforeRaisingContractRecorded()
    {
        var proposal = await storage.ProposalAsync(ProposalStatus.Approved);
        var storedAtRaise = false;
        var workflow = new RecordingWorkflow(async id => storedAtRaise = (await storage.Cases.GetAsync(id, CancellationToken.None)).Contract is not null);

        var contract = DecisionAssert.Done(await Contracts.RecordAsync(
            Request(proposal.Id, FieldInput.Of(" 15/2026/HĐ-KC "), FieldInput.Of("2025-11-20"), FieldInput.Of("Ký tại Sở Công Thương")), workflow, CancellationToken.None));

        Assert.Equal(("15/2026/HĐ-KC", new DateOnly(2025, 11, 20), "Ký tại Sở Công Thương", UseCaseStorage.Officer),
            (contract.ContractNumber, contract.ContractDate, contract.Note, contract.By));
        Assert.True(storedAtRaise);
        Assert.Equal(new ContractNotice(UseCaseStorage.Officer), workflow.Single<ContractNotice>(WorkflowEvents.ContractRecorded));
    }

    [Fact]
    public async Task RecordAsync_Concurrent_TheFirstContractStoredWinsAndOnlyItIsRaised()
    {
        var proposal = await storage.ProposalAsync(ProposalStatus.Approved);
        var workflow = new RecordingWorkflow();

        var results = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => Task.Run(() =>
            Contracts.RecordAsync(Request(proposal.Id, FieldInput.Of($"{i}/2026/HĐ-KC"), FieldInput.Of("2025-11-20")), workflow, CancellationToken.None))));

        var winner = Assert.Single(results, r => r.IsDone).Value!;
        Assert.All(results.Where(r => !r.IsDone), r => Assert.Equal(ContractRecording.AlreadyRecorded, DecisionAssert.Conflict(r)));
        Assert.Equal(winner.ContractNumber, (await storage.Cases.GetAsync(proposal.Id, CancellationToken.None)).Contract!.ContractNumber);
        workflow.Single<ContractNotice>(WorkflowEvents.ContractRecorded);
    }

    [Fact]
    public async Task RecordAsync_MessagesAreVietnameseFirstWithDiacritics()
    {
        var result = await Contracts.RecordAsync(Request("p", FieldInput.Absent, FieldInput.Of("2025-11-20")), new RecordingWorkflow(), CancellationToken.None);

        Assert.Equal(["Vui lòng nhập số hợp đồng (tối đa 100 ký tự), ví dụ 15/2026/HĐ-KC."], result.Errors!.In(Language.Vietnamese)["contractNumber"]);
    }
}
