using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Funding;

/// <summary>
/// An officer's confirmation of acceptance (nghiệm thu): the date it took place (<c>yyyy-MM-dd</c>), an optional comment,
/// and what the đề án actually achieved (<see cref="Results"/>: by <see cref="AcceptanceConfirmation.ResultFields"/>'
/// names, each optional).
/// </summary>
public sealed record AcceptanceRequest(string ProposalId, FieldInput AcceptedOn, FieldInput Comment, string By)
{
    public IReadOnlyDictionary<string, FieldInput> Results { get; init; } = new Dictionary<string, FieldInput>();
}

/// <summary>
/// Confirming acceptance (nghiệm thu) (<c>POST /api/proposals/{id}/acceptance</c>): only while the work is in progress,
/// only once the applicant sent the acceptance papers (biên bản nghiệm thu, invoices), and only once (the first
/// confirmation stored wins); then the workflow opens the final payment.
/// </summary>
public sealed class AcceptanceConfirmation(IProposalRepository proposals, IProposalCaseStore cases, TimeProvider time,
    ILogger<AcceptanceConfirmation> logger)
{
    public const int MaxComment = 2000;

    public static readonly Bilingual DateInvalid = new(
        "Vui lòng nhập ngày nghiệm thu theo dạng yyyy-MM-dd, không sau hôm nay.", "Enter the acceptance date as yyyy-MM-dd, not after today.");

    public static readonly Bilingual CommentInvalid = new("Ý kiến tối đa 2000 ký tự.", "The comment may have at most 2000 characters.");

    public static readonly Bilingual PapersMissing = new(
        "Cơ sở chưa gửi biên bản nghiệm thu và chứng từ: chưa thể xác nhận nghiệm thu.",
        "The applicant has not sent the acceptance papers yet: acceptance cannot be confirmed.");

    public static readonly Bilingual AlreadyConfirmed = new("Nghiệm thu của đề án đã được xác nhận.", "Acceptance has already been confirmed.");

    private static readonly Bilingual Action = new("xác nhận nghiệm thu", "confirming acceptance");

    /// <summary>The fields of the actual results recorded with the acceptance (issue 14 line 6), and their names in messages.</summary>
    public static readonly IReadOnlyList<(string Field, Bilingual Name)> ResultFields =
    [
        ("actualTrainees", new("Số người thực tế được đào tạo", "Trainees actually trained")),
        ("actualJobs", new("Số việc làm thực tế tạo ra", "Jobs actually created")),
        ("modelsBuilt", new("Số mô hình đã xây dựng", "Models built")),
        ("productsCertified", new("Số sản phẩm được công nhận", "Products certified")),
    ];

    /// <summary>Done: the acceptance as stored.</summary>
    public async Task<Decision<AcceptanceRecord>> ConfirmAsync(AcceptanceRequest request, IWorkflowEvents workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(workflow);
        var errors = Validate(request, out var acceptedOn, out var comment);
        var results = ReadResults(request.Results, errors);
        if (!errors.IsEmpty)
        {
            return Decision<AcceptanceRecord>.Invalid(errors);
        }

        var found = await proposals.FindAtAsync(request.ProposalId, Action, [ProposalStatus.InProgress], cancellationToken);
        if (!found.IsDone)
        {
            return found.Refusal<AcceptanceRecord>();
        }

        var @case = await cases.GetAsync(request.ProposalId, cancellationToken);
        if (!@case.HasAcceptancePapers)
        {
            return Decision<AcceptanceRecord>.Conflict(PapersMissing);
        }

        var acceptance = new AcceptanceRecord(acceptedOn, comment, request.By, time.GetUtcNow(), results);
        if (@case.Acceptance is not null || !await cases.SaveAcceptanceAsync(request.ProposalId, acceptance, cancellationToken))
        {
            return Decision<AcceptanceRecord>.Conflict(AlreadyConfirmed);
        }

        await workflow.RaiseAsync(request.ProposalId, WorkflowEvents.AcceptanceConfirmed, new AcceptanceNotice(request.By), cancellationToken);
        DecisionLog.Decided(logger, request.ProposalId, "acceptance", "confirmed");
        return Decision<AcceptanceRecord>.Done(acceptance);
    }

    private BilingualErrors Validate(AcceptanceRequest request, out DateOnly acceptedOn, out string? comment)
    {
        var errors = new BilingualErrors();
        if (!request.AcceptedOn.TryDate(out acceptedOn) || acceptedOn > VietnamTime.Today(time) || acceptedOn.Year < 2000)
        {
            errors.Add("acceptedOn", DateInvalid);
        }

        if (!request.Comment.TryText(TextMode.MultiLine, MaxComment, required: false, out comment))
        {
            errors.Add("comment", CommentInvalid);
        }

        return errors;
    }

    /// <summary>The actual results sent with an acceptance (each optional, a whole number from 0 to 100,000); null when none was sent.</summary>
    private static ActualResults? ReadResults(IReadOnlyDictionary<string, FieldInput> inputs, BilingualErrors errors)
    {
        var values = new int?[ResultFields.Count];
        for (var i = 0; i < ResultFields.Count; i++)
        {
            var (field, name) = ResultFields[i];
            if (!inputs.TryGetValue(field, out var input) || input.IsAbsent)
            {
                continue;
            }

            if (input.TryWholeNumber(out var value) && value is >= 0 and <= ProposalFieldRules.MaxCount)
            {
                values[i] = (int)value;
            }
            else
            {
                errors.Add(field, $"{name.Vietnamese} phải là số nguyên từ 0 đến 100.000.", $"{name.English} must be a whole number from 0 to 100,000.");
            }
        }

        var results = new ActualResults(values[0], values[1], values[2], values[3]);
        return results.IsEmpty ? null : results;
    }
}
