using System.Diagnostics.CodeAnalysis;

namespace KhuyenCong.Domain.Proposals;

/// <summary>The outcome of validating a <see cref="ProposalForm"/>: a submission, or errors by field.</summary>
public sealed class ProposalValidationResult
{
    internal ProposalValidationResult(ProposalSubmission? submission, IReadOnlyList<FieldError> fieldErrors)
    {
        Submission = submission;
        FieldErrors = fieldErrors;
        Errors = Proposals.FieldErrors.ToDictionary(fieldErrors);
    }

    /// <summary>True when the form was valid and <see cref="Submission"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Submission))]
    public bool IsValid => Submission is not null;

    /// <summary>The normalised submission, or null when there are errors.</summary>
    public ProposalSubmission? Submission { get; }

    /// <summary>Messages by camelCase field name, in the requested language; empty when valid.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; }

    /// <summary>The same errors with their stable codes, in form order.</summary>
    public IReadOnlyList<FieldError> FieldErrors { get; }
}
