using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace KhuyenCong.Infrastructure.Documents.Templates;

internal sealed partial class Decree30Writer
{
    /// <summary>A single-spaced line (header, table cell, signature), no indent, no space after.</summary>
    public static Paragraph Line(string text, Look look, JustificationValues justification, int before = 0) =>
        new(new ParagraphProperties(
                new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                new Justification { Val = justification }),
            new Run(Properties(look), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>
    /// A body paragraph. <c>**text**</c> is bold, <c>_text_</c> italic; a placeholder is never split by the markup,
    /// so it stays in one run.
    /// </summary>
    private static Paragraph Body(string text, bool indent, JustificationValues justification)
    {
        // Schema order: ind before jc.
        var properties = indent
            ? new ParagraphProperties(new Indentation { FirstLine = "720" }, new Justification { Val = justification })
            : new ParagraphProperties(new Justification { Val = justification });

        var paragraph = new Paragraph(properties);
        var bold = false;
        var italic = false;
        foreach (var part in Markup().Split(text))
        {
            switch (part)
            {
                case "**":
                    bold = !bold;
                    break;
                case "_":
                    italic = !italic;
                    break;
                case "":
                    break;
                default:
                    paragraph.Append(new Run(Properties(new Look(14, bold, italic)), new Text(part) { Space = SpaceProcessingModeValues.Preserve }));
                    break;
            }
        }

        return paragraph;
    }

    /// <summary>
    /// A drawn rule of <paramref name="length"/> twips centred in a width of <paramref name="width"/>: an empty
    /// paragraph with a bottom border, narrowed by its indents (document-format.md §5: never an underline).
    /// </summary>
    private static Paragraph Rule(int width, int length)
    {
        var indent = Math.Max(0, (width - 216 - length) / 2).ToString(CultureInfo.InvariantCulture);
        return new Paragraph(
            new ParagraphProperties(
                new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1 }),
                new SpacingBetweenLines { Before = "0", After = "0", Line = "120", LineRule = LineSpacingRuleValues.Exact },
                new Indentation { Left = indent, Right = indent },
                new Justification { Val = JustificationValues.Center }),
            new Run(Properties(new Look(4)), new Text(string.Empty)));
    }

    /// <summary>
    /// The draft mark (document-format.md §2.7): "DỰ THẢO" in capitals, 13 pt bold, in a box drawn as the four borders
    /// of a paragraph narrowed by its indents to about 3 cm, centred in a column of <paramref name="width"/> twips.
    /// </summary>
    private static Paragraph DraftMark(int width)
    {
        const int BoxWidth = 1700;
        var indent = Math.Max(0, (width - 216 - BoxWidth) / 2).ToString(CultureInfo.InvariantCulture);
        return new Paragraph(
            new ParagraphProperties(
                new ParagraphBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 8, Space = 1 },
                    new LeftBorder { Val = BorderValues.Single, Size = 8, Space = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 8, Space = 1 },
                    new RightBorder { Val = BorderValues.Single, Size = 8, Space = 4 }),
                new SpacingBetweenLines { Before = "160", After = "0" },
                new Indentation { Left = indent, Right = indent },
                new Justification { Val = JustificationValues.Center }),
            new Run(Properties(new Look(13, Bold: true)), new Text(DraftText)));
    }

    /// <summary>A borderless table of columns, each cell holding its paragraphs (the header block, the signatures).</summary>
    private static Table Borderless(IReadOnlyList<int> widths, IReadOnlyList<OpenXmlElement[]> columns)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None },
                new BottomBorder { Val = BorderValues.None },
                new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None },
                new InsideVerticalBorder { Val = BorderValues.None }),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(Grid(widths));
        table.Append(Row(widths, columns, header: false));
        return table;
    }

    private static TableGrid Grid(IReadOnlyList<int> widths) =>
        new(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) }));

    private static TableRow Row(IReadOnlyList<int> widths, IReadOnlyList<OpenXmlElement[]> cells, bool header)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        if (header)
        {
            row.TableRowProperties!.Append(new TableHeader());
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var cell = new TableCell(new TableCellProperties(
                new TableCellWidth { Width = widths[i].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
            cell.Append(cells[i].Select(e => e.CloneNode(true)));
            row.Append(cell);
        }

        return row;
    }

    private static RunProperties Properties(Look look)
    {
        var properties = new RunProperties(
            new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" });
        if (look.Bold)
        {
            properties.Append(new Bold());
        }

        if (look.Italic)
        {
            properties.Append(new Italic());
        }

        var size = (look.Points * 2).ToString(CultureInfo.InvariantCulture);
        properties.Append(new Color { Val = "000000" }, new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
        return properties;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(\*\*|_)")]
    private static partial System.Text.RegularExpressions.Regex Markup();
}
