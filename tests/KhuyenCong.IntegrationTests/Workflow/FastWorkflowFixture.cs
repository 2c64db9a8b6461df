using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Activities;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.IntegrationTests.Workflow;

[CollectionDefinition(Name)]
public sealed class FastWorkflowCollection : ICollectionFixture<FastWorkflowFixture>
{
    public const string Name = "FastWorkflow";
}

/// <summary>
/// A LocalHost whose workflow durations are seconds, so deadlines, reminders and escalations happen within a test.
/// Reviewer count 2 keeps the rounds short; the roster is the fixture's own.
/// </summary>
public sealed class FastWorkflowFixture : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();

    public LocalHostApplication Host { get; private set; } = null!;

    public IServiceProvider Services => Host.Services;

    /// <summary>The storage LocalHost runs on (its task hub is <c>KhuyenCong</c>).</summary>
    public string StorageConnectionString => azurite.ConnectionString;

    public DurableTaskClient Durable => Services.GetRequiredService<DurableTaskClient>();

    public IProposalCaseStore Cases => Services.GetRequiredService<IProposalCaseStore>();

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        Host = await LocalHostFactory.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Workflow:ReviewerCount"] = "2",
            ["Workflow:RevisionDeadline"] = "00:00:12",
            ["Workflow:RevisionReminderInterval"] = "00:00:05",
            ["Workflow:ReviewDeadline"] = "00:00:12",
            ["Workflow:ReviewReminderInterval"] = "00:00:05",
            ["Workflow:ApprovalReminderInterval"] = "00:10:00",
            ["Workflow:OfficerEmails"] = "can-bo.a@khuyencong.test, can-bo.b@khuyencong.test",
            ["Workflow:DirectorEmail"] = "giam-doc@khuyencong.test",
        });
    }

    public HttpClient CreateClient(bool withFunctionKey = false) => Host.CreateClient(withFunctionKey);

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await azurite.DisposeAsync();
    }
}

/// <summary>Submitting, waiting for statuses and reading the outbox, as the workflow tests need.</summary>
public static class WorkflowProbe
{
    private static KhuyenCong.Domain.Activities.ProposalKind Kind(string code) =>
        KhuyenCong.Domain.Activities.ProposalKinds.TryParse(code, out var kind) ? kind : KhuyenCong.Domain.Activities.ProposalKind.Machinery;

    public static async Task<(string Id, string TrackingCode, string Email)> SubmitAsync(HttpClient client, string kind = "machinery", string? sector = null, string taxCode = "0101234567", long requested = 250_000_000)
    {
        var email = $"co.so+{Guid.NewGuid():N}@example.vn";
        using var response = await client.PostAsJsonAsync("/api/proposals", new Dictionary<string, object>
        {
            ["organizationName"] = "Hợp tác xã Chế biến Nông sản Tiên Lữ",
            // Activities the Centre carries out (consulting, fairs…) are proposed by it, not by an establishment (data/reference/activities.json).
            ["taxCode"] = taxCode, ["entityType"] = KhuyenCong.Domain.Activities.ActivityCatalog.DefaultFor(Kind(kind)).EstablishmentMayPropose ? "cooperative" : "service-provider",
            ["representative"] = "Nguyễn Thị Hoa",
            ["email"] = email,
            ["phone"] = "0912 345 678",
            ["address"] = "Thôn Đông",
            ["commune"] = "Xã Thiện Phiến",
            ["province"] = "hung-yen",
            ["kind"] = kind,
            ["sector"] = sector ?? "Chế biến nông sản",
            ["fundingSource"] = "local",
            ["title"] = "Ứng dụng máy sấy nông sản tiết kiệm năng lượng",
            ["summary"] = "Đầu tư dây chuyền sấy long nhãn",
            ["totalCost"] = 600_000_000,
            ["requestedSupport"] = requested,
            ["ownContribution"] = 600_000_000 - requested,
            ["startDate"] = "2027-03-01",
            ["endDate"] = "2027-10-31",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetString()!, body.GetProperty("trackingCode").GetString()!, email);
    }

    public static async Task<string> StatusAsync(HttpClient staff, string id) =>
        (await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/proposals/{id}", UriKind.Relative))).GetProperty("status").GetString()!;

    public static Task<string> WaitForStatusAsync(HttpClient staff, string id, string status, int seconds = 60) =>
        Eventually.GetAsync(async () => (string?)await StatusAsync(staff, id), s => s == status, TimeSpan.FromSeconds(seconds), $"status {status}")!;

    public static async Task<List<JsonElement>> MessagesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<JsonElement>>(new Uri("/dev/outbox/messages", UriKind.Relative)))!;

    public static IEnumerable<JsonElement> To(this IEnumerable<JsonElement> messages, string email) =>
        messages.Where(m => m.GetProperty("to").EnumerateArray().Any(t => string.Equals(t.GetString(), email, StringComparison.OrdinalIgnoreCase)));

    public static bool To(this JsonElement message, string email) =>
        message.GetProperty("to").EnumerateArray().Any(t => string.Equals(t.GetString(), email, StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<JsonElement> About(this IEnumerable<JsonElement> messages, string trackingCode) =>
        messages.Where(m => m.GetProperty("subject").GetString()!.Contains(trackingCode, StringComparison.Ordinal));

    /// <summary>Waits until at least <paramref name="count"/> messages match, and returns them.</summary>
    public static Task<List<JsonElement>> WaitForMessagesAsync(HttpClient client, Func<JsonElement, bool> match, int count = 1, int seconds = 60, string? what = null) =>
        Eventually.GetAsync(async () => (await MessagesAsync(client)).Where(match).ToList(), l => l!.Count >= count, TimeSpan.FromSeconds(seconds), what)!;

    public static string Subject(this JsonElement message) => message.GetProperty("subject").GetString()!;

    /// <summary>Adds an active reviewer for the kind and sector; returns the id.</summary>
    public static async Task<string> AddReviewerAsync(HttpClient staff, string name, string email, string kind, string sector, params string[] declaredTaxCodes)
    {
        using var response = await staff.PostAsJsonAsync("/api/reviewers", new
        {
            name,
            email,
            phone = "0903 111 222",
            organization = "Trường Đại học Sư phạm Kỹ thuật Hưng Yên",
            kinds = new[] { kind },
            sectors = new[] { sector },
            declaredTaxCodes,
            declaredOrganizations = Array.Empty<string>(),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
