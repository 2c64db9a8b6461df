using System.Text.RegularExpressions;

namespace KhuyenCong.Domain.Documents;

/// <summary>
/// A value a template may show, written <c>{{name}}</c> in the template ("proposal.title"). A required one must appear
/// in every template of its kind: an uploaded template without it is refused.
/// </summary>
/// <param name="Name">Dotted name: letters and digits, starting with a letter ("signer.title").</param>
/// <param name="Required">True when every template of the kind must show it.</param>
/// <param name="Description">What it holds, in Vietnamese (listed in docs/documents.md and by the API).</param>
/// <param name="Example">An example value (also what an uploaded template is test-filled with).</param>
public sealed record Placeholder(string Name, bool Required, string Description, string Example);

/// <summary>
/// Repeating table rows, written <c>{{#name}}</c> in the first row and <c>{{/name}}</c> in the last (often the same
/// row); inside, each item's fields are written <c>{{name.field}}</c>. The rows are repeated once per item.
/// </summary>
public sealed record RowsPlaceholder(string Name, bool Required, string Description, IReadOnlyList<Placeholder> Fields)
{
    /// <summary>The full name of a field, as written in the template: "documents.kind".</summary>
    public string FieldName(string field) => Name + "." + field;
}

/// <summary>Every placeholder a document kind accepts: its own and the common ones (issuer, document, signer).</summary>
public sealed partial class PlaceholderSet
{
    public PlaceholderSet(IEnumerable<Placeholder> values, IEnumerable<RowsPlaceholder>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values.ToList();
        Rows = (rows ?? []).ToList();
        var names = Values.Select(v => v.Name).Concat(Rows.Select(r => r.Name)).Concat(Rows.SelectMany(r => r.Fields.Select(f => r.FieldName(f.Name)))).ToList();
        var invalid = names.FirstOrDefault(n => !IsValidName(n));
        if (invalid is not null)
        {
            throw new ArgumentException($"'{invalid}' is not a valid placeholder name.", nameof(values));
        }

        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Placeholder '{duplicate.Key}' is declared twice.", nameof(values));
        }
    }

    public IReadOnlyList<Placeholder> Values { get; }

    public IReadOnlyList<RowsPlaceholder> Rows { get; }

    /// <summary>This set and <paramref name="other"/>'s placeholders together.</summary>
    public PlaceholderSet With(PlaceholderSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new PlaceholderSet(Values.Concat(other.Values), Rows.Concat(other.Rows));
    }

    public Placeholder? Value(string name) => Values.FirstOrDefault(v => v.Name == name);

    public RowsPlaceholder? RowsNamed(string name) => Rows.FirstOrDefault(r => r.Name == name);

    /// <summary>The rows placeholder whose field <paramref name="name"/> is ("documents.kind" → documents), or null.</summary>
    public RowsPlaceholder? RowsOfField(string name) =>
        Rows.FirstOrDefault(r => name.StartsWith(r.Name + ".", StringComparison.Ordinal) && r.Fields.Any(f => r.FieldName(f.Name) == name));

    /// <summary>Values filled with their examples, rows with two example items: what an uploaded template is tried with.</summary>
    public DocumentValues Sample()
    {
        var values = new DocumentValues();
        foreach (var value in Values)
        {
            values.Set(value.Name, value.Example);
        }

        foreach (var rows in Rows)
        {
            var item = rows.Fields.ToDictionary(f => f.Name, f => f.Example, StringComparer.Ordinal);
            values.SetRows(rows.Name, [item, item]);
        }

        return values;
    }

    /// <summary>Letters and digits, dot-separated, each part starting with a letter: "proposal.trackingCode".</summary>
    public static bool IsValidName(string? name) => name is not null && name.Length <= 100 && NamePattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*$")]
    private static partial Regex NamePattern();
}

/// <summary>The values of one document: texts by placeholder name, and the items of each rows placeholder.</summary>
public sealed class DocumentValues
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> rows = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Values => values;

    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> Rows => rows;

    public DocumentValues Set(string name, string? value)
    {
        values[name] = value ?? string.Empty;
        return this;
    }

    /// <summary>The items of a rows placeholder, each a map from field name ("kind", not "documents.kind") to text.</summary>
    public DocumentValues SetRows(string name, IReadOnlyList<IReadOnlyDictionary<string, string>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        rows[name] = items;
        return this;
    }

    /// <summary>Adds <paramref name="other"/>'s values and rows (replacing any of the same name).</summary>
    public DocumentValues Merge(DocumentValues other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (name, value) in other.values)
        {
            values[name] = value;
        }

        foreach (var (name, items) in other.rows)
        {
            rows[name] = items;
        }

        return this;
    }
}
