using System.Text.RegularExpressions;

namespace KhuyenCong.Domain.Documents;

public enum TagKind
{
    /// <summary><c>{{name}}</c>: replaced by a value.</summary>
    Value,

    /// <summary><c>{{#name}}</c>: the first row of a repeating block.</summary>
    Open,

    /// <summary><c>{{/name}}</c>: the last row of a repeating block.</summary>
    Close,
}

/// <summary>One placeholder tag found in a template's text, where it starts, and its exact text.</summary>
public sealed record TemplateTag(TagKind Kind, string Name, int Index, string Text);

/// <summary>
/// The placeholder syntax: <c>{{name}}</c>, <c>{{#rows}}</c>, <c>{{/rows}}</c>, names as in
/// <see cref="PlaceholderSet.IsValidName"/>, spaces allowed inside the braces (<c>{{ proposal.title }}</c>). Any other
/// text starting with <c>{{</c> is malformed, so a typing mistake is named at upload rather than printed.
/// </summary>
public static partial class TemplateTags
{
    public const string Open = "{{";

    /// <summary>The tags of <paramref name="text"/> in order, and the malformed fragments (each at most 40 characters).</summary>
    public static (IReadOnlyList<TemplateTag> Tags, IReadOnlyList<string> Malformed) Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tags = new List<TemplateTag>();
        var malformed = new List<string>();
        var at = text.IndexOf(Open, StringComparison.Ordinal);
        while (at >= 0)
        {
            var match = Tag().Match(text, at);
            if (match.Success && match.Index == at && PlaceholderSet.IsValidName(match.Groups["name"].Value))
            {
                var kind = match.Groups["kind"].Value switch
                {
                    "#" => TagKind.Open,
                    "/" => TagKind.Close,
                    _ => TagKind.Value,
                };
                tags.Add(new TemplateTag(kind, match.Groups["name"].Value, at, match.Value));
                at = text.IndexOf(Open, at + match.Length, StringComparison.Ordinal);
            }
            else
            {
                var end = text.IndexOf("}}", at + 2, StringComparison.Ordinal);
                var fragment = end >= 0 && end - at <= 38 ? text[at..(end + 2)] : text[at..Math.Min(text.Length, at + 40)];
                malformed.Add(fragment);
                at = text.IndexOf(Open, at + 2, StringComparison.Ordinal);
            }
        }

        return (tags, malformed);
    }

    /// <summary>The text of a tag, as a template writes it: <c>{{proposal.title}}</c>, <c>{{#documents}}</c>.</summary>
    public static string Write(TagKind kind, string name) => kind switch
    {
        TagKind.Open => "{{#" + name + "}}",
        TagKind.Close => "{{/" + name + "}}",
        _ => "{{" + name + "}}",
    };

    [GeneratedRegex(@"\{\{[ \t]*(?<kind>[#/]?)[ \t]*(?<name>[A-Za-z0-9.]{1,100})[ \t]*\}\}")]
    private static partial Regex Tag();
}
