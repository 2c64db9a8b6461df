using System.Text.Json;
using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Common;
using Microsoft.AspNetCore.Http;

namespace KhuyenCong.Web.Http;

/// <summary>
/// The fields of a staff write sent as a JSON object or as a staff page's HTML form, read the same way (ADR 0019):
/// text and number fields as <see cref="FieldInput"/> (<see cref="ActionInput"/>), list fields as
/// <see cref="ListInput"/> (a JSON array of strings, or a form's repeated field, e.g. checkboxes) and a call's
/// documents per kind as <see cref="DocumentsInput"/> (a JSON object of lists, or the form's text lines).
/// </summary>
public sealed class StaffFields
{
    private readonly ActionInput scalars;
    private readonly JsonElement? json;
    private readonly IFormCollection? form;

    private StaffFields(ActionInput scalars, JsonElement? json, IFormCollection? form)
    {
        this.scalars = scalars;
        this.json = json;
        this.form = form;
    }

    /// <summary>The fields of the request, or null when its JSON body is not an object.</summary>
    public static StaffFields? From(StaffRequest call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Form is { } form)
        {
            return new StaffFields(ActionInput.FromForm(form), null, form);
        }

        var body = call.Json ?? ReadOnlyMemory<byte>.Empty;
        if (ActionInput.FromJson(body) is not { } scalars)
        {
            return null;
        }

        using var document = JsonDocument.Parse(body);
        return new StaffFields(scalars, document.RootElement.Clone(), null);
    }

    public FieldInput Field(string name) => scalars.Field(name);

    public FieldInput Number(string name) => scalars.Number(name);

    /// <summary>A list of texts: a JSON array of strings (anything else: of the wrong type), or every value of a form field.</summary>
    public ListInput List(string name)
    {
        if (form is not null)
        {
            return ListInput.Of(form[name].ToArray());
        }

        if (!json!.Value.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return ListInput.Absent;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            return ListInput.Wrong;
        }

        return ListInput.Of(value.EnumerateArray().Select(item => JsonText.TryGetString(item, out var text) ? text : null));
    }

    /// <summary>Documents per kind: a JSON object of kind code → array of strings, or the form's lines "code: document; document".</summary>
    public DocumentsInput Documents(string name)
    {
        if (form is not null)
        {
            return DocumentsInput.FromLines(form[name].ToString());
        }

        if (!json!.Value.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return DocumentsInput.Absent;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return DocumentsInput.Wrong;
        }

        var byKind = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var kind in value.EnumerateObject())
        {
            if (kind.Value.ValueKind != JsonValueKind.Array || kind.Value.EnumerateArray().Any(d => d.ValueKind != JsonValueKind.String))
            {
                return DocumentsInput.Wrong;
            }

            byKind[kind.Name] = kind.Value.EnumerateArray().Select(d => JsonText.TryGetString(d, out var text) ? text ?? string.Empty : string.Empty).ToList();
        }

        return new DocumentsInput(byKind);
    }
}
