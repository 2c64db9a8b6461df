using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Funding;

/// <summary>The contract as an officer enters it: number, date signed (<c>yyyy-MM-dd</c>), an optional note.</summary>
/// <param name="Signatory">Who signs on the funder's side (<see cref="ContractSignatories"/>); empty: the funding source's default.</param>
public sealed record ContractRequest(string ProposalId, FieldInput ContractNumber, FieldInput ContractDate, FieldInput Note, string By, FieldInput Signatory = default);

/// <summary>
/// Recording the contract signed with the establishment (<c>POST /api/proposals/{id}/contract</c>): only once the
/// proposal is approved, and only once (the first contract stored wins); then the workflow moves on to the work.
/// </summary>
public sealed class ContractRecording(IProposalRepository proposals, IProposalCaseStore cases, TimeProvider time,
    ILogger<ContractRecording> logger)
{
    public const int MaxContractNumber = 100;
    public const int MaxNote = 2000;

    public static readonly Bilingual NumberInvalid = new(
        "Vui lòng nhập số hợp đồng (tối đa 100 ký tự), ví dụ 15/2026/HĐ-KC.", "Enter the contract number (at most 100 characters), e.g. 15/2026/HĐ-KC.");

    public static readonly Bilingual DateInvalid = new(
        "Vui lòng nhập ngày ký hợp đồng theo dạng yyyy-MM-dd, không sau hôm nay.", "Enter the contract date as yyyy-MM-dd, not after today.");

    public static readonly Bilingual NoteInvalid = new("Ghi chú tối đa 2000 ký tự.", "The note may have at most 2000 characters.");

    public static readonly Bilingual AlreadyRecorded = new("Hợp đồng của đề án đã được ghi nhận.", "The contract has already been recorded.");

    private static readonly Bilingual Action = new("ghi nhận hợp đồng", "recording the contract");

    /// <summary>Done: the contract as stored.</summary>
    public async Task<Decision<ContractRecord>> RecordAsync(ContractRequest request, IWorkflowEvents workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(workflow);
        var errors = Validate(request, out var number, out var date, out var note);
        if (!errors.IsEmpty)
        {
            return Decision<ContractRecord>.Invalid(errors);
        }

        var found = await proposals.FindAtAsync(request.ProposalId, Action, [ProposalStatus.Approved], cancellationToken);
        if (!found.IsDone)
        {
            return found.Refusal<ContractRecord>();
        }

        if (ContractSignatories.Resolve(request.Signatory.Text?.Trim(), found.Value!.Submission.FundingSource) is not { } signatory)
        {
            return Decision<ContractRecord>.Invalid(new BilingualErrors().Add("signatory", ContractSignatories.Invalid));
        }

        var contract = new ContractRecord(number!, date, note, request.By, time.GetUtcNow(), signatory);
        if ((await cases.GetAsync(request.ProposalId, cancellationToken)).Contract is not null
            || !await cases.SaveContractAsync(request.ProposalId, contract, cancellationToken))
        {
            return Decision<ContractRecord>.Conflict(AlreadyRecorded);
        }

        await workflow.RaiseAsync(request.ProposalId, WorkflowEvents.ContractRecorded, new ContractNotice(request.By), cancellationToken);
        DecisionLog.Decided(logger, request.ProposalId, "contract", "recorded");
        return Decision<ContractRecord>.Done(contract);
    }

    private BilingualErrors Validate(ContractRequest request, out string? number, out DateOnly date, out string? note)
    {
        var errors = new BilingualErrors();
        if (!request.ContractNumber.TryText(TextMode.SingleLine, MaxContractNumber, required: true, out number))
        {
            errors.Add("contractNumber", NumberInvalid);
        }

        if (!request.ContractDate.TryDate(out date) || date > VietnamTime.Today(time) || date.Year < 2000)
        {
            errors.Add("contractDate", DateInvalid);
        }

        if (!request.Note.TryText(TextMode.MultiLine, MaxNote, required: false, out note))
        {
            errors.Add("note", NoteInvalid);
        }

        return errors;
    }
}
