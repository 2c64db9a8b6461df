namespace KhuyenCong.LocalHost.Hosting;

/// <summary>Finds the repository root (the folder holding KhuyenCong.sln and package.json).</summary>
public static class RepositoryLayout
{
    public static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "KhuyenCong.sln")) && File.Exists(Path.Combine(dir.FullName, "package.json")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new LocalHostException(
            "Could not find the KhuyenCong repository (a folder with KhuyenCong.sln and package.json) above the current folder. " +
            "Run LocalHost from the repository: dotnet run --project src/LocalHost");
    }
}
