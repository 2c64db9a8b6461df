using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KhuyenCong.Domain.Tracking;

/// <summary>
/// The code an applicant uses to follow a proposal, e.g. "KC-7H3Q-MX9P-2VBA-WD4R-TK": the prefix "KC", 17 random
/// symbols (about 84 bits, from a cryptographic generator) and 1 check symbol, in groups of 4 for reading aloud.
/// The alphabet has no 0, O, 1, I or L, so nothing can be misread; these characters are rejected, not guessed.
/// The check symbol is a weighted sum modulo 31 (a prime), so any one wrong symbol and any swap of two symbols is
/// detected before a lookup.
/// </summary>
public sealed record TrackingCode
{
    /// <summary>The 31 symbols: digits 2-9 and letters A-Z without I, L and O.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>The fixed prefix.</summary>
    public const string Prefix = "KC";

    /// <summary>Number of random symbols.</summary>
    public const int RandomSymbols = 17;

    private const int GroupSize = 4;
    private const int Symbols = RandomSymbols + 1;

    // Bytes at or above this are rejected so that byte % 31 is uniform (248 = 8 × 31).
    private const int RejectFrom = 256 / 31 * 31;

    private TrackingCode(string value) => Value = value;

    /// <summary>Entropy of a new code in bits: <see cref="RandomSymbols"/> × log2(31) ≈ 84.2.</summary>
    public static double EntropyBits => RandomSymbols * Math.Log2(Alphabet.Length);

    /// <summary>The canonical form: "KC-XXXX-XXXX-XXXX-XXXX-XX", upper case.</summary>
    public string Value { get; }

    /// <summary>A new code from the operating system's cryptographic generator.</summary>
    public static TrackingCode New()
    {
        using var random = RandomNumberGenerator.Create();
        return New(random);
    }

    /// <summary>A new code from the given cryptographic generator (uniform symbols by rejection sampling).</summary>
    public static TrackingCode New(RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var values = new int[Symbols];
        var buffer = new byte[32];
        var filled = 0;
        while (filled < RandomSymbols)
        {
            random.GetBytes(buffer);
            foreach (var b in buffer)
            {
                if (b < RejectFrom && filled < RandomSymbols)
                {
                    values[filled++] = b % Alphabet.Length;
                }
            }
        }

        values[RandomSymbols] = CheckValue(values.AsSpan(0, RandomSymbols));
        return new TrackingCode(Format(values));
    }

    /// <summary>
    /// Parses a code as a person may type it: any case, spaces or dashes anywhere or none, with or without the "KC"
    /// prefix. False for unknown characters (including 0, O, 1, I, L), a wrong length or a wrong check symbol.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out TrackingCode? code)
    {
        code = null;
        if (text is null || text.Length > 100)
        {
            return false;
        }

        var symbols = WithoutPrefix(Compact(text));
        if (symbols.Length != Symbols || SymbolValues(symbols) is not { } values)
        {
            return false;
        }

        if (values[RandomSymbols] != CheckValue(values.AsSpan(0, RandomSymbols)))
        {
            return false;
        }

        code = new TrackingCode(Format(values));
        return true;
    }

    /// <summary>The text in upper case without spaces and dashes.</summary>
    private static string Compact(string text)
    {
        var compact = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.DashPunctuation)
            {
                compact.Append(char.ToUpperInvariant(c));
            }
        }

        return compact.ToString();
    }

    private static string WithoutPrefix(string symbols) =>
        symbols.Length == Prefix.Length + Symbols && symbols.StartsWith(Prefix, StringComparison.Ordinal)
            ? symbols[Prefix.Length..]
            : symbols;

    /// <summary>Each symbol's value in <see cref="Alphabet"/>; null when one is not in it.</summary>
    private static int[]? SymbolValues(string symbols)
    {
        var values = new int[symbols.Length];
        for (var i = 0; i < symbols.Length; i++)
        {
            values[i] = Alphabet.IndexOf(symbols[i], StringComparison.Ordinal);
            if (values[i] < 0)
            {
                return null;
            }
        }

        return values;
    }

    /// <summary>Parses a code or throws <see cref="FormatException"/>.</summary>
    public static TrackingCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException("Not a tracking code.");

    /// <summary>The canonical form.</summary>
    public override string ToString() => Value;

    // Σ (position + 1) × value mod 31: weights 1..17 are distinct and non-zero modulo the prime 31.
    private static int CheckValue(ReadOnlySpan<int> values)
    {
        var sum = 0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += (i + 1) * values[i];
        }

        return sum % Alphabet.Length;
    }

    private static string Format(int[] values)
    {
        var builder = new StringBuilder(Prefix, Prefix.Length + Symbols + (Symbols / GroupSize) + 1);
        for (var i = 0; i < values.Length; i++)
        {
            if (i % GroupSize == 0)
            {
                builder.Append('-');
            }

            builder.Append(Alphabet[values[i]]);
        }

        return builder.ToString();
    }
}
