namespace KhuyenCong.Application.Common;

/// <summary>
/// A field that holds several values, as the adapter read it (a JSON array of strings, or an HTML form's repeated field
/// such as checkboxes): its items, trimmed, blanks left out; or the mark that it was sent as something else. Use cases
/// apply the rules, as with <see cref="FieldInput"/>.
/// </summary>
/// <param name="Items">The values sent, trimmed, without blanks; empty when the field was absent.</param>
/// <param name="WrongType">True when the field was sent as something that is not a list of texts.</param>
public sealed record ListInput(IReadOnlyList<string> Items, bool WrongType = false)
{
    /// <summary>A field that was not sent.</summary>
    public static ListInput Absent => new([]);

    /// <summary>The values sent (null and blank ones left out, the others trimmed).</summary>
    public static ListInput Of(IEnumerable<string?>? values) =>
        new(values?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList() ?? []);

    /// <summary>A field sent as a value that is not a list of texts.</summary>
    public static ListInput Wrong => new([], WrongType: true);
}
