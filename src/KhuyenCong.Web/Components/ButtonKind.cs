namespace KhuyenCong.Web.Components;

/// <summary>How a <see cref="Button"/> looks: the main action, another action, or one that destroys or cancels.</summary>
public enum ButtonKind
{
    Primary,
    Secondary,
    Destructive,
}

/// <summary>The <c>type</c> of a <see cref="Button"/>.</summary>
public enum ButtonType
{
    Submit,
    Button,
    Reset,
}

internal static class ButtonClasses
{
    public static string For(ButtonKind kind) => kind switch
    {
        ButtonKind.Secondary => "button secondary",
        ButtonKind.Destructive => "button destructive",
        _ => "button",
    };
}
