using System.Text.RegularExpressions;
using KhuyenCong.UnitTests.Deployment;

namespace KhuyenCong.UnitTests.Architecture;

/// <summary>Code and docs point only at documents the repository holds (the durable pitfalls once lived in a DESIGN.md outside it).</summary>
public sealed partial class DocumentReferenceTests
{
    private static IEnumerable<string> SourcesAndDocs() =>
        new[] { "src", "docs", "tests" }
            .SelectMany(folder => Directory.EnumerateFiles(BuildPaths.InRepo(folder), "*", SearchOption.AllDirectories))
            .Append(BuildPaths.InRepo("README.md"))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !f.EndsWith(nameof(DocumentReferenceTests) + ".cs", StringComparison.Ordinal));

    [Fact]
    public void SourcesAndDocs_DesignMd_IsMentionedOnlyWhenTheRepositoryHoldsIt()
    {
        var held = Directory.EnumerateFiles(BuildPaths.RepoRoot, "DESIGN.md", SearchOption.AllDirectories)
            .Any(f => !f.Contains("node_modules", StringComparison.Ordinal));

        var mentions = SourcesAndDocs().Where(f => File.ReadAllText(f).Contains("DESIGN.md", StringComparison.Ordinal)).ToList();

        Assert.True(held || mentions.Count == 0, "DESIGN.md is not in the repository but is mentioned in: " + string.Join(", ", mentions));
    }

    [Fact]
    public void SourcesAndDocs_DocsPaths_Exist()
    {
        var missing = SourcesAndDocs()
            .SelectMany(f => DocsPath().Matches(File.ReadAllText(f)).Select(m => (File: f, Path: m.Value)))
            .Where(r => !File.Exists(BuildPaths.InRepo(r.Path.Split('/'))))
            .Select(r => $"{Path.GetRelativePath(BuildPaths.RepoRoot, r.File)}: {r.Path}")
            .ToList();

        Assert.True(missing.Count == 0, "Missing documents:\n" + string.Join("\n", missing));
    }

    /// <summary>A path from the repository root into docs/ (not one inside another repository, like <c>input/docs/…</c>).</summary>
    [GeneratedRegex(@"(?<![\w/.-])docs/[\w./-]+\.md")]
    private static partial Regex DocsPath();
}
