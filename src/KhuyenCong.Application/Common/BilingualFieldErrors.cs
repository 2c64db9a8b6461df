using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Common;

/// <summary>
/// Turns the field errors of a Domain check that speaks one language at a time (<see cref="ProposalValidator"/>,
/// <see cref="Domain.Caps.CapCheck"/>) into <see cref="BilingualErrors"/>: the check runs in both languages and each
/// Vietnamese message is paired with its English one (same field, same code, same place).
/// </summary>
public static class BilingualFieldErrors
{
    /// <summary>Adds the errors <paramref name="check"/> finds, in both languages, to <paramref name="errors"/>.</summary>
    public static void Add(BilingualErrors errors, Func<Language, IReadOnlyList<FieldError>> check)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(check);
        var vietnamese = check(Language.Vietnamese);
        var english = check(Language.English);
        if (vietnamese.Count != english.Count)
        {
            throw new InvalidOperationException("The check found different errors in Vietnamese and in English.");
        }

        for (var i = 0; i < vietnamese.Count; i++)
        {
            var (vi, en) = (vietnamese[i], english[i]);
            if (vi.Field != en.Field || vi.Code != en.Code)
            {
                throw new InvalidOperationException($"The check's errors differ between languages at {i}: {vi.Field}/{vi.Code} and {en.Field}/{en.Code}.");
            }

            errors.Add(vi.Field, new Bilingual(vi.Message, en.Message));
        }
    }
}
