using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Screening;

/// <summary>
/// An officer's screening decision as sent: <c>accept</c>, <c>reject</c> or <c>request-documents</c>, the comment the
/// applicant receives and, to request documents, the codes of the round's findings to send (comma-separated: the staff
/// page's tick-boxes, prefilled with the blocking findings).
/// </summary>
public sealed record ScreeningRequest(string ProposalId, FieldInput Decision, FieldInput Comment, string By, FieldInput Documents = default);

/// <summary>The decision stored on the screening round.</summary>
public sealed record ScreeningDecided(string ProposalId, int Round, ScreeningOutcome Outcome, string? Comment, string By)
{
    public string Code => ScreeningDecisions.Code(Outcome);
}

/// <summary>
/// The officer's decision on the current screening round (<c>POST /api/proposals/{id}/screening</c>, the staff page's
/// form): accept (on to appraisal), reject, or request documents; a comment is required for the last two, since the
/// applicant receives it. Only while the proposal is in screening and its automatic checks are done; the first decision
/// of a round wins (a conditional write), and only then is the workflow told.
/// </summary>
public sealed class ScreeningDecisions(IProposalRepository proposals, IProposalCaseStore cases, TimeProvider time,
    ILogger<ScreeningDecisions> logger)
{
    public const int MaxComment = 2000;

    public static readonly Bilingual DecisionRequired = new(
        "Vui lòng chọn quyết định: tiếp nhận, yêu cầu bổ sung hồ sơ hoặc không tiếp nhận.",
        "Choose the decision: accept, request documents or reject.");

    public static readonly Bilingual CommentInvalid = new(
        "Vui lòng ghi ý kiến (bắt buộc khi không tiếp nhận, hoặc khi yêu cầu bổ sung mà không chọn hồ sơ nào; tối đa 2000 ký tự): cơ sở sẽ nhận được ý kiến này.",
        "Write a comment (required to reject, or to request documents without ticking any; at most 2000 characters): the applicant receives it.");

    public static readonly Bilingual DocumentsInvalid = new(
        "Hồ sơ cần bổ sung phải là các mục của kết quả kiểm tra tự động của vòng này.", "The documents to request must be findings of this round's automatic checks.");

    public static readonly Bilingual ChecksNotDone = new(
        "Hồ sơ chưa được kiểm tra tự động xong: vui lòng thử lại sau ít phút.", "The automatic checks have not finished yet: try again in a few minutes.");

    public static readonly Bilingual AlreadyDecided = new("Vòng kiểm tra hồ sơ này đã có quyết định.", "This screening round has already been decided.");

    private static readonly Bilingual Action = new("quyết định kiểm tra hồ sơ", "a screening decision");

    public async Task<Decision<ScreeningDecided>> DecideAsync(ScreeningRequest request, IWorkflowEvents workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(workflow);
        var (errors, outcome, comment) = Validate(request);
        if (!errors.IsEmpty)
        {
            return Decision<ScreeningDecided>.Invalid(errors);
        }

        var found = await proposals.FindAtAsync(request.ProposalId, Action, [ProposalStatus.Screening], cancellationToken);
        if (!found.IsDone)
        {
            return found.Refusal<ScreeningDecided>();
        }

        var screening = (await cases.GetAsync(request.ProposalId, cancellationToken)).CurrentScreening;
        if (screening is null)
        {
            return Decision<ScreeningDecided>.Conflict(ChecksNotDone);
        }

        if (outcome == ScreeningOutcome.RequestDocuments)
        {
            var documents = DocumentsOf(request, screening);
            if (documents is null)
            {
                return Decision<ScreeningDecided>.Invalid(new BilingualErrors().Add("documents", DocumentsInvalid));
            }

            comment = WithDocuments(documents, comment);
        }

        return await RecordAsync(request, screening, outcome!.Value, comment, workflow, cancellationToken);
    }

    /// <summary>Stores the round's decision once (a decided round answers 409), then tells the workflow.</summary>
    private async Task<Decision<ScreeningDecided>> RecordAsync(ScreeningRequest request, ScreeningRecord screening, ScreeningOutcome outcome, string? comment,
        IWorkflowEvents workflow, CancellationToken cancellationToken)
    {
        if (screening.Outcome is not null
            || !await cases.DecideScreeningAsync(request.ProposalId, screening.Round, outcome, request.By, comment, time.GetUtcNow(), cancellationToken))
        {
            return Decision<ScreeningDecided>.Conflict(AlreadyDecided);
        }

        var decided = new ScreeningDecided(request.ProposalId, screening.Round, outcome, comment, request.By);
        await workflow.RaiseAsync(decided.ProposalId, WorkflowEvents.ScreeningDecided, new ScreeningDecision(decided.Round, decided.Outcome, decided.By, decided.Comment), cancellationToken);
        DecisionLog.Decided(logger, decided.ProposalId, "screening", decided.Code);
        return Decision<ScreeningDecided>.Done(decided);
    }

    private static (BilingualErrors Errors, ScreeningOutcome? Outcome, string? Comment) Validate(ScreeningRequest request)
    {
        var errors = new BilingualErrors();
        var outcome = Parse(request.Decision.WrongType ? null : request.Decision.Text);
        if (outcome is null)
        {
            errors.Add("decision", DecisionRequired);
        }

        var ticked = outcome == ScreeningOutcome.RequestDocuments && !request.Documents.IsAbsent;
        if (!request.Comment.TryText(TextMode.MultiLine, MaxComment, required: outcome is ScreeningOutcome.Reject || (outcome is ScreeningOutcome.RequestDocuments && !ticked), out var comment))
        {
            errors.Add("comment", CommentInvalid);
        }

        return (errors, outcome, comment);
    }

    /// <summary>The findings ticked (none when the field is absent), or null when one is not a finding of the round.</summary>
    private static List<ScreeningFinding>? DocumentsOf(ScreeningRequest request, ScreeningRecord screening)
    {
        if (request.Documents.WrongType)
        {
            return null;
        }

        var codes = (request.Documents.Text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal);
        var found = codes.Select(code => screening.Findings.FirstOrDefault(f => f.Code == code)).ToList();
        return found.Any(f => f is null) ? null : found.OfType<ScreeningFinding>().ToList();
    }

    /// <summary>What the applicant receives: the documents to add, one a line, then the officer's comment.</summary>
    private static string? WithDocuments(List<ScreeningFinding> documents, string? comment)
    {
        if (documents.Count == 0)
        {
            return comment;
        }

        var lines = "Hồ sơ cần bổ sung:\n" + string.Join("\n", documents.Select(d => "- " + d.Vi));
        return comment is null ? lines : lines + "\n" + comment;
    }

    /// <summary>The outcome's code in the API (<c>accept</c>, <c>reject</c>, <c>request-documents</c>).</summary>
    public static string Code(ScreeningOutcome outcome) => outcome switch
    {
        ScreeningOutcome.Accept => "accept",
        ScreeningOutcome.Reject => "reject",
        _ => "request-documents",
    };

    private static ScreeningOutcome? Parse(string? code) => code switch
    {
        "accept" => ScreeningOutcome.Accept,
        "reject" => ScreeningOutcome.Reject,
        "request-documents" => ScreeningOutcome.RequestDocuments,
        _ => null,
    };
}
