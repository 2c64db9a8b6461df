using System.Text.Json;
using KhuyenCong.Application.Common;
using Microsoft.AspNetCore.Http;

namespace KhuyenCong.Web.Http;

/// <summary>
/// The fields of a staff action: a JSON object (<c>application/json</c>, as the API is used) or an HTML form
/// (<c>application/x-www-form-urlencoded</c>, as the staff pages post without JavaScript). Values are kept as text;
/// a JSON number is accepted only where a number is expected, and any other non-string value is recorded as having the wrong type.
/// </summary>
public sealed class ActionInput
{
    private readonly Dictionary<string, string?> values;
    private readonly Dictionary<string, string> numbers;
    private readonly HashSet<string> wrongType;

    private ActionInput(Dictionary<string, string?> values, Dictionary<string, string> numbers, HashSet<string> wrongType, bool isForm)
    {
        this.values = values;
        this.numbers = numbers;
        this.wrongType = wrongType;
        IsForm = isForm;
    }

    /// <summary>True when the fields came from an HTML form (the answer is then a page or a redirect).</summary>
    public bool IsForm { get; }

    /// <summary>The fields of an HTML form (the staff page's post without JavaScript).</summary>
    public static ActionInput FromForm(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in form)
        {
            values[key] = value.ToString();
        }

        return new ActionInput(values, new Dictionary<string, string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), isForm: true);
    }

    /// <summary>
    /// The fields of a JSON object, or null when the body is not one. A string that cannot be text (an escaped lone
    /// surrogate such as <c>"\ud800"</c>) counts as a value of the wrong type, so the field is named in the answer.
    /// </summary>
    public static ActionInput? FromJson(ReadOnlyMemory<byte> body)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var numbers = new Dictionary<string, string>(StringComparer.Ordinal);
        var wrongType = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var property in json.RootElement.EnumerateObject())
            {
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String when JsonText.TryGetString(property.Value, out var text):
                        values[property.Name] = text;
                        break;
                    case JsonValueKind.Number:
                        numbers[property.Name] = property.Value.GetRawText();
                        break;
                    case JsonValueKind.Null:
                        values[property.Name] = null;
                        break;
                    default:
                        wrongType.Add(property.Name);
                        values[property.Name] = null;
                        break;
                }
            }

            return new ActionInput(values, numbers, wrongType, isForm: false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A text field as sent: its text (trimmed, null when absent or blank), or marked as of the wrong type when it was not a JSON string.</summary>
    public FieldInput Field(string name) => new(Text(name), wrongType.Contains(name) || numbers.ContainsKey(name));

    /// <summary>A number field as sent: a JSON number's digits, or the text of a string (a form's field); marked as of the wrong type when it was neither.</summary>
    public FieldInput Number(string name) => numbers.TryGetValue(name, out var number) ? new(number) : new(Text(name), wrongType.Contains(name));

    private string? Text(string name) =>
        values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
