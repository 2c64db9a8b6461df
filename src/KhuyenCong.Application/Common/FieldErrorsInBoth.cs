using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Common;

/// <summary>
/// The domain's validators (reviewers, rubrics, programmes, plans) word each message in the language they are given;
/// a use case answers in both (<see cref="BilingualErrors"/>). These run such a validator once per language (it is pure
/// and cheap) and pair the messages by position: both runs find the same errors in the same order.
/// </summary>
public static class FieldErrorsInBoth
{
    /// <summary>The validator's value (from the Vietnamese run); its errors, in both languages, are added to <paramref name="into"/>.</summary>
    public static T? Validate<T>(Func<Language, (T? Value, IReadOnlyList<FieldError> Errors)> validate, BilingualErrors into)
    {
        ArgumentNullException.ThrowIfNull(validate);
        var (value, vietnamese) = validate(Language.Vietnamese);
        Pair(vietnamese, validate(Language.English).Errors, into);
        return value;
    }

    /// <summary>Adds the errors of a validator that gives only errors, in both languages, to <paramref name="into"/>.</summary>
    public static void Validate(Func<Language, IEnumerable<FieldError>> validate, BilingualErrors into)
    {
        ArgumentNullException.ThrowIfNull(validate);
        Pair(validate(Language.Vietnamese).ToList(), validate(Language.English).ToList(), into);
    }

    private static void Pair(IReadOnlyList<FieldError> vietnamese, IReadOnlyList<FieldError> english, BilingualErrors into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (vietnamese.Count != english.Count || vietnamese.Where((e, i) => e.Field != english[i].Field).Any())
        {
            throw new InvalidOperationException("A validator found different errors in Vietnamese and in English.");
        }

        for (var i = 0; i < vietnamese.Count; i++)
        {
            into.Add(vietnamese[i].Field, new Bilingual(vietnamese[i].Message, english[i].Message));
        }
    }
}
