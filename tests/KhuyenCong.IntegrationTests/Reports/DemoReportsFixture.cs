using System.Globalization;
using System.Text;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Reports;

/// <summary>One Azurite and one LocalHost with the demo data loaded (<c>--seed-demo</c>: data/demo through the import's code).</summary>
public sealed class DemoReportsFixture : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();

    public LocalHostApplication Host { get; private set; } = null!;

    public string StorageConnectionString => azurite.ConnectionString;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        Host = await LocalHostFactory.StartAsync(azurite.ConnectionString, seedDemo: true);
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await azurite.DisposeAsync();
    }
}

/// <summary>A decided proposal of the demo file, read here from the CSV itself (not by the app's import).</summary>
/// <param name="BeneficiaryTypes">The entity type of each beneficiary establishment: the listed ones, or the applicant unless it is a service provider.</param>
/// <param name="OwnContribution">The establishment's own money (vốn đối ứng).</param>
internal sealed record DemoDecision(DateOnly Decided, long Requested, long Approved, long Paid, string Source, IReadOnlyList<string> BeneficiaryTypes, long OwnContribution);

internal static class DemoFile
{
    /// <summary>The demo file's proposals with an approval decision (date and approved amount).</summary>
    public static IReadOnlyList<DemoDecision> Decisions()
    {
        var path = Path.Combine(RepositoryRoot(), "data", "demo", "proposals-hung-yen-2014-2020.csv");
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var header = Fields(lines[0].TrimStart('\uFEFF'));
        int Column(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new InvalidDataException("no column " + name);
        var (date, requested, approved, paid, source) = (Column("Ngày quyết định"), Column("Kinh phí đề nghị hỗ trợ (đồng)"),
            Column("Kinh phí được duyệt (đồng)"), Column("Kinh phí đã thanh toán (đồng)"), Column("Nguồn kinh phí"));
        var (type, listed, own) = (Column("Loại hình cơ sở"), Column("Cơ sở thụ hưởng"), Column("Vốn đối ứng (đồng)"));
        return lines.Skip(1).Where(l => l.Length > 0).Select(Fields)
            .Where(f => f[date].Length > 0 && f[approved].Length > 0)
            .Select(f => new DemoDecision(DateOnly.ParseExact(f[date], "yyyy-MM-dd", CultureInfo.InvariantCulture), Long(f[requested]), Long(f[approved]),
                f[paid].Length == 0 ? 0 : Long(f[paid]), f[source], BeneficiaryTypes(f[type], f[listed]), f[own].Length == 0 ? 0 : Long(f[own])))
            .ToList();
    }

    private static IReadOnlyList<string> BeneficiaryTypes(string applicantType, string listed) => listed.Length > 0
        ? System.Text.Json.JsonDocument.Parse(listed).RootElement.EnumerateArray().Select(b => b.GetProperty("entityType").GetString()!).ToList()
        : applicantType == "service-provider" ? [] : [applicantType];

    private static long Long(string text) => long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The fields of one CSV line (RFC 4180 quotes; the demo file has no line breaks inside fields).</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KhuyenCong.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("KhuyenCong.sln not found above " + AppContext.BaseDirectory);
    }
}
