using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace KhuyenCong.Infrastructure.Telemetry;

/// <summary>
/// Emailed links carry their bearer token in the path (<c>/links/{token}</c>, <c>/links/{token}/files/{id}</c>): anyone
/// who reads it can act on the link. Every span and log record the app exports passes through here first, and any
/// <c>/links/…</c> segment is replaced by <see cref="Placeholder"/> (in span names and tags, log messages, bodies and
/// attributes), so no token reaches Application Insights or the console.
/// </summary>
public static partial class LinkTokenRedaction
{
    public const string Placeholder = "{token}";

    /// <summary>The text with every link token replaced; the same instance when there is none.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains("/links/", StringComparison.OrdinalIgnoreCase) ? LinkPath().Replace(text, "${prefix}" + Placeholder) : text;
    }

    private static object? RedactValue(object? value) => value is string text ? Redact(text) : value;

    [GeneratedRegex(@"(?<prefix>/links/)(?!\{token\})[^/?#\s""'<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkPath();

    /// <summary>Redacts a span's name and string tags (<c>url.path</c>, <c>url.full</c>, <c>http.target</c>, …) as it ends.</summary>
    public sealed class ActivityProcessor : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            ArgumentNullException.ThrowIfNull(data);
            data.DisplayName = Redact(data.DisplayName);
            foreach (var (key, value) in data.TagObjects.ToList())
            {
                if (value is string text && Redact(text) is var redacted && !ReferenceEquals(redacted, text))
                {
                    data.SetTag(key, redacted);
                }
            }
        }
    }

    /// <summary>Redacts a log record's formatted message, body and string attributes before any exporter sees it.</summary>
    public sealed class LogProcessor : BaseProcessor<LogRecord>
    {
        public override void OnEnd(LogRecord data)
        {
            ArgumentNullException.ThrowIfNull(data);
            if (data.FormattedMessage is { } message)
            {
                data.FormattedMessage = Redact(message);
            }

            if (data.Body is { } body)
            {
                data.Body = Redact(body);
            }

            if (data.Attributes is { Count: > 0 } attributes && attributes.Any(a => a.Value is string s && s.Contains("/links/", StringComparison.OrdinalIgnoreCase)))
            {
                data.Attributes = attributes.Select(a => new KeyValuePair<string, object?>(a.Key, RedactValue(a.Value))).ToList();
            }
        }
    }
}
