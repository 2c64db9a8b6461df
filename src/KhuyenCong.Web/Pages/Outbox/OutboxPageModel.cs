using KhuyenCong.Web.Rendering;

namespace KhuyenCong.Web.Pages.Outbox;

/// <summary>One email the development outbox received.</summary>
/// <param name="Links">The absolute http(s) links of its HTML, to follow without opening the email.</param>
public sealed record OutboxEntry(
    string Id,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<string> To,
    string Subject,
    string? Html,
    string? Text,
    IReadOnlyList<string> Links);

/// <summary>LocalHost's <c>/dev/outbox</c>: the emails, newest first.</summary>
public sealed record OutboxPageModel(IReadOnlyList<OutboxEntry> Messages)
{
    /// <summary>
    /// The page's headers: the site's policy, except that the emails shown in sandboxed frames (which inherit it) keep
    /// their inline styles. Development only: LocalHost serves this page, never the Functions app.
    /// </summary>
    public static PageOptions Options { get; } = PageOptions.Standard with
    {
        ContentSecurityPolicy = PageOptions.DefaultContentSecurityPolicy.Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal),
    };
}
