namespace KhuyenCong.Web.Pages.Links;

/// <summary>Where a link page's forms post (the link itself, with its <c>?lang</c>) and the form token they carry.</summary>
/// <param name="Action">The link's path and query, as requested.</param>
/// <param name="Token">The page's form token: only a page served for this link can post a decision on it.</param>
public sealed record LinkFormTarget(string Action, string Token);

/// <summary>
/// The values of a form as they were posted (a form shown again with its errors keeps what was typed); none for a page
/// shown fresh.
/// </summary>
public sealed class PostedValues(IReadOnlyDictionary<string, string> values)
{
    public static PostedValues None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    public bool IsEmpty => values.Count == 0;

    /// <summary>The value posted for <paramref name="field"/>, or null.</summary>
    public string? this[string field] => values.TryGetValue(field, out var value) ? value : null;
}
