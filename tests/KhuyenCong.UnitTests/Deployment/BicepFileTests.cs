namespace KhuyenCong.UnitTests.Deployment;

/// <summary>
/// Every Bicep file under infra/ compiles and passes the linter with no warning and no error. infra/bicepconfig.json
/// raises the linter rules the deployment relies on to errors; the scratch-file tests prove that it does.
/// </summary>
public class BicepFileTests
{
    public static TheoryData<string> BicepFiles() => new(BicepFilePaths());

    /// <summary>Every .bicep file under infra/, relative to the repository root.</summary>
    private static IEnumerable<string> BicepFilePaths() =>
        Directory.EnumerateFiles(BuildPaths.Infra, "*.bicep", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(BuildPaths.RepoRoot, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Build_BicepFile_SucceedsWithoutWarnings(string file)
    {
        var result = BicepCli.Run("build", BuildPaths.InRepo(file), "--stdout");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.WarningsAndErrors);
        Assert.StartsWith("{", result.StandardOutput.TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Lint_BicepFile_PassesWithoutWarnings(string file)
    {
        var result = BicepCli.Run("lint", BuildPaths.InRepo(file));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.WarningsAndErrors);
    }

    [Fact]
    public void BicepFiles_UnderInfra_AreMainAndItsModules()
    {
        var files = BicepFilePaths().ToList();

        Assert.Contains("infra/main.bicep", files);
        Assert.All(files.Where(f => f != "infra/main.bicep"), f => Assert.StartsWith("infra/modules/", f, StringComparison.Ordinal));
        // Registry modules (br:, ts:) cannot be restored offline: only local modules.
        Assert.All(files, f => Assert.DoesNotMatch(@"['""](br|ts)[:/]", File.ReadAllText(BuildPaths.InRepo(f))));
    }

    [Theory]
    [InlineData("no-unused-params", "param unused string\n")]
    [InlineData("no-unused-vars", "var unused = 'x'\n")]
    [InlineData("secure-secrets-in-params", "param apiSecret string\noutput size int = length(apiSecret)\n")]
    [InlineData("outputs-should-not-contain-secrets", "@secure()\nparam key string\noutput copy string = key\n")]
    [InlineData("no-hardcoded-env-urls", "output endpoint string = 'https://example.blob.core.windows.net/'\n")]
    [InlineData("prefer-interpolation", "param name string\noutput greeting string = concat('hello ', name)\n")]
    public void Lint_ScratchFileBreakingARule_ReportsItAsAnError(string rule, string source)
    {
        var folder = Directory.CreateTempSubdirectory("khuyencong-bicep-");
        try
        {
            File.Copy(Path.Combine(BuildPaths.Infra, "bicepconfig.json"), Path.Combine(folder.FullName, "bicepconfig.json"));
            var file = Path.Combine(folder.FullName, "scratch.bicep");
            File.WriteAllText(file, source);

            var result = BicepCli.Run("lint", file);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains(result.WarningsAndErrors, d => d.Contains($": Error {rule}:", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
