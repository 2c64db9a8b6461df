using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace KhuyenCong.Infrastructure.Documents.Templates;

/// <summary>
/// Writes a shipped template in the administrative document layout of Decree 30/2020/NĐ-CP, Appendix I, as specified
/// in docs/legal/document-format.md (each value's confidence is given there): A4 portrait, margins 20/20/30/15 mm,
/// Times New Roman, black; the two-column header (superior body, issuer, a short rule, "Số:"; national title, motto,
/// its rule, place and date in italics); the title; justified 14 pt body; bordered tables; the signature block with
/// "Nơi nhận"; page numbers from page 2, centred in the top margin.
/// </summary>
internal sealed partial class Decree30Writer
{
    /// <summary>Text width: A4 (11906 twips) less 30 mm left and 15 mm right.</summary>
    public const int TextWidth = 11906 - LeftMargin - RightMargin;

    private const int LeftMargin = 1701;
    private const int RightMargin = 850;
    private const int VerticalMargin = 1134;
    private const int HeaderColumn = 3742;

    /// <summary>The text of the draft mark (<see cref="Header(bool)"/>).</summary>
    public const string DraftText = "DỰ THẢO";

    private readonly List<OpenXmlElement> body = [];

    /// <summary>Run formatting: size in points, bold, italic.</summary>
    public readonly record struct Look(int Points = 14, bool Bold = false, bool Italic = false);

    /// <summary>
    /// The Decree 30 header (document-format.md §2.1-2.2) with the common placeholders; a <paramref name="draft"/> (dự
    /// thảo) has the boxed "DỰ THẢO" mark under its number (§2.7).
    /// </summary>
    public Decree30Writer Header(bool draft = false)
    {
        OpenXmlElement[] left =
        [
            Line("{{issuer.superior}}", new Look(13), JustificationValues.Center),
            Line("{{issuer.name}}", new Look(13, Bold: true), JustificationValues.Center),
            Rule(HeaderColumn, 1200),
            Line("Số: {{document.number}}", new Look(13), JustificationValues.Center),
            .. draft ? new[] { DraftMark(HeaderColumn) } : [],
        ];
        var right = new[]
        {
            Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", new Look(13, Bold: true), JustificationValues.Center),
            Line("Độc lập - Tự do - Hạnh phúc", new Look(14, Bold: true), JustificationValues.Center),
            Rule(TextWidth - HeaderColumn, 3450),
            Line("{{document.dateLine}}", new Look(14, Italic: true), JustificationValues.Center, before: 120),
        };
        body.Add(Borderless([HeaderColumn, TextWidth - HeaderColumn], [left, right]));
        return this;
    }

    /// <summary>The document's name (capitals, bold) and, under it, what it is about (bold) and a short rule (§2.3).</summary>
    public Decree30Writer Title(string name, string? about)
    {
        body.Add(Line(name, new Look(14, Bold: true), JustificationValues.Center, before: 360));
        if (about is not null)
        {
            body.Add(Line(about, new Look(14, Bold: true), JustificationValues.Center));
            body.Add(Rule(TextWidth, 2400));
        }

        body.Add(Line(string.Empty, new Look(8), JustificationValues.Center));
        return this;
    }

    /// <summary>A body paragraph: justified, 14 pt, first line indented 1,27 cm, 6 pt after (§2.4). Segments in **…** are bold, in _…_ italic.</summary>
    public Decree30Writer Para(string text, bool indent = true) => Add(Body(text, indent, JustificationValues.Both));

    /// <summary>A page break: an appendix (phụ lục) starts on a page of its own (document-format.md §2.7).</summary>
    public Decree30Writer PageBreak() => Add(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

    /// <summary>A centred line (a heading inside the body).</summary>
    public Decree30Writer Centred(string text, Look look) => Add(Line(text, look, JustificationValues.Center, before: 120));

    /// <summary>
    /// A bordered table (13 pt): a bold header row, then one row of cells, the repeating block when the cells hold
    /// <c>{{#name}}</c> … <c>{{/name}}</c>.
    /// </summary>
    public Decree30Writer Table(IReadOnlyList<int> widths, IReadOnlyList<string> headers, IReadOnlyList<string> cells)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(Grid(widths));
        table.Append(Row(widths, headers.Select(h => new[] { Line(h, new Look(13, Bold: true), JustificationValues.Center) }).ToArray(), header: true));
        table.Append(Row(widths, cells.Select(c => new[] { Line(c, new Look(13), JustificationValues.Left) }).ToArray(), header: false));
        body.Add(table);
        body.Add(Line(string.Empty, new Look(6), JustificationValues.Left));
        return this;
    }

