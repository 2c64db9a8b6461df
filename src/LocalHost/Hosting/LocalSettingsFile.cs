using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace KhuyenCong.LocalHost.Hosting;

/// <summary>
/// Reads the <c>Values</c> of <c>src/Functions/local.settings.json</c> (the file <c>func start</c> reads), so one
/// settings file serves both hosts. Names with <c>__</c> become configuration sections, as environment variables do.
/// </summary>
public static class LocalSettingsFile
{
    public static IConfigurationBuilder AddLocalSettingsFile(this IConfigurationBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!File.Exists(path))
        {
            return builder;
        }

        Dictionary<string, string?> values;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            values = document.RootElement.TryGetProperty("Values", out var v) && v.ValueKind == JsonValueKind.Object
                ? v.EnumerateObject().ToDictionary(
                    p => p.Name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal),
                    p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText(),
                    StringComparer.OrdinalIgnoreCase)
                : [];
        }
        catch (JsonException ex)
        {
            throw new LocalHostException($"{path} is not valid JSON: {ex.Message}", ex);
        }

        // Empty values mean "not set" (the sample file lists every setting with empty defaults).
        return builder.AddInMemoryCollection(values.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
