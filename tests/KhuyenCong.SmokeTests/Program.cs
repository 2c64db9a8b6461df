using KhuyenCong.SmokeTests;

// dotnet run --project tests/KhuyenCong.SmokeTests -- [--checks health,submission,staff]
// The app's address comes from SMOKE_BASE_URL (for example http://localhost:7071 or https://<app>.azurewebsites.net).
// Exit code 0 when every check passed, 1 when one failed, 2 when the arguments or the address are wrong.
var baseUrl = Environment.GetEnvironmentVariable("SMOKE_BASE_URL");
if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
{
    Console.Error.WriteLine("Set SMOKE_BASE_URL to the app's address, for example http://localhost:7071.");
    return 2;
}

var checks = SmokeChecks.All.Keys.ToList();
var at = Array.IndexOf(args, "--checks");
if (at >= 0)
{
    checks = at + 1 < args.Length ? args[at + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() : [];
    var unknown = checks.Where(c => !SmokeChecks.All.ContainsKey(c)).ToList();
    if (checks.Count == 0 || unknown.Count > 0)
    {
        Console.Error.WriteLine($"--checks takes a comma-separated list of: {string.Join(", ", SmokeChecks.All.Keys)}.");
        return 2;
    }
}

using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
var failed = 0;
foreach (var name in checks)
{
    foreach (var (what, problem) in await SmokeChecks.All[name](http))
    {
        Console.WriteLine($"{(problem is null ? "PASS" : "FAIL")} {name}: {what}{(problem is null ? string.Empty : " — " + problem)}");
        failed += problem is null ? 0 : 1;
    }
}

Console.WriteLine(failed == 0 ? "smoke: all checks passed" : $"smoke: {failed} check(s) failed");
return failed == 0 ? 0 : 1;
