using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Domain.Documents;

public class TemplateTagsTests
{
    private static readonly PlaceholderSet Set = new(
        [new("proposal.title", true, "Tên", "X"), new("proposal.summary", false, "Tóm tắt", "Y")],
        [new("documents", true, "Tài liệu", [new("kind", true, "Loại", "PDF"), new("size", false, "Dung lượng", "1 KB")])]);

    [Fact]
    public void Find_Tags_AreFoundWithKindsAndSpacesInsideBraces()
    {
        var (tags, malformed) = TemplateTags.Find("A {{proposal.title}} B {{ #documents }}{{documents.kind}}{{/documents}}");

        Assert.Empty(malformed);
        Assert.Equal([TagKind.Value, TagKind.Open, TagKind.Value, TagKind.Close], tags.Select(t => t.Kind));
        Assert.Equal(["proposal.title", "documents", "documents.kind", "documents"], tags.Select(t => t.Name));
    }

    [Theory]
    [InlineData("{{proposal.tên}}")]
    [InlineData("{{proposal..title}}")]
    [InlineData("{{proposal.title")]
    [InlineData("{{}}")]
    public void Find_BrokenTag_IsMalformed(string text)
    {
        var (tags, malformed) = TemplateTags.Find("x " + text + " y");

        Assert.Empty(tags);
        Assert.Single(malformed);
    }

    [Fact]
    public void Check_TemplateWithEverything_HasNoProblem()
    {
        var tags = Located(("proposal.title", TagKind.Value, null), ("documents", TagKind.Open, "documents"), ("documents.kind", TagKind.Value, "documents"), ("documents", TagKind.Close, "documents"));
        Assert.Empty(TemplateCheck.Check(tags, [], Set));
    }

    [Fact]
    public void Check_MissingRequired_NamesThePlaceholderInBothLanguages()
    {
        var tags = Located(("documents", TagKind.Open, "documents"), ("documents.kind", TagKind.Value, "documents"), ("documents", TagKind.Close, "documents"));
        var problem = Assert.Single(TemplateCheck.Check(tags, [], Set));

        Assert.Equal(TemplateProblemKind.Missing, problem.Kind);
        Assert.Equal("Mẫu thiếu trường bắt buộc {{proposal.title}}.", problem.Message(Language.Vietnamese));
        Assert.Equal("The template lacks the required placeholder {{proposal.title}}.", problem.Message(Language.English));
    }

    [Fact]
    public void Check_UnknownPlaceholder_IsNamed()
    {
        var tags = Located(("proposal.title", TagKind.Value, null), ("proposal.secret", TagKind.Value, null), ("documents", TagKind.Open, "documents"),
            ("documents.kind", TagKind.Value, "documents"), ("documents", TagKind.Close, "documents"));
        var problem = Assert.Single(TemplateCheck.Check(tags, [], Set));

        Assert.Equal(new TemplateProblem(TemplateProblemKind.Unknown, "{{proposal.secret}}"), problem);
        Assert.Contains("{{proposal.secret}}", problem.Message(Language.Vietnamese), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RowFieldOutsideItsBlock_IsMisplaced()
    {
        var tags = Located(("proposal.title", TagKind.Value, null), ("documents.kind", TagKind.Value, null), ("documents", TagKind.Open, "documents"),
            ("documents.kind", TagKind.Value, "documents"), ("documents", TagKind.Close, "documents"));
        Assert.Equal([new TemplateProblem(TemplateProblemKind.Misplaced, "{{documents.kind}}")], TemplateCheck.Check(tags, [], Set));
    }

    [Fact]
    public void Check_BlockWithoutARequiredField_NamesTheField()
    {
        var tags = Located(("proposal.title", TagKind.Value, null), ("documents", TagKind.Open, "documents"), ("documents.size", TagKind.Value, "documents"), ("documents", TagKind.Close, "documents"));
        Assert.Equal([new TemplateProblem(TemplateProblemKind.Missing, "{{documents.kind}}")], TemplateCheck.Check(tags, [], Set));
    }

    [Fact]
    public void Check_Malformed_IsNamedFirst()
    {
        var tags = Located(("proposal.title", TagKind.Value, null), ("documents", TagKind.Open, "documents"), ("documents.kind", TagKind.Value, "documents"), ("documents", TagKind.Close, "documents"));
        var problem = Assert.Single(TemplateCheck.Check(tags, ["{{proposal.tên}}"], Set));
        Assert.Contains("{{proposal.tên}}", problem.Message(Language.Vietnamese), StringComparison.Ordinal);
    }

    [Fact]
    public void PlaceholderSet_DuplicateName_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new PlaceholderSet([new("a.b", false, "x", "y"), new("a.b", true, "x", "y")]));

    private static List<LocatedTag> Located(params (string Name, TagKind Kind, string? Block)[] tags) =>
        tags.Select((t, i) => new LocatedTag(new TemplateTag(t.Kind, t.Name, i, TemplateTags.Write(t.Kind, t.Name)), t.Block)).ToList();
}
