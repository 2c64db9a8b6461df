using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Common;

/// <summary>How a use case ended: the four answers an adapter maps to a response (ADR 0013).</summary>
public enum DecisionKind
{
    /// <summary>Done: stored, and the workflow told where it needs to be.</summary>
    Done,

    /// <summary>The thing decided on does not exist (404).</summary>
    NotFound,

    /// <summary>Not possible now: the stage, or a decision already recorded (409), with the reason in both languages.</summary>
    Conflict,

    /// <summary>The request has errors, by field (400), in both languages. Nothing was stored.</summary>
    Invalid,
}

/// <summary>
/// The small result of a use case (a decision in Application, ADR 0013): <see cref="DecisionKind.Done"/> with a value,
/// or not found, a conflict with its reason, or invalid with errors by field. Adapters (functions, pages) map it to a
/// response; they take no decision of their own.
/// </summary>
/// <typeparam name="T">What a done decision gives back (the stored record, a receipt).</typeparam>
public sealed record Decision<T>
{
    private Decision(DecisionKind kind, T? value, Bilingual? reason, BilingualErrors? errors)
    {
        Kind = kind;
        Value = value;
        Reason = reason;
        Errors = errors;
    }

    public DecisionKind Kind { get; }

    /// <summary>
    /// The value of a done decision; for a conflict, what stands in the way when the use case gives it (the commitment
    /// a refused payment would exceed, the record already stored); default otherwise.
    /// </summary>
    public T? Value { get; }

    /// <summary>Why: the message of a not-found or a conflict.</summary>
    public Bilingual? Reason { get; }

    /// <summary>The errors by field of an invalid request.</summary>
    public BilingualErrors? Errors { get; }

    public bool IsDone => Kind == DecisionKind.Done;

    public static Decision<T> Done(T value) => new(DecisionKind.Done, value, null, null);

    public static Decision<T> NotFound(Bilingual reason) => new(DecisionKind.NotFound, default, reason, null);

    public static Decision<T> Conflict(Bilingual reason) => new(DecisionKind.Conflict, default, reason, null);

    /// <summary>A conflict with what stands in the way, for adapters that show more than the reason.</summary>
    public static Decision<T> Conflict(Bilingual reason, T current) => new(DecisionKind.Conflict, current, reason, null);

    public static Decision<T> Invalid(BilingualErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.IsEmpty)
        {
            throw new ArgumentException("An invalid decision names at least one field.", nameof(errors));
        }

        return new(DecisionKind.Invalid, default, null, errors);
    }

    /// <summary>The same refusal for another value type (without a conflict's value, which belongs to this type).</summary>
    public Decision<TOther> Refusal<TOther>() => Kind switch
    {
        DecisionKind.NotFound => Decision<TOther>.NotFound(Reason!),
        DecisionKind.Conflict => Decision<TOther>.Conflict(Reason!),
        DecisionKind.Invalid => Decision<TOther>.Invalid(Errors!),
        _ => throw new InvalidOperationException("A done decision is not a refusal."),
    };
}
