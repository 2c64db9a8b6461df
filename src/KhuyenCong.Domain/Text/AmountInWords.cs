using System.Text;

namespace KhuyenCong.Domain.Text;

/// <summary>
/// Amounts in words as Vietnamese administrative and accounting papers write them ("Một tỷ hai trăm ba mươi tư triệu
/// năm trăm sáu mươi bảy nghìn đồng"). No legal text fixes the wording (docs/legal/document-format.md §4: only the
/// invoice rules require a total in words); these are the common reading conventions, checked against published
/// examples in the unit tests:
/// <list type="bullet">
/// <item>groups of three digits from the left, named "nghìn", "triệu", "tỷ" (Northern "nghìn", not Southern "ngàn");
/// above 999 tỷ the tỷ count is itself read ("một nghìn tỷ");</item>
/// <item>"mười" for 10-19, "<i>n</i> mươi" from 20;</item>
/// <item>"linh" for a zero tens digit before a unit ("một trăm linh năm"; "lẻ" is the Southern equivalent);</item>
/// <item>a final 1 is "mốt" after a tens digit of 2 or more ("hai mươi mốt"), otherwise "một" ("mười một");</item>
/// <item>a final 4 is "tư" after a tens digit of 2 or more ("ba mươi tư"), otherwise "bốn" ("mười bốn", "linh bốn");</item>
/// <item>a final 5 is "lăm" after any tens digit ("mười lăm", "hai mươi lăm"), otherwise "năm" ("linh năm");</item>
/// <item>a group that is wholly zero is skipped; a group after a higher one is read in full, "không trăm" included
/// ("một nghìn không trăm linh năm", "một tỷ không trăm năm mươi triệu").</item>
/// </list>
/// No "chẵn" is added: no rule requires it (document-format.md §4).
/// </summary>
public static class AmountInWords
{
    private static readonly string[] Digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
    private static readonly string[] GroupNames = [string.Empty, "nghìn", "triệu"];

    /// <summary>The amount in words with a capital first letter and "đồng": "Một triệu không trăm linh năm đồng".</summary>
    public static string Dong(long amount)
    {
        var words = Read(amount);
        return char.ToUpperInvariant(words[0]) + words[1..] + " đồng";
    }

    /// <summary>The number in lower-case words: 0 is "không", 21 is "hai mươi mốt".</summary>
    public static string Read(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value == 0)
        {
            return Digits[0];
        }

        var builder = new StringBuilder();
        AppendWhole(builder, value, leading: true);
        return builder.ToString();
    }

    /// <summary>
    /// Reads <paramref name="value"/> (above 0): the tỷ count (itself read like a number), then the part below one tỷ.
    /// <paramref name="leading"/> is false when a higher part was already read, so the first group is read in full.
    /// </summary>
    private static void AppendWhole(StringBuilder builder, long value, bool leading)
    {
        const long Billion = 1_000_000_000;
        var billions = value / Billion;
        var rest = value % Billion;
        if (billions > 0)
        {
            AppendWhole(builder, billions, leading);
            Append(builder, "tỷ");
            leading = false;
        }

        // Millions, thousands, units: a group of zeros is skipped; a later group is read in full.
        var groups = new[] { (int)(rest / 1_000_000), (int)(rest / 1000 % 1000), (int)(rest % 1000) };
        for (var i = 0; i < groups.Length; i++)
        {
            if (groups[i] == 0)
            {
                continue;
            }

            AppendGroup(builder, groups[i], full: !leading);
            Append(builder, GroupNames[groups.Length - 1 - i]);
            leading = false;
        }
    }

    /// <summary>Reads one group of three digits (1-999); <paramref name="full"/> reads its hundreds even when zero.</summary>
    private static void AppendGroup(StringBuilder builder, int group, bool full)
    {
        var hundreds = group / 100;
        var tens = group / 10 % 10;
        var units = group % 10;
        if (full || hundreds > 0)
        {
            Append(builder, Digits[hundreds]);
            Append(builder, "trăm");
        }

        if (tens == 0)
        {
            if (units > 0 && (full || hundreds > 0))
            {
                Append(builder, "linh");
            }
        }
        else
        {
            Append(builder, tens == 1 ? "mười" : Digits[tens] + " mươi");
        }

        if (units > 0)
        {
            Append(builder, UnitWord(units, tens));
        }
    }

    private static string UnitWord(int units, int tens) => units switch
    {
        1 when tens >= 2 => "mốt",
        4 when tens >= 2 => "tư",
        5 when tens >= 1 => "lăm",
        _ => Digits[units],
    };

    private static void Append(StringBuilder builder, string word)
    {
        if (word.Length == 0)
        {
            return;
        }

        if (builder.Length > 0)
        {
            builder.Append(' ');
        }

        builder.Append(word);
    }
}
