using System.Diagnostics;
using System.Text.Json;
using KhuyenCong.UnitTests.Deployment;

namespace KhuyenCong.UnitTests.Web.Stylesheets;

/// <summary>
/// csstree-validator (npm, pinned in package.json, installed by <c>npm ci</c>): parses a style sheet and checks every
/// rule, property and value against the CSS specifications.
/// </summary>
internal static class CssValidator
{
    public sealed record Finding(string File, int Line, string Message);

    public static string Script => BuildPaths.InRepo("node_modules", "csstree-validator", "bin", "validate.js");

    /// <summary>What the validator reports for <paramref name="path"/> (empty: valid).</summary>
    public static async Task<IReadOnlyList<Finding>> ValidateAsync(string path)
    {
        Assert.True(File.Exists(Script), $"{Script} is missing: run `npm ci` at the repository root.");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Script, path, "--reporter", "json" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        // The report is on standard output when the file is valid, on standard error when it is not.
        var json = (await output).Trim() is { Length: > 0 } stdout ? stdout : (await error).Trim();
        Assert.True(json.StartsWith('['), $"csstree-validator printed no report (exit {process.ExitCode}): {json}");
        using var report = JsonDocument.Parse(json);
        return report.RootElement.EnumerateArray()
            .Select(f => new Finding(
                f.GetProperty("name").GetString() ?? path,
                f.TryGetProperty("line", out var line) && line.ValueKind == JsonValueKind.Number ? line.GetInt32() : 0,
                f.GetProperty("message").GetString() + (f.TryGetProperty("details", out var details) ? " " + details.GetString() : string.Empty)))
            .ToList();
    }
}
