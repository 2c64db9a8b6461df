using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using KhuyenCong.Testing;

namespace KhuyenCong.ReliabilityTests.Support;

/// <summary>A submission as the client saw it; <c>Email</c> is unique, so outbox messages are found by it.</summary>
public sealed record SubmittedProposal(string Id, string TrackingCode, string Email);

/// <summary>One email in the development outbox.</summary>
public sealed record OutboxEmail(string Id, IReadOnlyList<string> To, string Subject, string? Html, string? SendId, DateTimeOffset ReceivedAt);

/// <summary>What the tests do through the public HTTP routes (and what they read straight from storage).</summary>
public static partial class ProposalApi
{
    public const string AcknowledgementSubject = "Đã nhận đề án";

    public static Dictionary<string, object> Form(string email) => new()
    {
        ["organizationName"] = "Cơ sở cơ khí Hoàng Long",
        ["taxCode"] = "0" + RandomNumberGenerator.GetInt32(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture), ["entityType"] = "sme",
        ["representative"] = "Hoàng Văn Long",
        ["email"] = email,
        ["phone"] = "0903123456",
        ["address"] = "Cụm công nghiệp Phố Nối",
        ["commune"] = "Phường Mỹ Hào",
        ["province"] = "hung-yen",
        ["kind"] = "machinery",
        ["sector"] = "Cơ khí chế tạo",
        ["fundingSource"] = "national",
        ["title"] = "Máy cắt laser CNC",
        ["summary"] = "Đầu tư máy cắt laser",
        ["totalCost"] = 500_000_000,
        ["requestedSupport"] = 250_000_000,
        ["ownContribution"] = 250_000_000,
        ["startDate"] = "2027-03-01",
        ["endDate"] = "2027-09-30",
    };

    public static string NewEmail(string tag) => $"{tag}+{Guid.NewGuid():N}@example.vn";

    /// <summary>POST /api/proposals as JSON; asserts 201.</summary>
    public static async Task<SubmittedProposal> SubmitAsync(HttpClient client, string tag)
    {
        var email = NewEmail(tag);
        using var response = await client.PostAsJsonAsync("/api/proposals", Form(email));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"submission answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new SubmittedProposal(body.GetProperty("id").GetString()!, body.GetProperty("trackingCode").GetString()!, email);
    }

