using KhuyenCong.UnitTests.Deployment;

namespace KhuyenCong.UnitTests.Web.Stylesheets;

/// <summary>
/// Every style sheet of the site is parsed: a lost closing brace once unstyled the whole dashboard and its print view
/// without any test noticing.
/// </summary>
public class StylesheetTests
{
    /// <summary>Every .css file under src/ (build outputs aside), relative to the repository root.</summary>
    public static List<string> Files() =>
        Directory.EnumerateFiles(BuildPaths.InRepo("src"), "*.css", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(BuildPaths.RepoRoot, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static TheoryData<string> Stylesheets() => new(Files());

    [Fact]
    public void Stylesheets_InTheRepository_EverySheetTheLayoutLinks()
    {
        var files = Files();

        Assert.All(KhuyenCong.Web.Layout.Stylesheets.Names, name => Assert.Contains("src/Functions/Web/Assets/" + name, files));
    }

    [Theory]
    [MemberData(nameof(Stylesheets))]
    public async Task Stylesheet_InSource_AtMost400Lines(string file)
    {
        var lines = (await File.ReadAllLinesAsync(BuildPaths.InRepo(file))).Length;

        Assert.True(lines <= 400, $"{file} has {lines} lines (at most 400).");
    }

    [Theory]
    [MemberData(nameof(Stylesheets))]
    public async Task Stylesheet_Parsed_EveryBlockClosedAndEveryRuleValid(string file)
    {
        var path = BuildPaths.InRepo(file);

        var blocks = StylesheetBlocks.Problems(await File.ReadAllTextAsync(path));
        var findings = await CssValidator.ValidateAsync(path);

        Assert.True(blocks.Count == 0, file + ": " + string.Join("; ", blocks));
        Assert.True(findings.Count == 0, file + ": " + string.Join("; ", findings.Select(f => $"line {f.Line}: {f.Message}")));
    }

    [Fact]
    public void Blocks_ALostClosingBrace_ReportedAtTheRuleThatFollowsAndAtTheOpenBlock()
    {
        const string css = ".table-scroll td {\n  padding: 0;\n\n/* Statistics */\n.dashboard {\n  max-width: 64rem;\n}\n";

        var problems = StylesheetBlocks.Problems(css);

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("line 5: the rule \".dashboard\" is inside the declarations of \".table-scroll td\" (line 1)", problems[0], StringComparison.Ordinal);
        Assert.Equal("line 1: the block of \".table-scroll td\" is never closed", problems[1]);
    }

    [Theory]
    [InlineData("a { color: red; }\n}", "line 2: a closing brace closes nothing")]
    [InlineData("a { color: red; }\n/* no end", "line 2: a comment is never closed")]
    [InlineData("a::after { content: \"}\n", "line 1: a string is never closed")]
    public void Blocks_BrokenStructure_Reported(string css, string expected)
    {
        Assert.Equal([expected], StylesheetBlocks.Problems(css));
    }

    [Fact]
    public void Blocks_MediaQueriesCommentsAndStringsWithBraces_Sound()
    {
        const string css = "@media print {\n  .a { content: \"{\"; }\n  /* } */\n}\n@font-face { font-family: x; }\n";

        Assert.Empty(StylesheetBlocks.Problems(css));
    }

    [Fact]
    public async Task Validator_InvalidValueAndUnknownProperty_Reported()
    {
        var path = Path.Combine(Path.GetTempPath(), "khuyencong-invalid-" + Guid.NewGuid().ToString("N") + ".css");
        await File.WriteAllTextAsync(path, ".a {\n  color: nonsense;\n  colr: red;\n}\n");
        try
        {
            var findings = await CssValidator.ValidateAsync(path);

            Assert.Contains(findings, f => f.Line == 2 && f.Message.Contains("Invalid value for `color`", StringComparison.Ordinal));
            Assert.Contains(findings, f => f.Line == 3 && f.Message.Contains("Unknown property `colr`", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
