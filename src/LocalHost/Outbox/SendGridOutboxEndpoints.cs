using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using KhuyenCong.Functions.Web;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Pages.Outbox;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
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
        endpoints.MapGet("/dev/outbox", async (HttpContext context, OutboxStore store, PageRenderer pages, CancellationToken ct) =>
        {
            var messages = await store.ListAsync(200, ct);
            var model = new OutboxPageModel(messages.Select(m => new OutboxEntry(m.Id, m.ReceivedAt, m.To, m.Subject, m.Html, m.Text, Links(m.Html).ToList())).ToList());
            var page = await pages.PageAsync<OutboxPage, OutboxPageModel>(context.Request, RequestLanguage.From(context.Request), model, OutboxPageModel.Options);
            return Results.Content(page.Content, page.ContentType, statusCode: page.StatusCode);
        });
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

        var mail = await ReadAsync(context);
        if (mail is null)
        {
            return Error(StatusCodes.Status400BadRequest, null, "Bad Request");
        }

        if (Refusal(mail) is { } refusal)
        {
            return refusal;
        }

        var message = MessageOf(mail, Guid.NewGuid().ToString("N"), time.GetUtcNow());
        await store.AddAsync(message, context.RequestAborted);
        context.Response.Headers["X-Message-Id"] = message.Id;
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private static async Task<MailRequest?> ReadAsync(HttpContext context)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<MailRequest>(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>SendGrid's answer to a mail it would refuse (the field and its message, as the API words them); null when it is sendable.</summary>
    private static IResult? Refusal(MailRequest mail)
    {
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

        return RecipientRefusal(mail.Personalizations) ?? ContentRefusal(mail);
    }

    private static IResult? RecipientRefusal(List<Personalization> personalizations)
    {
        for (var i = 0; i < personalizations.Count; i++)
        {
            var to = personalizations[i].To;
            if (to is not { Count: > 0 })
            {
                return Error(StatusCodes.Status400BadRequest, $"personalizations.{i}.to",
                    "The to array is required for all personalization objects, and must have at least one email object with a valid email address.");
            }

            var wrong = to.FindIndex(t => !IsEmail(t.Email));
            if (wrong >= 0)
            {
                return Error(StatusCodes.Status400BadRequest, $"personalizations.{i}.to.{wrong}.email", "Does not contain a valid address.");
            }
        }

        return null;
    }

    private static IResult? ContentRefusal(MailRequest mail)
    {
        var subject = mail.Subject ?? mail.Personalizations![0].Subject;
        if (string.IsNullOrWhiteSpace(subject) && mail.TemplateId is null)
        {
            return Error(StatusCodes.Status400BadRequest, "subject", "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.");
        }

        if (mail.TemplateId is null && (mail.Content is not { Count: > 0 } || mail.Content.Any(c => string.IsNullOrEmpty(c.Type) || string.IsNullOrEmpty(c.Value))))
        {
            return Error(StatusCodes.Status400BadRequest, "content",
                "Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.");
        }

        return null;
    }

    private static OutboxMessage MessageOf(MailRequest mail, string id, DateTimeOffset receivedAt)
    {
        // SendGrid's C# client puts custom args on the first personalization; the API also takes them at the top.
        var sendId = mail.Personalizations!.Select(p => p.CustomArgs).Prepend(mail.CustomArgs)
            .Select(args => args is not null && args.TryGetValue("sendId", out var value) ? value : null)
            .FirstOrDefault(value => value is not null);
        return new OutboxMessage(
            id,
            receivedAt,
            mail.From!.Email!,
            mail.Personalizations!.SelectMany(p => p.To!).Select(t => t.Email!).ToList(),
            mail.Subject ?? mail.Personalizations![0].Subject ?? string.Empty,
            mail.Content?.FirstOrDefault(c => c.Type == "text/html")?.Value,
            mail.Content?.FirstOrDefault(c => c.Type == "text/plain")?.Value,
            sendId);
    }

    private static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value;

    private static IResult Error(int status, string? field, string message) =>
        Results.Json(new { errors = new[] { new { message, field, help = field is null ? null : ErrorsHelp + "#message." + field } } }, statusCode: status);

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