    /// <summary>POST /api/proposals as multipart with one PDF attachment; the raw answer.</summary>
    public static async Task<HttpResponseMessage> SubmitWithFileAsync(HttpClient client, string email)
    {
        var boundary = "----reliability-" + Guid.NewGuid().ToString("N");
        using var stream = new MemoryStream();
        void Write(string text) => stream.Write(Encoding.UTF8.GetBytes(text));
        foreach (var (name, value) in Form(email))
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{Convert.ToString(value, CultureInfo.InvariantCulture)}\r\n");
        }

        Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"thuyet-minh.pdf\"\r\nContent-Type: application/pdf\r\n\r\n");
        stream.Write(Pdf(64 * 1024));
        Write($"\r\n--{boundary}--\r\n");
        using var content = new ByteArrayContent(stream.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return await client.PostAsync(new Uri("/api/proposals", UriKind.Relative), content);
    }

    private static byte[] Pdf(int size)
    {
        var head = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"u8.ToArray();
        var tail = "\n%%EOF\n"u8.ToArray();
        var bytes = new byte[size];
        head.CopyTo(bytes, 0);
        bytes.AsSpan(head.Length, size - head.Length - tail.Length).Fill((byte)' ');
        tail.CopyTo(bytes, size - tail.Length);
        return bytes;
    }

    public static async Task<IReadOnlyList<OutboxEmail>> OutboxAsync(HttpClient client)
    {
        var messages = await client.GetFromJsonAsync<List<JsonElement>>(new Uri("/dev/outbox/messages", UriKind.Relative));
        return messages!.Select(m => new OutboxEmail(
            m.GetProperty("id").GetString()!,
            m.GetProperty("to").EnumerateArray().Select(t => t.GetString()!).ToList(),
            m.GetProperty("subject").GetString()!,
            m.TryGetProperty("html", out var html) ? html.GetString() : null,
            m.TryGetProperty("sendId", out var sendId) ? sendId.GetString() : null,
            m.GetProperty("receivedAt").GetDateTimeOffset())).ToList();
    }

    /// <summary>Waits until every proposal has its acknowledgement in the outbox; returns them by email.</summary>
    public static async Task<Dictionary<string, OutboxEmail>> AcknowledgementsAsync(HttpClient client, IEnumerable<SubmittedProposal> proposals, TimeSpan timeout)
    {
        var wanted = proposals.Select(p => p.Email).ToHashSet(StringComparer.Ordinal);
        var found = await Eventually.GetAsync(
            async () => (await OutboxAsync(client))
                .Where(m => m.Subject.StartsWith(AcknowledgementSubject, StringComparison.Ordinal) && m.To.Any(wanted.Contains))
                .GroupBy(m => m.To.First(wanted.Contains)).ToDictionary(g => g.Key, g => g.First()),
            d => d?.Count == wanted.Count,
            timeout,
            $"{wanted.Count} acknowledgements");
        return found;
    }

    /// <summary>The applicant withdraws through the link in the acknowledgement: opens the page, confirms with its form.</summary>
    public static async Task WithdrawAsync(HttpClient client, OutboxEmail acknowledgement)
    {
        var url = WebUtility.HtmlDecode(WithdrawLink().Match(acknowledgement.Html ?? string.Empty).Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(url), "the acknowledgement has no withdraw link");
        var path = new Uri(url).PathAndQuery;
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var token = FormToken().Match(page).Groups[1].Value;
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["formToken"] = token, ["reason"] = "Cơ sở đổi kế hoạch" }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"withdraw answered {(int)response.StatusCode}");
    }

    /// <summary>An officer cancels (staff route); asserts 202.</summary>
    public static async Task CancelAsync(HttpClient staff, string proposalId)
    {
        using var response = await staff.PostAsJsonAsync($"/api/proposals/{proposalId}/cancel", new { reason = "Hồ sơ trùng lặp" });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"cancel answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>GET /api/proposals/{id} (staff): the record, its history and the emails sent.</summary>
    public static async Task<JsonElement> GetAsync(HttpClient staff, string proposalId) =>
        await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/proposals/{proposalId}", UriKind.Relative));

    /// <summary>
    /// Polls GET /api/proposals/{id} of every proposal until each has its expected status and email count (the emails of
    /// the proposal's log: acknowledgement and the officers' screening email, then the withdrawal confirmation and the
    /// officers' notice, or the cancellation notice).
    /// </summary>
    public static async Task WaitForStatesAsync(HttpClient staff, IReadOnlyDictionary<SubmittedProposal, (string Status, int Emails)> expected, TimeSpan timeout)
    {
        await Eventually.GetAsync(
            async () =>
            {
                var wrong = new List<string>();
                foreach (var (proposal, (status, emails)) in expected)
                {
                    var record = await GetAsync(staff, proposal.Id);
                    var actual = record.GetProperty("status").GetString();
                    var sent = record.GetProperty("emailsSent").GetArrayLength();
                    if (actual != status || sent != emails)
                    {
                        wrong.Add($"{proposal.Id}: {actual}/{sent} emails, expected {status}/{emails}");
                    }
                }

                return string.Join("; ", wrong);
            },
            wrong => wrong is { Length: 0 },
            timeout,
            "every proposal in its expected state");
    }

    /// <summary>The durable runtime status of an instance, read from the task hub's instance table.</summary>
    public static async Task<string?> RuntimeStatusAsync(string storageConnectionString, string instanceId, string taskHub = "KhuyenCong")
    {
        var table = new TableServiceClient(storageConnectionString).GetTableClient(taskHub + "Instances");
        var row = await table.GetEntityIfExistsAsync<TableEntity>(instanceId, string.Empty, select: ["RuntimeStatus"]);
        return row.HasValue ? row.Value!.GetString("RuntimeStatus") : null;
    }

    /// <summary>
    /// Waits until every instance row of the task hub shows its expected runtime status. The provider writes that row
    /// after the history, so after a kill it can lag (still <c>Pending</c>) until the instance's next episode runs.
    /// </summary>
    public static async Task WaitForRuntimeStatusesAsync(string storageConnectionString, IReadOnlyDictionary<string, string> expected, TimeSpan timeout)
    {
        await Eventually.GetAsync(
            async () =>
            {
                var wrong = new List<string>();
                foreach (var (id, status) in expected)
                {
                    var actual = await RuntimeStatusAsync(storageConnectionString, id);
                    if (actual != status)
                    {
                        wrong.Add($"{id}: {actual}, expected {status}");
                    }
                }

                return string.Join("; ", wrong);
            },
            wrong => wrong is { Length: 0 },
            timeout,
            "every workflow's runtime status");
    }

    /// <summary>
    /// The instances among <paramref name="instanceIds"/> whose row reads <c>Pending</c> although their history holds
    /// <c>ExecutionStarted</c>: the provider writes the history before the instance row, so a process killed between
    /// the two leaves the row at <c>Pending</c> until the instance's next episode (Azure/durabletask#1252 describes the
    /// same gap for completion). Such an instance runs; only its row lags.
    /// </summary>
    public static async Task<IReadOnlyList<string>> StartedButRowPendingAsync(string storageConnectionString, IEnumerable<string> instanceIds, string taskHub = "KhuyenCong")
    {
        var history = new TableServiceClient(storageConnectionString).GetTableClient(taskHub + "History");
        var found = new List<string>();
        foreach (var id in instanceIds)
        {
            if (await RuntimeStatusAsync(storageConnectionString, id, taskHub) != "Pending")
            {
                continue;
            }

            var started = TableClient.CreateQueryFilter($"PartitionKey eq {id} and EventType eq {"ExecutionStarted"}");
            await foreach (var _ in history.QueryAsync<TableEntity>(started, maxPerPage: 1, select: ["EventType"]))
            {
                found.Add(id);
                break;
            }
        }

        return found;
    }

    /// <summary>Send ids that reached the outbox more than once (with how often).</summary>
    public static IReadOnlyList<string> Duplicates(IEnumerable<OutboxEmail> messages) =>
        messages.GroupBy(m => m.SendId ?? "(no send id) " + m.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()}").ToList();

    [GeneratedRegex("href=\"([^\"]*/links/[^\"?]+)\"")]
    private static partial Regex WithdrawLink();

    [GeneratedRegex("name=\"formToken\" value=\"([0-9a-f]+)\"")]
    private static partial Regex FormToken();
}
