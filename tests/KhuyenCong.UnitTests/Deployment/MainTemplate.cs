using System.Text.Json;
using System.Text.Json.Nodes;

namespace KhuyenCong.UnitTests.Deployment;

/// <summary>
/// infra/main.bicep built once into its ARM JSON template, with the resources of every module (nested deployments)
/// flattened, and the app settings the Function App gets read from it.
/// </summary>
internal static class MainTemplate
{
    private static readonly Lazy<JsonObject> Built = new(Build);

    public static string BicepPath => Path.Combine(BuildPaths.Infra, "main.bicep");

    public static JsonObject Json => Built.Value;

    /// <summary>The parameters of main.bicep, by name.</summary>
    public static JsonObject Parameters => Json["parameters"]!.AsObject();

    /// <summary>Every resource of the template and of its modules (depth first).</summary>
    public static IReadOnlyList<JsonObject> Resources() => ResourcesOf(Json).ToList();

    /// <summary>
    /// The app settings the Bicep sets on the Function App, by name, with their template values (literals or ARM
    /// expressions). Read from <c>Microsoft.Web/sites/config</c> 'appsettings' resources and from any
    /// <c>siteConfig.appSettings</c> of a <c>Microsoft.Web/sites</c> resource.
    /// </summary>
    public static IReadOnlyDictionary<string, string> FunctionAppSettings()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var sources = 0;
        foreach (var resource in Resources())
        {
            var type = (string?)resource["type"];
            var name = (string?)resource["name"] ?? string.Empty;
            if (string.Equals(type, "Microsoft.Web/sites/config", StringComparison.OrdinalIgnoreCase)
                && (name.EndsWith("'appsettings')]", StringComparison.OrdinalIgnoreCase)
                    || name.EndsWith("/appsettings", StringComparison.OrdinalIgnoreCase)))
            {
                sources++;
                if (resource["properties"] is not JsonObject properties)
                {
                    throw new InvalidOperationException(
                        $"The app settings resource {name} is not an object literal: keep the names literal in the Bicep so they can be checked.");
                }

                foreach (var (key, value) in properties)
                {
                    settings.Add(key, ValueText(value));
                }
            }

            if (string.Equals(type, "Microsoft.Web/sites", StringComparison.OrdinalIgnoreCase)
                && resource["properties"]?["siteConfig"]?["appSettings"] is { } inline)
            {
                sources++;
                if (inline is not JsonArray array)
                {
                    throw new InvalidOperationException($"siteConfig.appSettings of {name} is not an array literal.");
                }

                foreach (var item in array)
                {
                    var settingName = (string?)item?["name"];
                    if (settingName is null || settingName.StartsWith('['))
                    {
                        throw new InvalidOperationException($"siteConfig.appSettings of {name} has a setting whose name is not a literal.");
                    }

                    settings.Add(settingName, ValueText(item!["value"]));
                }
            }
        }

        return sources == 0
            ? throw new InvalidOperationException("No app settings of a Function App were found in the built template.")
            : settings;
    }

    /// <summary>The single resource of this type (throws when there is none or more than one).</summary>
    public static JsonObject Single(string type) =>
        Resources().Single(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    private static string ValueText(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? string.Empty;

    private static IEnumerable<JsonObject> ResourcesOf(JsonObject template)
    {
        IEnumerable<JsonNode?> resources = template["resources"] switch
        {
            JsonArray array => array,
            JsonObject symbolic => symbolic.Select(p => p.Value),
            _ => [],
        };
        foreach (var resource in resources.OfType<JsonObject>())
        {
            yield return resource;
            if (string.Equals((string?)resource["type"], "Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase)
                && resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in ResourcesOf(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static JsonObject Build()
    {
        var result = BicepCli.Run("build", BicepPath, "--stdout");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build of main.bicep failed: {result}");
        }

        return JsonNode.Parse(result.StandardOutput, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
    }
}
