using System.Xml;
using KhuyenCong.Application.Exchange;

namespace KhuyenCong.Infrastructure.Exchange.Xlsx;

/// <summary>
/// A workbook's shared strings, capped: at most one per cell the limits allow (rows × columns), none longer than a
/// cell may be, and their characters counted against the text budget the sheet's own texts share.
/// </summary>
internal static class XlsxSharedStrings
{
    public static List<string> Read(XmlReader xml, string part, SpreadsheetLimits limits, XlsxText text, TextBudget budget)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(budget);
        var maxStrings = (long)limits.MaxRows * limits.MaxColumns;
        var strings = new List<string>();
        var tooLong = () => new SpreadsheetFormatException(new SpreadsheetProblem(SpreadsheetProblemKind.CellTooLong) { Part = part, Limit = limits.MaxCellChars });
        xml.Read();
        while (!xml.EOF)
        {
            if (!XlsxText.IsStart(xml, "si"))
            {
                xml.Read();
                continue;
            }

            if (strings.Count == maxStrings)
            {
                throw new SpreadsheetFormatException(new SpreadsheetProblem(SpreadsheetProblemKind.TooMuchText) { Part = part, Limit = maxStrings });
            }

            var value = text.ReadRich(xml, limits.MaxCellChars, tooLong);
            budget.Spend(value.Length);
            strings.Add(value);
        }

        return strings;
    }
}

/// <summary>The characters of text a read may keep (<see cref="SpreadsheetLimits.MaxTextChars"/>), spent by shared strings and cells.</summary>
internal sealed class TextBudget(long maxChars)
{
    private long spent;

    public void Spend(int chars)
    {
        spent += chars;
        if (spent > maxChars)
        {
            throw new SpreadsheetFormatException(new SpreadsheetProblem(SpreadsheetProblemKind.TooMuchText) { Limit = maxChars });
        }
    }
}
