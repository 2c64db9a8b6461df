using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Infrastructure.Documents.Docx;
using static KhuyenCong.UnitTests.Documents.TestDocx;

namespace KhuyenCong.UnitTests.Documents;

public class DocxTemplatesTests
{
    private readonly DocxTemplates engine = new();

    private static IReadOnlyDictionary<string, string> Item(params (string Field, string Value)[] fields) =>
        fields.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal);

    [Fact]
    public void Render_PlaceholderSplitAcrossRuns_IsReplacedInTheFirstRunsFormatting()
    {
        var bold = new Run(new RunProperties(new Bold()), new Text("Mã: {{pro") { Space = SpaceProcessingModeValues.Preserve });
        var template = Build(new Paragraph(bold, new Run(new Text("posal.tracking")), new Run(new Text("Code}} hết") { Space = SpaceProcessingModeValues.Preserve })));

        var output = engine.Render(template, new DocumentValues().Set("proposal.trackingCode", "KC-7H3Q-MX9P-2VBA-WD4R-TK"));

        Assert.Equal("Mã: KC-7H3Q-MX9P-2VBA-WD4R-TK hết", Text(output));
        using var stream = new MemoryStream(output);
        using var document = WordprocessingDocument.Open(stream, false);
        var run = document.MainDocumentPart!.Document.Body!.Descendants<Run>().Single(r => r.InnerText.Contains("KC-7H3Q", StringComparison.Ordinal));
        Assert.NotNull(run.RunProperties?.Bold);
    }

    [Fact]
    public void Render_TagSplitInsideItsBraces_IsReplaced()
    {
        var template = Build(Para("Tên: {", "{ proposal.", "title }", "}."));
        Assert.Equal("Tên: Máy cắt CNC.", Text(engine.Render(template, new DocumentValues().Set("proposal.title", "Máy cắt CNC"))));
    }

    [Fact]
    public void Render_RowsBlock_RepeatsTheRowForEachItem()
    {
        var template = Build(Table(
            [["STT"], ["Loại"]],
            [["{{#documents}}{{documents.index}}"], ["{{documents.kind}}{{/documents}}"]]));
        var values = new DocumentValues().SetRows("documents", [Item(("index", "1"), ("kind", "Tài liệu PDF")), Item(("index", "2"), ("kind", "Ảnh"))]);

        var rows = Tables(engine.Render(template, values)).Single();

        Assert.Equal([["STT", "Loại"], ["1", "Tài liệu PDF"], ["2", "Ảnh"]], rows);
    }

    [Fact]
    public void Render_BlockOverTwoRowsWithSplitMarkers_RepeatsBothRows()
    {
        var template = Build(Table(
            [["{", "{#pay", "ments}}Lần {{payments.index}}"], ["x"]],
            [["Số tiền"], ["{{payments.amount}}{{/", "payments}}"]]));
        var values = new DocumentValues().SetRows("payments", [Item(("index", "1"), ("amount", "1.000 đồng")), Item(("index", "2"), ("amount", "2.000 đồng"))]);

        var rows = Tables(engine.Render(template, values)).Single();

        Assert.Equal([["Lần 1", "x"], ["Số tiền", "1.000 đồng"], ["Lần 2", "x"], ["Số tiền", "2.000 đồng"]], rows);
    }

    [Fact]
    public void Render_BlockWithoutItems_LeavesNoRow()
    {
        var template = Build(Table([["STT"]], [["{{#documents}}{{documents.index}}{{/documents}}"]]));
        Assert.Equal([["STT"]], Tables(engine.Render(template, new DocumentValues())).Single());
    }

    [Fact]
    public void Render_ValueThatLooksLikeATag_IsPrintedAsTyped()
    {
        var template = Build(Para("{{proposal.title}}"), Table([["{{#papers}}{{papers.fileName}}{{/papers}}"]]));
        var values = new DocumentValues()
            .Set("proposal.title", "{{establishment.email}}")
            .Set("establishment.email", "bi-mat@example.vn")
            .SetRows("papers", [Item(("fileName", "{{establishment.email}}\n{{papers.fileName}}"))]);

        var output = engine.Render(template, values);

        Assert.DoesNotContain("bi-mat", Text(output), StringComparison.Ordinal);
        Assert.Equal("{{establishment.email}}\n{{papers.fileName}}", Tables(output).Single().Single().Single());
    }

    [Fact]
    public void Render_MultiLineValue_BecomesLineBreaks()
    {
        var output = engine.Render(Build(Para("Nội dung: {{proposal.summary}}")), new DocumentValues().Set("proposal.summary", "Dòng một\nDòng hai"));
        Assert.Equal("Nội dung: Dòng một\nDòng hai", Text(output));
        Assert.Empty(ValidationErrors(output));
    }

    [Fact]
    public void Render_TagWithoutAValue_IsLeftAsWritten() =>
        Assert.Equal("A {{proposal.other}} B", Text(engine.Render(Build(Para("A {{proposal.other}} B")), new DocumentValues())));

    [Fact]
    public void Render_NotADocument_Throws() =>
        Assert.Throws<InvalidDataException>(() => engine.Render("not a docx"u8.ToArray(), new DocumentValues()));

    [Fact]
    public void Read_SplitTagsAndBlocks_AreFoundWithTheirBlock()
    {
        var template = Build(Para("{{pro", "posal.title}}"), Table([["{{#documents}}{{documents.", "kind}}{{/documents}}"]]));

        var reading = engine.Read(template);

        Assert.Empty(reading.Problems);
        Assert.Equal(
            [("proposal.title", null), ("documents", "documents"), ("documents.kind", "documents"), ("documents", "documents")],
            reading.Tags.Select(t => (t.Tag.Name, t.Block)));
    }

    [Fact]
    public void Read_BlockOutsideATable_IsMisplaced()
    {
        var reading = engine.Read(Build(Para("{{#documents}}{{documents.kind}}{{/documents}}")));
        Assert.Contains(new TemplateProblem(TemplateProblemKind.Misplaced, "{{#documents}}"), reading.Problems);
    }

    [Fact]
    public void Read_BlockNeverClosed_IsMisplaced()
    {
        var reading = engine.Read(Build(Table([["{{#documents}}{{documents.kind}}"]])));
        Assert.Equal([new TemplateProblem(TemplateProblemKind.Misplaced, "{{#documents}}")], reading.Problems);
    }

    [Fact]
    public void Read_BlockClosedInAnotherTable_IsMisplaced()
    {
        var reading = engine.Read(Build(Table([["{{#documents}}"]]), Table([["{{/documents}}"]])));
        Assert.Contains(new TemplateProblem(TemplateProblemKind.Misplaced, "{{/documents}}"), reading.Problems);
    }

    [Fact]
    public void Read_MalformedTag_IsListed() =>
        Assert.Equal(["{{proposal.tên}}"], engine.Read(Build(Para("A {{proposal.", "tên}} B"))).Malformed);
}
