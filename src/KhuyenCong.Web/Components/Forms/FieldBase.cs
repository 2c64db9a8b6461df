using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Components;

namespace KhuyenCong.Web.Components.Forms;

/// <summary>
/// What every form field shares: its name and id, label, hint, errors (beside the field, and linked from the
/// control by <c>aria-describedby</c>), whether it is required. The markup: <c>div.field#field-{id}</c> with the
/// label, <c>p.hint#{id}-hint</c>, <c>p.field-error#{id}-error</c> (always present, for scripts) and the control.
/// </summary>
public abstract class FieldBase : WebComponent
{
    /// <summary>The form field's name (as posted); also its id unless <see cref="Id"/> is given.</summary>
    [Parameter, EditorRequired]
    public string Name { get; set; } = string.Empty;

    [Parameter]
    public string? Id { get; set; }

    [Parameter, EditorRequired]
    public string Label { get; set; } = string.Empty;

    [Parameter]
    public string? Hint { get; set; }

    /// <summary>The field's messages in the page's language (none: no error).</summary>
    [Parameter]
    public IReadOnlyList<string>? Errors { get; set; }

    [Parameter]
    public bool Required { get; set; }

    /// <summary>Say "(bắt buộc)" or "(không bắt buộc)" after the label.</summary>
    [Parameter]
    public bool ShowRequirement { get; set; }

    /// <summary>
    /// <c>data-*</c> and <c>aria-*</c> attributes for the control, for the page's scripts; any other attribute is
    /// refused (each attribute of a control is a parameter of its component).
    /// </summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? ControlAttributes { get; set; }

    public string FieldId => Id ?? Name;

    public string HintId => FieldId + "-hint";

    public string ErrorId => FieldId + "-error";

    public bool HasError => Errors is { Count: > 0 };

    public string ErrorText => HasError ? string.Join(" ", Errors!) : string.Empty;

    /// <summary>The ids that describe the control: the hint (when there is one) and the error.</summary>
    public string DescribedBy => Hint is null ? ErrorId : HintId + " " + ErrorId;

    /// <summary>"true" when the field has an error, else no attribute.</summary>
    protected string? AriaInvalid => HasError ? "true" : null;

    /// <summary>"true" when required, else no attribute.</summary>
    protected string? AriaRequired => Required ? "true" : null;

    protected override void OnParametersSet()
    {
        foreach (var name in ControlAttributes?.Keys ?? Enumerable.Empty<string>())
        {
            if (!name.StartsWith("data-", StringComparison.Ordinal) && !name.StartsWith("aria-", StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"{GetType().Name} '{Name}': the attribute '{name}' is not a parameter. Only data-* and aria-* attributes pass through to the control.");
            }
        }
    }
}
