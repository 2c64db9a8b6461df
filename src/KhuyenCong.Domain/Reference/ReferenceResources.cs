using System.Text.Json;

namespace KhuyenCong.Domain.Reference;

/// <summary>
/// The reference data shipped inside the assembly: <c>data/reference/*.json</c> (activities, entity types, caps,
/// sectors, priority groups, documents; each value with its basis and confidence) and the Hưng Yên commune files of
/// <c>data/geography</c>. Read once; a file that does not parse stops the app at start-up rather than later.
/// </summary>
public static class ReferenceResources
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
    };

    /// <summary>The text of a shipped file: <c>Reference/activities.json</c> or <c>Geography/hung-yen-2025.csv</c>.</summary>
    public static string Text(string folder, string fileName)
    {
        var name = $"KhuyenCong.{folder}.{fileName}";
        using var stream = typeof(ReferenceResources).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The reference file {name} is not embedded in the Domain assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A shipped JSON file of <c>data/reference</c>, deserialised.</summary>
    internal static T Load<T>(string fileName)
        where T : class =>
        JsonSerializer.Deserialize<T>(Text("Reference", fileName), Json)
        ?? throw new InvalidOperationException($"data/reference/{fileName} is empty.");
}

/// <summary>A source cited by reference data: the document, its address and what kind of source it is.</summary>
public sealed record ReferenceSource(string Doc, string? Url, string Kind);

/// <summary>How sure a value of the reference data is (docs/legal/applicants-activities-caps.md).</summary>
public static class Confidence
{
    /// <summary>Read in the legal text itself, or in a full transcription or translation of it.</summary>
    public const string Text = "text";

    /// <summary>Read in a source that quotes or summarises the text (a Q&amp;A page, news, a provincial office).</summary>
    public const string Secondary = "secondary";

    /// <summary>Looked for and not found: never used as a rule.</summary>
    public const string NotFound = "not found";

    /// <summary>An example shipped to be replaced by an administrator (no legal source).</summary>
    public const string Example = "example";
}
