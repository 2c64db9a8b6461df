namespace KhuyenCong.Web.Components.Forms;

/// <summary>One choice of a select, radio group or checkbox group: the posted value and the text shown.</summary>
/// <param name="Value">The value posted.</param>
/// <param name="Text">The text shown, in the page's language.</param>
/// <param name="Id">The radio's or checkbox's id (default "{field id}-{value}").</param>
public sealed record ChoiceOption(string Value, string Text, string? Id = null);

/// <summary>The <c>type</c> of a <see cref="TextField"/>.</summary>
public enum TextInputType
{
    Text,
    Email,
    Tel,
    Url,
    Search,
}

/// <summary>The <c>inputmode</c> of a text control: which keyboard a phone shows.</summary>
public enum InputMode
{
    Default,
    Text,
    Numeric,
    Decimal,
    Tel,
    Email,
    Url,
    Search,
}

internal static class AttributeValues
{
    public static string? Of(InputMode mode) => mode == InputMode.Default ? null : mode.ToString().ToLowerInvariant();

    public static string Of(TextInputType type) => type.ToString().ToLowerInvariant();
}
