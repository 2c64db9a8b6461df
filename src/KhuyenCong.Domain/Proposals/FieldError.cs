namespace KhuyenCong.Domain.Proposals;

/// <summary>One problem with one field: the camelCase field name, a stable code (<see cref="FieldErrorCodes"/>) and a message in the requested language.</summary>
public sealed record FieldError(string Field, string Code, string Message);

/// <summary>Stable codes of field errors, for clients and tests that must not depend on message wording.</summary>
public static class FieldErrorCodes
{
    public const string Required = "required";
    public const string TooLong = "too-long";
    public const string InvalidCharacters = "invalid-characters";
    public const string InvalidFormat = "invalid-format";
    public const string OutOfRange = "out-of-range";
    public const string UnknownChoice = "unknown-choice";
    public const string RequestedExceedsTotal = "requested-exceeds-total";
    public const string ContributionMismatch = "contribution-mismatch";
    public const string EndBeforeStart = "end-before-start";
    public const string ExceedsCapAmount = "exceeds-cap-amount";
    public const string ExceedsCapPercent = "exceeds-cap-percent";
    public const string IdentifierMismatch = "identifier-mismatch";
    public const string ActivityMismatch = "activity-mismatch";
    public const string NotForApplicant = "not-for-applicant";
    public const string Duplicate = "duplicate";
    public const string UnknownCommune = "unknown-commune";
    public const string RoundLevelFunding = "round-level-funding";
}

/// <summary>Groups field errors as the HTTP layer returns them: messages keyed by camelCase field name.</summary>
public static class FieldErrors
{
    /// <summary>Messages by field, fields in first-error order, messages in the order found.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ToDictionary(IEnumerable<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var group in errors.GroupBy(e => e.Field, StringComparer.Ordinal))
        {
            result[group.Key] = group.Select(e => e.Message).ToList();
        }

        return result;
    }
}
