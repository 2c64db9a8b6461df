using System.Text;
using System.Xml;
using KhuyenCong.Application.Exchange;

namespace KhuyenCong.Infrastructure.Exchange.Xlsx;

/// <summary>
/// Text of SpreadsheetML elements read in chunks (<see cref="XmlReader.ReadValueChunk"/>), so a cell's text is refused
/// once it passes the cell limit without the rest of it ever being held; namespaces are ignored (transitional and
/// strict workbooks alike).
/// </summary>
internal sealed class XlsxText
{
    private readonly StringBuilder text = new();
    private readonly char[] chunk = new char[4096];

    /// <summary>True when the reader is on the start of an element named <paramref name="localName"/> (any namespace).</summary>
    public static bool IsStart(XmlReader reader, string localName) =>
        reader.NodeType == XmlNodeType.Element && string.Equals(reader.LocalName, localName, StringComparison.Ordinal);

    /// <summary>True when the reader is on the end of the element that started at <paramref name="depth"/>.</summary>
    public static bool IsEnd(XmlReader reader, int depth) =>
        reader.EOF || (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth);

    /// <summary>The attribute's value by local name (any namespace), or null.</summary>
    public static string? Attribute(XmlReader reader, string localName)
    {
        if (!reader.MoveToFirstAttribute())
        {
            return null;
        }

        string? value = null;
        do
        {
            if (string.Equals(reader.LocalName, localName, StringComparison.Ordinal))
            {
                value = reader.Value;
                break;
            }
        }
        while (reader.MoveToNextAttribute());

        reader.MoveToElement();
        return value;
    }

    /// <summary>
    /// The text of the element the reader is on (a &lt;v&gt; or &lt;t&gt;), at most <paramref name="maxChars"/>
    /// characters, else <paramref name="tooLong"/>; leaves the reader after the element's end.
    /// </summary>
    public string ReadElement(XmlReader reader, int maxChars, Func<SpreadsheetFormatException> tooLong)
    {
        text.Clear();
        AppendElement(reader, maxChars, tooLong);
        return text.ToString();
    }

    /// <summary>
    /// The text of a rich-text element (a shared string &lt;si&gt; or inline &lt;is&gt;): its &lt;t&gt; elements, direct or
    /// in runs, without phonetic guides (&lt;rPh&gt;); leaves the reader after the element's end.
    /// </summary>
    public string ReadRich(XmlReader reader, int maxChars, Func<SpreadsheetFormatException> tooLong)
    {
        text.Clear();
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!IsEnd(reader, depth))
        {
            if (IsStart(reader, "rPh") || IsStart(reader, "phoneticPr"))
            {
                reader.Skip();
            }
            else if (IsStart(reader, "t"))
            {
                AppendElement(reader, maxChars, tooLong);
            }
            else
            {
                reader.Read();
            }
        }

        reader.Read();
        return text.ToString();
    }

    private void AppendElement(XmlReader reader, int maxChars, Func<SpreadsheetFormatException> tooLong)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!IsEnd(reader, depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                if (!reader.CanReadValueChunk)
                {
                    Append(reader.Value.AsSpan(), maxChars, tooLong);
                }
                else
                {
                    int read;
                    while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        Append(chunk.AsSpan(0, read), maxChars, tooLong);
                    }
                }
            }

            reader.Read();
        }

        reader.Read();
    }

    private void Append(ReadOnlySpan<char> value, int maxChars, Func<SpreadsheetFormatException> tooLong)
    {
        if (text.Length + value.Length > maxChars)
        {
            throw tooLong();
        }

        text.Append(value);
    }
}
