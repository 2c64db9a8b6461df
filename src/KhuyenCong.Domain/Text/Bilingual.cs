namespace KhuyenCong.Domain.Text;

/// <summary>
/// A text for people, in Vietnamese and English; the language is chosen once per request and applied with
/// <see cref="In(Language)"/>. Use cases return messages as <see cref="Bilingual"/>, pages show them in the request's
/// language: the one way to write a bilingual text (instead of <c>language == Language.English ? … : …</c>).
/// </summary>
/// <param name="Vietnamese">The Vietnamese text, with its diacritics.</param>
/// <param name="English">The English text.</param>
public sealed record Bilingual(string Vietnamese, string English)
{
    /// <summary>The text in <paramref name="language"/>.</summary>
    public string In(Language language) => language == Language.English ? English : Vietnamese;

    /// <summary>The same text in both languages (a name, a code, a message already in the user's language).</summary>
    public static Bilingual Same(string text) => new(text, text);

    /// <summary>The Vietnamese text (the default language), for logs and debuggers; pages use <see cref="In(Language)"/>.</summary>
    public override string ToString() => Vietnamese;
}

/// <summary>
/// Messages by field, each in both languages, gathered by a use case or a page and shown or answered in the request's
/// language (<see cref="In(Language)"/> gives the shape of an RFC 9457 problem's <c>errors</c>). Fields keep the order
/// of their first message.
/// </summary>
public sealed class BilingualErrors
{
    private readonly Dictionary<string, List<Bilingual>> byField = new(StringComparer.Ordinal);
    private readonly List<string> order = [];

    public bool IsEmpty => order.Count == 0;

    public IReadOnlyCollection<string> Fields => order;

    public bool Contains(string field) => byField.ContainsKey(field);

    /// <summary>Adds a message for <paramref name="field"/> (after any it already has).</summary>
    public BilingualErrors Add(string field, Bilingual message)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentNullException.ThrowIfNull(message);
        if (!byField.TryGetValue(field, out var messages))
        {
            messages = [];
            byField[field] = messages;
            order.Add(field);
        }

        messages.Add(message);
        return this;
    }

    /// <summary>Adds every message of <paramref name="other"/>, field by field, after those already here.</summary>
    public BilingualErrors AddAll(BilingualErrors other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var field in other.order)
        {
            foreach (var message in other.byField[field])
            {
                Add(field, message);
            }
        }

        return this;
    }

    /// <summary>Adds a message given in both languages.</summary>
    public BilingualErrors Add(string field, string vietnamese, string english) => Add(field, new Bilingual(vietnamese, english));

    /// <summary>The messages in <paramref name="language"/>, by field.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> In(Language language)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var field in order)
        {
            result[field] = byField[field].Select(m => m.In(language)).ToList();
        }

        return result;
    }
}
