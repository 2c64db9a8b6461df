using System.Net.Mail;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KhuyenCong.LocalHost.Outbox;

/// <summary>
/// A SendGrid-compatible mail endpoint and a page to read what was sent. Development only: these routes exist in
/// LocalHost, never in the Functions app.
/// </summary>
public static partial class SendGridOutboxEndpoints
{
    private const string ErrorsHelp = "http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html";

    public static void MapSendGridOutbox(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v3/mail/send", SendAsync);
        endpoints.MapPost("/dev/outbox/faults", async (HttpContext context, OutboxFaults faults) =>
        {
            var request = await context.Request.ReadFromJsonAsync<FaultRequest>(context.RequestAborted);
            if (request?.Statuses is not { Count: > 0 } statuses || statuses.Any(s => s is < 400 or > 599) || request.Seconds is < 0 or > 3600)
            {
                return Results.BadRequest(new { error = "Send {\"statuses\": [429, 500, ...]}: HTTP error statuses the next sends will get; add \"seconds\": N for an outage in which every send for N seconds gets them in turn." });
            }

            if (request.Seconds is > 0 and var seconds)
            {
                faults.StartOutage(statuses, TimeSpan.FromSeconds(seconds));
            }
            else
            {
                faults.Enqueue(statuses);
            }

            return Results.NoContent();
        });
        endpoints.MapGet("/dev/outbox/faults", (OutboxFaults faults) => Results.Json(new { pending = faults.Pending, served = faults.Served, outageUntil = faults.OutageUntil }));
        endpoints.MapDelete("/dev/outbox/faults", (OutboxFaults faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        endpoints.MapGet("/dev/outbox/messages", async (OutboxStore store, CancellationToken ct) =>
            Results.Json(await store.ListAsync(500, ct)));
        endpoints.MapGet("/dev/outbox", async (OutboxStore store, CancellationToken ct) =>
            Results.Content(RenderPage(await store.ListAsync(200, ct)), "text/html; charset=utf-8"));
    }

    private static async Task<IResult> SendAsync(HttpContext context, OutboxStore store, OutboxFaults faults, TimeProvider time)
    {
        if (faults.TryTakeAndCount(out var fault))
        {
            // A simulated outage of the mail service (set through /dev/outbox/faults): nothing is stored.
            return Error(fault, null, fault == StatusCodes.Status429TooManyRequests ? "Too many requests" : "Internal server error");
        }

        string? authorization = context.Request.Headers.Authorization;
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authorization.Length <= 7)
        {
            return Error(StatusCodes.Status401Unauthorized, null, "The provided authorization grant is invalid, expired, or revoked");
        }

        MailRequest? mail;
        try
        {
            mail = await JsonSerializer.DeserializeAsync<MailRequest>(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            return Error(StatusCodes.Status400BadRequest, null, "Bad Request");
        }

        if (mail is null)
        {
            return Error(StatusCodes.Status400BadRequest, null, "Bad Request");
        }

        if (string.IsNullOrWhiteSpace(mail.From?.Email))
        {
            return Error(StatusCodes.Status400BadRequest, "from",
                "The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.");
        }

        if (!IsEmail(mail.From.Email))
        {
            return Error(StatusCodes.Status400BadRequest, "from.email", "The from email does not contain a valid address.");
        }

        if (mail.Personalizations is not { Count: > 0 })
        {
            return Error(StatusCodes.Status400BadRequest, "personalizations",
                "The personalizations field is required and must have at least one personalization.");
        }

        for (var i = 0; i < mail.Personalizations.Count; i++)
        {
            var to = mail.Personalizations[i].To;
            if (to is not { Count: > 0 })
            {
                return Error(StatusCodes.Status400BadRequest, $"personalizations.{i}.to",
                    "The to array is required for all personalization objects, and must have at least one email object with a valid email address.");
            }

            for (var j = 0; j < to.Count; j++)
            {
                if (!IsEmail(to[j].Email))
                {
                    return Error(StatusCodes.Status400BadRequest, $"personalizations.{i}.to.{j}.email", "Does not contain a valid address.");
                }
            }
        }

        var subject = mail.Subject ?? mail.Personalizations[0].Subject;
        if (string.IsNullOrWhiteSpace(subject) && mail.TemplateId is null)
        {
            return Error(StatusCodes.Status400BadRequest, "subject", "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.");
        }

        if (mail.TemplateId is null && (mail.Content is not { Count: > 0 } || mail.Content.Any(c => string.IsNullOrEmpty(c.Type) || string.IsNullOrEmpty(c.Value))))
        {
            return Error(StatusCodes.Status400BadRequest, "content",
                "Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.");
        }

        var id = Guid.NewGuid().ToString("N");
        string? sendId = null;
        // SendGrid's C# client puts custom args on the first personalization; the API also takes them at the top.
        foreach (var args in mail.Personalizations.Select(p => p.CustomArgs).Prepend(mail.CustomArgs))
        {
            if (sendId is null && args is not null && args.TryGetValue("sendId", out var value))
            {
                sendId = value;
            }
        }

        var message = new OutboxMessage(
            id,
            time.GetUtcNow(),
            mail.From.Email,
            mail.Personalizations.SelectMany(p => p.To!).Select(t => t.Email!).ToList(),
            subject ?? string.Empty,
            mail.Content?.FirstOrDefault(c => c.Type == "text/html")?.Value,
            mail.Content?.FirstOrDefault(c => c.Type == "text/plain")?.Value,
            sendId);
        await store.AddAsync(message, context.RequestAborted);
        context.Response.Headers["X-Message-Id"] = id;
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value;

    private static IResult Error(int status, string? field, string message) =>
        Results.Json(new { errors = new[] { new { message, field, help = field is null ? null : ErrorsHelp + "#message." + field } } }, statusCode: status);

    private static string RenderPage(IReadOnlyList<OutboxMessage> messages)
    {
        var e = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        var html = new System.Text.StringBuilder();
        html.Append("""
            <!doctype html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Hộp thư thử nghiệm · Dev outbox</title>
            <style>
              body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:60rem;padding:0 1rem;color:#1b1b1b}
              article{border:1px solid #ccc;border-radius:6px;margin:1rem 0;padding:0.75rem}
              h2{font-size:1.1rem;margin:0 0 .25rem} .meta{color:#555;font-size:.9rem}
              iframe{width:100%;height:22rem;border:1px solid #ddd;background:#fff}
              ul.links a{word-break:break-all}
            </style></head><body>
            <h1>Hộp thư thử nghiệm <small lang="en">· Dev outbox</small></h1>
            <p>Thư do hệ thống gửi qua SendGrid khi chạy trên máy (LocalHost), mới nhất trước. <span lang="en">Emails sent through SendGrid while running locally, newest first.</span></p>
            """);
        if (messages.Count == 0)
        {
            html.Append("<p>Chưa có thư nào. <span lang=\"en\">No email yet.</span></p>");
        }

        foreach (var m in messages)
        {
            html.Append("<article><h2>").Append(e.Encode(m.Subject)).Append("</h2><p class=\"meta\">")
                .Append("Đến / To: ").Append(e.Encode(string.Join(", ", m.To)))
                .Append(" · ").Append(e.Encode(m.ReceivedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture)))
                .Append(" · id ").Append(e.Encode(m.Id)).Append("</p>");
            var links = Links(m.Html).ToList();
            if (links.Count > 0)
            {
                html.Append("<ul class=\"links\">");
                foreach (var link in links)
                {
                    html.Append("<li><a href=\"").Append(e.Encode(link)).Append("\">").Append(e.Encode(link)).Append("</a></li>");
                }

                html.Append("</ul>");
            }

            if (m.Html is not null)
            {
                // The email as it renders, isolated from this page; its links open in the top window.
                var doc = "<base target=\"_top\">" + m.Html;
                html.Append("<iframe sandbox=\"allow-top-navigation-by-user-activation allow-popups\" title=\"")
                    .Append(e.Encode(m.Subject)).Append("\" srcdoc=\"").Append(e.Encode(doc)).Append("\"></iframe>");
            }
            else
            {
                html.Append("<pre>").Append(e.Encode(m.Text ?? string.Empty)).Append("</pre>");
            }

            html.Append("</article>");
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    private static IEnumerable<string> Links(string? html) =>
        html is null
            ? []
            : HrefPattern().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))
                .Where(h => h.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || h.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                .Distinct();

    [GeneratedRegex("href=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HrefPattern();

    private sealed record FaultRequest(List<int>? Statuses, double? Seconds);

    private sealed class MailRequest
    {
        [JsonPropertyName("from")] public Address? From { get; set; }
        [JsonPropertyName("subject")] public string? Subject { get; set; }
        [JsonPropertyName("personalizations")] public List<Personalization>? Personalizations { get; set; }
        [JsonPropertyName("content")] public List<Content>? Content { get; set; }
        [JsonPropertyName("template_id")] public string? TemplateId { get; set; }
        [JsonPropertyName("custom_args")] public Dictionary<string, string>? CustomArgs { get; set; }
    }

    private sealed class Personalization
    {
        [JsonPropertyName("to")] public List<Address>? To { get; set; }
        [JsonPropertyName("subject")] public string? Subject { get; set; }
        [JsonPropertyName("custom_args")] public Dictionary<string, string>? CustomArgs { get; set; }
    }

    private sealed class Address
    {
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
    }

    private sealed class Content
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("value")] public string? Value { get; set; }
    }
}
