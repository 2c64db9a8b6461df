using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KhuyenCong.UnitTests.Deployment;

/// <summary>What the built template deploys: hardening of each resource, the role assignments, outputs for azd.</summary>
public partial class MainTemplateTests
{
    private static JsonNode Properties(string type) => MainTemplate.Single(type)["properties"]!;

    [Fact]
    public void StorageAccount_Template_AllowsNoKeysNoPublicBlobsAndOnlyTls12()
    {
        var properties = Properties("Microsoft.Storage/storageAccounts");

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
    }

    [Fact]
    public void BlobService_Template_EnablesSoftDeleteVersioningAndPointInTimeRestore()
    {
        var properties = Properties("Microsoft.Storage/storageAccounts/blobServices");

        Assert.True((bool)properties["deleteRetentionPolicy"]!["enabled"]!);
        Assert.True((bool)properties["isVersioningEnabled"]!);
        Assert.True((bool)properties["changeFeed"]!["enabled"]!);
        Assert.True((bool)properties["restorePolicy"]!["enabled"]!);
    }

    [Fact]
    public void KeyVault_Template_UsesRbacSoftDeleteAndPurgeProtection()
    {
        var properties = Properties("Microsoft.KeyVault/vaults");

        Assert.True((bool)properties["enableRbacAuthorization"]!);
        Assert.True((bool)properties["enableSoftDelete"]!);
        Assert.True((bool)properties["enablePurgeProtection"]!);
    }

    [Fact]
    public void FunctionApp_Template_IsFlexConsumptionDotnetIsolated10HttpsOnlyWithoutFtp()
    {
        Assert.Equal("FC1", (string?)MainTemplate.Single("Microsoft.Web/serverfarms")["sku"]!["name"]);
        var properties = Properties("Microsoft.Web/sites");

        Assert.True((bool)properties["httpsOnly"]!);
        Assert.Equal("1.2", (string?)properties["siteConfig"]!["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)properties["siteConfig"]!["ftpsState"]);
        Assert.Equal("dotnet-isolated", (string?)properties["functionAppConfig"]!["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)properties["functionAppConfig"]!["runtime"]!["version"]);
        Assert.NotNull(properties["keyVaultReferenceIdentity"]);
        var basicAuth = MainTemplate.Resources().Where(r => (string?)r["type"] == "Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, basicAuth.Count);
        Assert.All(basicAuth, r => Assert.False((bool)r["properties"]!["allow"]!));
    }

    [Fact]
    public void AuthSettings_Template_SignInWithEntraIdButAnonymousAllowed()
    {
        var auth = MainTemplate.Resources().Single(r =>
            (string?)r["type"] == "Microsoft.Web/sites/config" && ((string?)r["name"])!.Contains("'authsettingsV2'", StringComparison.Ordinal));
        var properties = auth["properties"]!;

        Assert.True((bool)properties["platform"]!["enabled"]!);
        Assert.Equal("AllowAnonymous", (string?)properties["globalValidation"]!["unauthenticatedClientAction"]);
        Assert.False((bool)properties["globalValidation"]!["requireAuthentication"]!);
        Assert.True((bool)properties["identityProviders"]!["azureActiveDirectory"]!["enabled"]!);
    }

    /// <summary>The Function App identity gets exactly these roles, and the deployer Key Vault Secrets Officer: nothing more.</summary>
    [Fact]
    public void RoleAssignments_Template_AreExactlyTheNeededOnes()
    {
        string[] expected =
        [
            "Microsoft.Insights/components 3913510d-42f4-4e42-8a64-420c390055eb",      // Monitoring Metrics Publisher
            "Microsoft.KeyVault/vaults 4633458b-17de-408a-b874-0445c86b69e6",          // Key Vault Secrets User
            "Microsoft.KeyVault/vaults b86a8fe4-44ce-4948-aee5-eccb2c155cd7",          // Key Vault Secrets Officer (deployer)
            "Microsoft.Storage/storageAccounts 0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",  // Storage Table Data Contributor
            "Microsoft.Storage/storageAccounts 974c5e8b-45b9-4653-ba55-5f855dd0fb88",  // Storage Queue Data Contributor
            "Microsoft.Storage/storageAccounts b7e6dc6d-f1e8-4753-8033-0f276bb0955b",  // Storage Blob Data Owner
        ];

        var actual = MainTemplate.Resources()
            .Where(r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments")
            .Select(r => $"{ScopeType().Match((string?)r["scope"] ?? "").Groups[1].Value} {Guid().Match((string)r["properties"]!["roleDefinitionId"]!).Value}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void DiagnosticSettings_Template_CoverFunctionAppStorageServicesAndKeyVault()
    {
        var scopes = MainTemplate.Resources()
            .Where(r => (string?)r["type"] == "Microsoft.Insights/diagnosticSettings")
            .Select(r => ScopeType().Match((string?)r["scope"] ?? "").Groups[1].Value)
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "Microsoft.KeyVault/vaults",
                "Microsoft.Storage/storageAccounts/blobServices",
                "Microsoft.Storage/storageAccounts/queueServices",
                "Microsoft.Storage/storageAccounts/tableServices",
                "Microsoft.Web/sites",
            ],
            scopes);
    }

    [Theory]
    [InlineData("AZURE_FUNCTION_APP_NAME")]
    [InlineData("AZURE_FUNCTION_APP_URL")]
    [InlineData("AZURE_FUNCTION_IDENTITY_PRINCIPAL_ID")]
    [InlineData("AZURE_STORAGE_ACCOUNT_NAME")]
    [InlineData("AZURE_KEY_VAULT_NAME")]
    [InlineData("AZURE_RESOURCE_GROUP")]
    [InlineData("AZURE_LOG_ANALYTICS_WORKSPACE_ID")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING")]
    public void Outputs_Template_IncludeWhatAzdAndTheDocsUse(string output)
    {
        Assert.NotNull(MainTemplate.Json["outputs"]![output]);
    }

    [GeneratedRegex(@"resourceId\('([^']+)'")]
    private static partial Regex ScopeType();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();
}