    /// <summary>The end block (§2.5-2.6): two borderless columns, each a list of lines (see <see cref="Recipients"/> and <see cref="Signer"/>).</summary>
    public Decree30Writer Closing(IReadOnlyList<OpenXmlElement> left, IReadOnlyList<OpenXmlElement> right)
    {
        body.Add(Line(string.Empty, new Look(8), JustificationValues.Left));
        body.Add(Borderless([TextWidth / 2, TextWidth - (TextWidth / 2)], [left.ToArray(), right.ToArray()]));
        return this;
    }

    /// <summary>"Nơi nhận:" (12 pt bold italic) and its lines (11 pt), each starting with "- ".</summary>
    public static IReadOnlyList<OpenXmlElement> Recipients(params string[] lines) =>
        [Line("Nơi nhận:", new Look(12, Bold: true, Italic: true), JustificationValues.Left), .. lines.Select(l => Line("- " + l, new Look(11), JustificationValues.Left))];

    /// <summary>A signature block: its heading lines (bold capitals), room to sign and seal, and the name (bold).</summary>
    public static IReadOnlyList<OpenXmlElement> Signer(string name, params string[] headings) =>
    [
        .. headings.Select(h => Line(h, new Look(14, Bold: true), JustificationValues.Center)),
        Line("(Ký, ghi rõ họ tên)", new Look(13, Italic: true), JustificationValues.Center),
        Line(string.Empty, new Look(14), JustificationValues.Center),
        Line(string.Empty, new Look(14), JustificationValues.Center),
        Line(string.Empty, new Look(14), JustificationValues.Center),
        Line(name, new Look(14, Bold: true), JustificationValues.Center),
    ];

    /// <summary>The template as a .docx, with a note on what it is in its properties.</summary>
    public byte[] Build(string description)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = description;
            document.PackageProperties.Description =
                "Mẫu do KhuyenCong cung cấp, trình bày theo thể thức Nghị định 30/2020/NĐ-CP (docs/legal/document-format.md); "
                + "nội dung là thiết kế của dự án, không phải mẫu chính thức. Quản trị viên có thể thay bằng mẫu riêng (docs/documents.md).";
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = PageNumberHeader();
            var firstHeader = main.AddNewPart<HeaderPart>();
            firstHeader.Header = new Header(new Paragraph());
            var content = new Body(body.Select(e => e.CloneNode(true)));
            content.Append(Section(main.GetIdOfPart(header), main.GetIdOfPart(firstHeader)));
            main.Document = new Document(content);
        }

        return stream.ToArray();
    }

    private Decree30Writer Add(OpenXmlElement element)
    {
        body.Add(element);
        return this;
    }

    private static SectionProperties Section(string headerId, string firstHeaderId) => new(
        new HeaderReference { Type = HeaderFooterValues.Default, Id = headerId },
        new HeaderReference { Type = HeaderFooterValues.First, Id = firstHeaderId },
        new PageSize { Width = 11906, Height = 16838 },
        new PageMargin { Top = VerticalMargin, Bottom = VerticalMargin, Left = LeftMargin, Right = RightMargin, Header = 567, Footer = 567, Gutter = 0 },
        new TitlePage());

    private static Header PageNumberHeader() => new(new Paragraph(
        new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
        new Run(Properties(new Look(13)), new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(Properties(new Look(13)), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(Properties(new Look(13)), new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(Properties(new Look(13)), new Text("2")),
        new Run(Properties(new Look(13)), new FieldChar { FieldCharType = FieldCharValues.End })));

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                new Color { Val = "000000" },
                new FontSize { Val = "28" },
                new FontSizeComplexScript { Val = "28" },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
}
