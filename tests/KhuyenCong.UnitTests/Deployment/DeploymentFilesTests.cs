using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KhuyenCong.UnitTests.Deployment;

/// <summary>azure.yaml and the GitHub workflows, read as text (no YAML parser is referenced).</summary>
public class DeploymentFilesTests
{
    private static string Read(params string[] parts) => File.ReadAllText(BuildPaths.InRepo(parts));

    [Fact]
    public void AzureYaml_ApiService_IsTheFunctionsProjectOnTheFunctionHost()
    {
        var yaml = Read("azure.yaml");

        var project = Regex.Match(yaml, @"^\s+project:\s*(\S+)\s*$", RegexOptions.Multiline).Groups[1].Value;
        Assert.True(File.Exists(Path.Combine(BuildPaths.InRepo(project), "KhuyenCong.Functions.csproj")), $"azure.yaml project '{project}'");
        Assert.Matches(@"(?m)^  api:\s*$", yaml);
        Assert.Matches(@"(?m)^\s+host:\s*function\s*$", yaml);
        Assert.Matches(@"(?m)^\s+language:\s*dotnet\s*$", yaml);
        Assert.Matches(@"(?m)^\s+path:\s*infra\s*$", yaml);
    }

    [Fact]
    public void DeployWorkflow_AzureSignIn_IsOidcWithoutStoredSecrets()
    {
        var yaml = Read(".github", "workflows", "deploy.yml");

        Assert.Contains("id-token: write", yaml, StringComparison.Ordinal);
        Assert.Contains("--federated-credential-provider github", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("secrets.", yaml, StringComparison.Ordinal);
        Assert.Contains("azd provision --no-prompt", yaml, StringComparison.Ordinal);
        Assert.Contains("azd deploy --no-prompt", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void DeployWorkflow_AzdEnvironment_ProvidesEveryRequiredParameterVariable()
    {
        var workflow = Read(".github", "workflows", "deploy.yml");
        var parameters = Read("infra", "main.parameters.json");

        // ${VAR} without a default must come from the workflow's environment (AZURE_PRINCIPAL_ID is set by azd itself).
        var required = Regex.Matches(parameters, @"""\$\{([A-Z0-9_]+)\}""").Select(m => m.Groups[1].Value)
            .Where(v => v != "AZURE_PRINCIPAL_ID")
            .ToList();
        Assert.NotEmpty(required);
        Assert.All(required, v => Assert.Matches($@"(?m)^\s+{v}: \$\{{\{{ vars\.{v} \}}\}}\s*$", workflow));
    }

    [Fact]
    public void DeployWorkflow_AfterDeploy_SmokeTestsThatAForgedPrincipalIsRefused()
    {
        // Issue 11, finding 6: after each release the staff routes must answer 401 to a forged X-MS-CLIENT-PRINCIPAL.
        var yaml = Read(".github", "workflows", "deploy.yml");

        var deploy = yaml.IndexOf("azd deploy --no-prompt", StringComparison.Ordinal);
        var smoke = yaml.IndexOf("--project tests/KhuyenCong.SmokeTests -- --checks health,staff", StringComparison.Ordinal);
        Assert.True(deploy >= 0 && smoke > deploy, "the smoke step runs after azd deploy");
        Assert.Contains("SMOKE_BASE_URL=\"$AZURE_FUNCTION_APP_URL\"", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("submission", yaml[smoke..], StringComparison.Ordinal);
    }

    [Fact]
    public void HostParityWorkflow_RunsTheAppUnderFuncStartOnAzurite_AndEverySmokeCheck()
    {
        var yaml = Read(".github", "workflows", "host-parity.yml");

        Assert.Contains("azure-functions-core-tools@4", yaml, StringComparison.Ordinal);
        Assert.Contains("npx azurite", yaml, StringComparison.Ordinal);
        Assert.Contains("func start", yaml, StringComparison.Ordinal);
        Assert.Contains("--checks health,submission,staff", yaml, StringComparison.Ordinal);
        // The app refuses LocalHost's development key outside LocalHost: the job must make its own.
        Assert.DoesNotContain("\"dev\"", yaml, StringComparison.Ordinal);
        Assert.True(File.Exists(BuildPaths.InRepo("tests", "KhuyenCong.SmokeTests", "KhuyenCong.SmokeTests.csproj")));
    }

    [Fact]
    public void EntraAppRoles_File_DefinesTheFourStaffRolesWithDistinctIds()
    {
        var roles = JsonNode.Parse(Read("infra", "entra-app-roles.json"))!.AsArray();

        Assert.Equal(["admin", "director", "finance", "officer"], roles.Select(r => (string?)r!["value"]).Order(StringComparer.Ordinal));
        Assert.Equal(roles.Count, roles.Select(r => Guid.Parse((string)r!["id"]!)).Distinct().Count());
        Assert.All(roles, r => Assert.True((bool)r!["isEnabled"]!));
    }
}
