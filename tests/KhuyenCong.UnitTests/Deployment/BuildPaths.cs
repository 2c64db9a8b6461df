using System.Reflection;

namespace KhuyenCong.UnitTests.Deployment;

/// <summary>
/// Paths the build hands to the deployment tests through assembly metadata (see KhuyenCong.UnitTests.csproj):
/// the repository root and the NuGet package root, where the bicep CLI package is downloaded.
/// </summary>
internal static class BuildPaths
{
    public static string RepoRoot => Path.GetFullPath(Metadata("RepoRoot"));

    public static string Infra => Path.Combine(RepoRoot, "infra");

    public static string InRepo(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

    public static string Metadata(string key)
    {
        var value = typeof(BuildPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value;
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException(
                $"Assembly metadata '{key}' is missing or empty: build the test project with `dotnet build` after a restore.")
            : value;
    }
}
