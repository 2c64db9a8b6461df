using System.Diagnostics;
using System.Text.RegularExpressions;

namespace KhuyenCong.UnitTests.Deployment;

/// <summary>The output of one run of the bicep CLI.</summary>
internal sealed partial record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Diagnostic lines of level Warning or Error, as bicep prints them: <c>file(line,col) : Warning rule: text</c>.</summary>
    public IReadOnlyList<string> WarningsAndErrors =>
        (StandardError + "\n" + StandardOutput).Split('\n')
            .Where(line => DiagnosticLine().IsMatch(line))
            .Select(line => line.Trim())
            .ToList();

    public override string ToString() => $"exit code {ExitCode}\n{StandardError}\n{StandardOutput}";

    [GeneratedRegex(@"\(\d+,\d+\) : (Warning|Error) ")]
    private static partial Regex DiagnosticLine();
}

/// <summary>
/// Runs the bicep CLI that NuGet downloads for this project (PackageDownload of Azure.Bicep.CommandLine.linux-x64),
/// fully offline.
/// </summary>
internal static class BicepCli
{
    private static readonly Lazy<string> Executable = new(Locate);

    public static string ExecutablePath => Executable.Value;

    public static BicepResult Run(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = BuildPaths.RepoRoot,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {ExecutablePath}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 3 minutes.");
        }

        return new BicepResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string Locate()
    {
        var version = BuildPaths.Metadata("BicepVersion");
        var path = Path.Combine(BuildPaths.Metadata("NuGetPackageRoot"), "azure.bicep.commandline.linux-x64", version, "tools", "bicep");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The bicep CLI {version} is not at {path}: restore the unit test project " +
                "(it downloads the package Azure.Bicep.CommandLine.linux-x64).", path);
        }

        // NuGet extracts package files with the mode of the archive; make sure the binary can run.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }

        return path;
    }
}
