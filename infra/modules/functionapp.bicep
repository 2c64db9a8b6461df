// The Flex Consumption Function App (plan FC1, .NET 10 isolated worker) running as its user-assigned identity.
// Every app setting is in the one `appsettings` object below: infra/app-settings.json lists the ones the app reads
// (the rest belong to the Functions host and the platform), and a unit test keeps the two in step.

@description('Name of the Function App.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region.')
param location string

@description('Tags applied to the plan and the app.')
param tags object

@description('azd service name (tag azd-service-name) that `azd deploy` looks for.')
param serviceName string

@description('Name of the user-assigned managed identity the app runs as.')
param identityName string

@description('Name of the storage account (app data, task hub, deployment package).')
param storageAccountName string

@description('Primary blob endpoint of the storage account.')
param blobEndpoint string

@description('Primary queue endpoint of the storage account.')
param queueEndpoint string

@description('Primary table endpoint of the storage account.')
param tableEndpoint string

@description('URL of the blob container that holds the deployment package.')
param deploymentContainerUrl string

@description('URI of the Key Vault (ends with a slash).')
param keyVaultUri string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Resource id of the Log Analytics workspace that receives the platform logs.')
param workspaceId string

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of one instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Durable Functions task hub name.')
param taskHubName string

@description('Sender address of the emails (verified in SendGrid).')
param sendGridFromEmail string

@description('Officers who screen proposals (comma-separated).')
param officerEmails string

@description('The director who approves proposals.')
param directorEmail string

@description('Sender display name of the emails.')
param sendGridFromName string

@description('NCRONTAB (six fields, UTC) of the daily reminder digest.')
param digestSchedule string

@description('NCRONTAB (six fields, UTC) of the weekly overdue report.')
param overdueReportSchedule string

@description('NCRONTAB (six fields, UTC) of the nightly statistics recompute.')
param statisticsRecomputeSchedule string

@description('Who approves the local plan: people-committee or department-director.')
@allowed([ 'people-committee', 'department-director' ])
param localApprover string

@description('Application (client) id of the Entra ID app registration used for staff sign-in.')
param authClientId string

@description('Tenant id of that app registration.')
param authTenantId string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Keep this an object literal with literal names: the deployment tests read the names from the built template.
resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    // Host and app: the storage account, reached by identity (no connection string, no key).
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identity.properties.clientId
    AzureWebJobsStorage__blobServiceUri: blobEndpoint
    AzureWebJobsStorage__queueServiceUri: queueEndpoint
    AzureWebJobsStorage__tableServiceUri: tableEndpoint
    // Host only: the proposal form is served at "/", so the host's default home page must step aside.
    AzureWebJobsDisableHomepage: 'true'
    // Host only: telemetry to Application Insights with an Entra ID token of the app's identity.
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
    // Platform only (App Service Authentication): sign-in uses the identity as a federated credential of the app
    // registration instead of a client secret, and accepts tokens from this tenant only.
    OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID: identity.properties.clientId
    WEBSITE_AUTH_AAD_ALLOWED_TENANTS: authTenantId
    // App.
    KhuyenCong__TaskHubName: taskHubName
    KhuyenCong__PublicBaseUrl: 'https://${functionApp.properties.defaultHostName}'
    SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/SendGridApiKey)'
    SendGrid__FromEmail: sendGridFromEmail
    SendGrid__FromName: sendGridFromName
    Workflow__OfficerEmails: officerEmails
    Workflow__DirectorEmail: directorEmail
    Links__SigningKeys: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/LinkSigningKeys)'
    Reminders__DigestSchedule: digestSchedule
    Reminders__OverdueReportSchedule: overdueReportSchedule
    Statistics__RecomputeSchedule: statisticsRecomputeSchedule
    Planning__LocalApprover: localApprover
  }
}

// Staff sign in with Entra ID; nobody is forced to. Public routes (the enterprise form, the emailed review links)
// stay anonymous, and the app decides per route from X-MS-CLIENT-PRINCIPAL, which the platform sets for a signed-in
// user and strips from every incoming request, so a caller cannot forge it.
resource authSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
      runtimeVersion: '~1'
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
      routes: {
        apiPrefix: '/.auth'
      }
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${authTenantId}/v2.0'
          clientId: authClientId
          clientSecretSettingName: 'OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID'
        }
        login: {
          loginParameters: [
            'scope=openid profile email'
          ]
        }
        validation: {
          allowedAudiences: [
            'api://${authClientId}'
            authClientId
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
      preserveUrlFragmentsForLogins: false
      cookieExpiration: {
        convention: 'FixedTime'
        timeToExpiration: '08:00:00'
      }
      nonce: {
        validateNonce: true
        nonceExpirationInterval: '00:05:00'
      }
    }
  }
  dependsOn: [
    appSettings
  ]
}

// No FTP and no basic-auth publishing: deployments go through Entra ID (azd) only.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: functionApp
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'FunctionAppLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
output url string = 'https://${functionApp.properties.defaultHostName}'
