using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Approval;

/// <summary>The approval decision's number and date as an officer enters them (the date as yyyy-MM-dd or dd/MM/yyyy).</summary>
public sealed record DecisionNumberRequest(string ProposalId, FieldInput DecisionNumber, FieldInput DecisionDate, string By);

/// <summary>The number and date recorded on the proposal's funding facts.</summary>
public sealed record DecisionNumberRecord(string DecisionNumber, DateOnly DecisionDate, long ApprovedAmount, string By);

/// <summary>
/// Recording the approval decision's number and date after the director approved without them
/// (<c>POST /api/proposals/{id}/decision-number</c>): the văn thư gives the number once the decision is signed. Only
/// for an approved proposal whose approval is applied (its amount on the record) and whose number is still missing;
/// the first number recorded stays. The record's funding facts keep it, where the staff page, the exports and the
/// statistics read it.
/// </summary>
public sealed class DecisionNumberRecording(IProposalRepository proposals, IProposalCaseStore cases, TimeProvider time,
    ILogger<DecisionNumberRecording> logger)
{
    public const string NumberField = DirectorDecisionForm.DecisionNumberField;
    public const string DateField = DirectorDecisionForm.DecisionDateField;

    public static readonly Bilingual NumberInvalid = new(
        $"Vui lòng nhập số quyết định (tối đa {DirectorDecisionForm.MaxDecisionNumberLength} ký tự), ví dụ 125/QĐ-SCT.",
        $"Enter the decision number (at most {DirectorDecisionForm.MaxDecisionNumberLength} characters), for example 125/QĐ-SCT.");

    public static readonly Bilingual DateAfterToday = new("Ngày quyết định không được sau hôm nay.", "The decision date cannot be after today.");

    public static readonly Bilingual NotApproved = new(
        "Đề án chưa được Giám đốc phê duyệt (hoặc phê duyệt chưa được ghi vào hồ sơ): chưa thể ghi số quyết định.",
        "The director has not approved the proposal (or the approval is not on the record yet): the decision number cannot be recorded.");

    /// <summary>Done: the number and date as stored on the record.</summary>
    public async Task<Decision<DecisionNumberRecord>> RecordAsync(DecisionNumberRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = Validate(request, out var number, out var date);
        if (!errors.IsEmpty)
        {
            return Decision<DecisionNumberRecord>.Invalid(errors);
        }

        var proposal = await proposals.GetAsync(request.ProposalId, cancellationToken);
        if (proposal is null)
        {
            return Decision<DecisionNumberRecord>.NotFound(ProposalStages.NoSuchProposal);
        }

        var approved = (await cases.GetAsync(proposal.Id, cancellationToken)).Approvals.LastOrDefault() is { Outcome: DirectorOutcome.Approve };
        if (!approved || proposal.Funding.ApprovedAmount is not { } amount)
        {
            return Decision<DecisionNumberRecord>.Conflict(NotApproved);
        }

        if (proposal.Funding.DecisionNumber is { Length: > 0 } recorded)
        {
            return Decision<DecisionNumberRecord>.Conflict(AlreadyRecorded(recorded, proposal.Funding.DecisionDate));
        }

        await proposals.SaveFundingAsync(proposal.Id, proposal.Funding with { DecisionNumber = number, DecisionDate = date }, cancellationToken);
        DecisionLog.Decided(logger, proposal.Id, "decision-number", "recorded");
        return Decision<DecisionNumberRecord>.Done(new(number!, date, amount, request.By));
    }

    /// <summary>Which stage allows recording: an approval applied and no number yet (the staff page offers the form then).</summary>
    public static bool IsOpen(Proposal proposal, ProposalCase @case)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(@case);
        return proposal.Funding is { ApprovedAmount: not null, DecisionNumber: null or "" } && @case.Approvals.LastOrDefault() is { Outcome: DirectorOutcome.Approve };
    }

    private static Bilingual AlreadyRecorded(string number, DateOnly? date)
    {
        var on = date is { } d ? " " + DisplayFormat.Date(d, Language.Vietnamese) : string.Empty;
        var onEn = date is { } e ? " of " + DisplayFormat.Date(e, Language.English) : string.Empty;
        return new($"Số quyết định đã được ghi nhận: {number}{on}.", $"The decision number is already recorded: {number}{onEn}.");
    }

    private BilingualErrors Validate(DecisionNumberRequest request, out string? number, out DateOnly date)
    {
        var errors = new BilingualErrors();
        if (!request.DecisionNumber.TryText(TextMode.SingleLine, DirectorDecisionForm.MaxDecisionNumberLength, required: true, out number))
        {
            errors.Add(NumberField, NumberInvalid);
        }

        if (!DecisionDates.TryParse(request.DecisionDate.Text, out date))
        {
            errors.Add(DateField, DecisionDates.Invalid);
        }
        else if (date > VietnamTime.Today(time))
        {
            errors.Add(DateField, DateAfterToday);
        }

        return errors;
    }
}
