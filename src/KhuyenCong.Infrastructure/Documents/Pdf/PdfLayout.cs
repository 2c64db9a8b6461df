using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace KhuyenCong.Infrastructure.Documents.Pdf;

/// <summary>A piece of text and its font, for lines that mix bold labels and plain values.</summary>
internal readonly record struct Segment(string Text, XFont Font);

/// <summary>
/// Draws an A4 page top to bottom with the Decree 30/2020 margins (30 mm left, 15 mm right, 20 mm top and bottom):
/// centred lines, drawn rules, wrapped paragraphs of mixed fonts, bordered tables; a new page when one is full.
/// </summary>
internal sealed class PdfLayout : IDisposable
{
    public const double Left = 85.04;
    public const double Right = 595.28 - 42.52;
    public const double Width = Right - Left;
    private const double Top = 56.69;
    private const double Bottom = 841.89 - 56.69;
    private const double LineFactor = 1.25;

    private readonly PdfDocument document = new();
    private XGraphics graphics = null!;
    private bool drawing;

    public PdfLayout(string title)
    {
        EmbeddedFonts.Install();
        document.Info.Title = title;
        document.Info.Creator = "KhuyenCong";
        NewPage();
    }

    public double Y { get; set; }

    public static XFont Font(double size, XFontStyleEx style = XFontStyleEx.Regular) =>
        new(EmbeddedFonts.Family, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));

    public double Measure(string text, XFont font) => graphics.MeasureString(text, font).Width;

    /// <summary>A line centred in the column [<paramref name="x"/>, <paramref name="x"/> + <paramref name="width"/>]; wraps when too long.</summary>
    public void Centred(string text, XFont font, double x = Left, double width = Width)
    {
        foreach (var line in Wrap([new Segment(text, font)], width))
        {
            var lineWidth = line.Sum(s => Measure(s.Text, s.Font));
            Draw(line, x + ((width - lineWidth) / 2), font.Size);
        }
    }

    /// <summary>A line centred in the column on one line: its font shrinks (down to 8 pt) until it fits.</summary>
    public void CentredOnOneLine(string text, XFont font, double x, double width)
    {
        var fitted = font;
        while (Measure(text, fitted) > width && fitted.Size > 8)
        {
            fitted = Font(fitted.Size - 0.5, font.Style);
        }

        Draw([new Segment(text, fitted)], x + ((width - Measure(text, fitted)) / 2), fitted.Size);
    }

    /// <summary>A drawn rule of <paramref name="length"/> points, centred in the column, just under the last line.</summary>
    public void Rule(double length, double x = Left, double width = Width)
    {
        var start = x + ((width - length) / 2);
        graphics.DrawLine(new XPen(XColors.Black, 0.6), start, Y + 1, start + length, Y + 1);
        Y += 4;
    }

    /// <summary>A paragraph of segments wrapped to the text width, the first line indented by <paramref name="indent"/>.</summary>
    public void Paragraph(IReadOnlyList<Segment> segments, double indent = 0, double after = 4)
    {
        var size = segments.Max(s => s.Font.Size);
        var first = true;
        foreach (var line in Wrap(segments, Width - indent, Width))
        {
            Draw(line, Left + (first ? indent : 0), size);
            first = false;
        }

        Y += after;
    }

    /// <summary>A bordered table: a header row in <paramref name="headerFont"/>, then the rows; cells wrap.</summary>
    public void Table(IReadOnlyList<double> widths, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, XFont headerFont, XFont font)
    {
        TableRow(widths, headers, headerFont, centred: true);
        foreach (var row in rows)
        {
            TableRow(widths, row, font, centred: false);
        }

        Y += 6;
    }

    public byte[] Save()
    {
        EndPage();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        EndPage();
        document.Dispose();
    }

    private void TableRow(IReadOnlyList<double> widths, IReadOnlyList<string> cells, XFont font, bool centred)
    {
        const double Padding = 4;
        var lines = cells.Select((c, i) => Wrap([new Segment(c, font)], widths[i] - (2 * Padding))).ToList();
        var height = (lines.Max(l => l.Count) * font.Size * LineFactor) + (2 * Padding);
        EnsureRoom(height);
        var x = Left;
        var top = Y;
        for (var i = 0; i < widths.Count; i++)
        {
            graphics.DrawRectangle(new XPen(XColors.Black, 0.5), x, top, widths[i], height);
            Y = top + Padding;
            foreach (var line in lines[i])
            {
                var lineWidth = line.Sum(s => Measure(s.Text, s.Font));
                Draw(line, centred ? x + ((widths[i] - lineWidth) / 2) : x + Padding, font.Size);
            }

            x += widths[i];
        }

        Y = top + height;
    }

    private void Draw(IReadOnlyList<Segment> line, double x, double size)
    {
        EnsureRoom(size * LineFactor);
        var baseline = Y + size;
        foreach (var segment in line)
        {
            graphics.DrawString(segment.Text, segment.Font, XBrushes.Black, new XPoint(x, baseline));
            x += Measure(segment.Text, segment.Font);
        }

        Y += size * LineFactor;
    }

    /// <summary>Splits segments into lines of at most <paramref name="firstWidth"/> (then <paramref name="width"/>) points, at spaces.</summary>
    private List<List<Segment>> Wrap(IReadOnlyList<Segment> segments, double firstWidth, double? width = null)
    {
        var lines = new List<List<Segment>> { new() };
        var used = 0d;
        var limit = firstWidth;
        foreach (var segment in segments)
        {
            foreach (var word in SplitKeepingSpaces(segment.Text))
            {
                var wordWidth = Measure(word, segment.Font);
                if (used + wordWidth > limit && used > 0 && word.Trim().Length > 0)
                {
                    lines.Add([]);
                    used = 0;
                    limit = width ?? firstWidth;
                }

                var text = used == 0 ? word.TrimStart() : word;
                lines[^1].Add(new Segment(text, segment.Font));
                used += Measure(text, segment.Font);
            }
        }

        return lines;
    }

    private static IEnumerable<string> SplitKeepingSpaces(string text)
    {
        var start = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == ' ')
            {
                yield return text[start..i];
                start = i;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private void EnsureRoom(double height)
    {
        if (Y + height > Bottom)
        {
            EndPage();
            NewPage();
        }
    }

    private void NewPage()
    {
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        drawing = true;
        Y = Top;
    }

    private void EndPage()
    {
        if (drawing)
        {
            graphics.Dispose();
            drawing = false;
        }
    }
}
