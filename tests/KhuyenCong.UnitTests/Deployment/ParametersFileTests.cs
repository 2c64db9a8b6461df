using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KhuyenCong.UnitTests.Deployment;

/// <summary>infra/main.parameters.json (read by azd, which fills in <c>${VAR}</c> and <c>${VAR=default}</c>) matches main.bicep.</summary>
public partial class ParametersFileTests
{
    private static JsonObject ParametersFile() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(BuildPaths.Infra, "main.parameters.json")))!["parameters"]!.AsObject();

    [Fact]
    public void ParametersFile_EveryEntry_IsAParameterOfMainBicep()
    {
        var declared = MainTemplate.Parameters.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

        Assert.All(ParametersFile().Select(p => p.Key), name => Assert.Contains(name, declared));
    }

    [Fact]
    public void ParametersFile_EveryParameterWithoutDefault_HasAnEntryFromTheAzdEnvironment()
    {
        var file = ParametersFile();
        var required = MainTemplate.Parameters.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key).ToList();

        Assert.Contains("environmentName", required);
        Assert.All(required, name =>
        {
            Assert.True(file.ContainsKey(name), $"main.bicep parameter '{name}' has no default and no entry in main.parameters.json.");
            Assert.Matches(@"^\$\{[A-Z0-9_]+\}$", (string?)file[name]!["value"]);
        });
    }

    [Fact]
    public void ParametersFile_InlineDefaults_EqualTheBicepDefaults()
    {
        var withDefaults = ParametersFile()
            .Select(p => (Name: p.Key, Match: AzdDefault().Match((string?)p.Value!["value"] ?? string.Empty)))
            .Where(x => x.Match.Success)
            .ToList();
        Assert.NotEmpty(withDefaults);

        Assert.All(withDefaults, x =>
        {
            var bicepDefault = MainTemplate.Parameters[x.Name]!["defaultValue"];
            Assert.NotNull(bicepDefault);
            var text = bicepDefault is JsonValue v && v.TryGetValue<string>(out var s) ? s : bicepDefault.ToJsonString();
            Assert.Equal(text, x.Match.Groups[1].Value);
        });
    }

    [GeneratedRegex(@"^\$\{[A-Z0-9_]+=(.*)\}$")]
    private static partial Regex AzdDefault();
}
