using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Application.Workflow.Steps;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.IntegrationTests.Telemetry;

/// <summary>Captures every log entry (with its scopes) of a LocalHost, for checks on what logs contain.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<(string Category, string Message, IReadOnlyList<object?> Scopes)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var active = new List<object?>();
            provider.scopes.ForEachScope((scope, list) => list.Add(scope), active);
            provider.Entries.Enqueue((category, formatter(state, exception) + (exception is null ? string.Empty : " " + exception), active));
        }
    }
}

public class LogPrivacyTests : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();
    private readonly CapturingLoggerProvider logs = new();
    private LocalHostApplication host = null!;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        host = await LocalHostApplication.StartAsync(new LocalHostOptions
        {
            PrintBanner = false,
            ConsoleLogging = false,
            ConfigureLogging = b =>
            {
                b.SetMinimumLevel(LogLevel.Trace);
                b.AddFilter(_ => true);
                b.AddProvider(logs);
            },
            Settings = new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["urls"] = "http://127.0.0.1:0",
                ["LocalHost:QueuePollingInterval"] = "00:00:00.500",
            },
        });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task Submission_ThroughAcknowledgement_LogsNoPersonalDataAndTagsWorkflowEntriesWithTheProposal()
    {
        const string email = "nguyen.thi.lan.privacy@example.vn";
        const string phone = "0987654321";
        const string taxCode = "0312345678";
        using var client = host.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/proposals", new Dictionary<string, object>
        {
            ["organizationName"] = "Hợp tác xã Mây tre đan Phú Vinh",
            ["taxCode"] = taxCode, ["entityType"] = "sme",
            ["representative"] = "Nguyễn Thị Lan",
            ["email"] = email,
            ["phone"] = phone,
            ["address"] = "Thôn Phú Vinh",
            ["commune"] = "Xã Phú Nghĩa",
            ["province"] = "ha-noi",
            ["kind"] = "machinery",
            ["sector"] = "Thủ công mỹ nghệ",
            ["fundingSource"] = "national",
            ["title"] = "Máy chẻ nan tre",
            ["summary"] = "Đầu tư máy chẻ nan",
            ["totalCost"] = 400_000_000,
            ["requestedSupport"] = 200_000_000,
            ["ownContribution"] = 200_000_000,
            ["startDate"] = "2027-02-01",
            ["endDate"] = "2027-08-31",
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await Eventually.GetAsync(
            async () => (string?)await client.GetStringAsync(new Uri("/dev/outbox/messages", UriKind.Relative)),
            page => page?.Contains(email, StringComparison.Ordinal) == true,
            what: "the acknowledgement email");
        await Eventually.GetAsync(
            () => Task.FromResult<int?>(logs.Entries.Count(e => e.Category.Contains("WorkflowSteps", StringComparison.Ordinal))),
            n => n > 0,
            what: "the workflow step's log entry");

        var entries = logs.Entries.ToList();
        foreach (var (category, message, scopes) in entries)
        {
            var text = message + " " + string.Join(" ", scopes.Select(s => s is IEnumerable<KeyValuePair<string, object>> kv ? string.Join(",", kv) : s?.ToString()));
            Assert.DoesNotContain(email, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(phone, text, StringComparison.Ordinal);
            Assert.DoesNotContain(taxCode, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Nguyễn Thị Lan", text, StringComparison.Ordinal);
            Assert.DoesNotContain("SG.localhost-outbox", text, StringComparison.Ordinal);
        }

        var workflowEntries = entries.Where(e => e.Category.Contains("WorkflowSteps", StringComparison.Ordinal)
            || e.Category.Contains("ProposalSubmissions", StringComparison.Ordinal)
            || e.Category == "ProposalWorkflow").ToList();
        Assert.NotEmpty(workflowEntries);
        Assert.All(workflowEntries, e => Assert.Contains(e.Scopes, s =>
            s is IEnumerable<KeyValuePair<string, object>> kv && kv.Any(p => p.Key == "ProposalId" && (string)p.Value == id)
                && kv.Any(p => p.Key == "InstanceId" && (string)p.Value == id)));
    }
}
