// KhuyenCong in Azure: one resource group per azd environment with a Flex Consumption Function App, its storage
// account, Key Vault, Application Insights and Log Analytics. See docs/decisions/0002-azure-deployment.md.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment (AZURE_ENV_NAME): names the resource group and seeds the resource names.')
param environmentName string

@minLength(1)
@description('Azure region of every resource (AZURE_LOCATION).')
param location string

@description('Object id of the principal that deploys (AZURE_PRINCIPAL_ID, set by azd): gets Key Vault Secrets Officer so it can set the secrets. Empty: no such role.')
param principalId string = ''

@minLength(36)
@maxLength(36)
@description('Application (client) id of the Entra ID app registration for staff sign-in (AZURE_AUTH_CLIENT_ID).')
param authClientId string

@description('Tenant id of that app registration; the deployment\'s tenant by default.')
param authTenantId string = tenant().tenantId

@minLength(3)
@description('Sender address of the emails, verified in SendGrid (SENDGRID_FROM_EMAIL).')
param sendGridFromEmail string

@minLength(3)
@description('Officers of the Industrial Promotion Centre who screen proposals and get escalations and the overdue report, comma-separated (WORKFLOW_OFFICER_EMAILS).')
param officerEmails string

@minLength(3)
@description('The director who approves proposals (WORKFLOW_DIRECTOR_EMAIL).')
param directorEmail string

@minLength(1)
@description('Sender display name of the emails (SENDGRID_FROM_NAME).')
param sendGridFromName string = 'Trung tâm Khuyến công'

@minLength(3)
@maxLength(45)
@description('Durable Functions task hub name: letters and digits, starting with a letter.')
param taskHubName string = 'KhuyenCong'

@description('NCRONTAB (six fields, UTC) of the daily reminder digest: 01:00 UTC is 08:00 in Vietnam (UTC+7).')
param digestSchedule string = '0 0 1 * * *'

@description('NCRONTAB (six fields, UTC) of the overdue report: Mondays 01:00 UTC (08:00 in Vietnam).')
param overdueReportSchedule string = '0 0 1 * * 1'

@description('NCRONTAB (six fields, UTC) of the nightly statistics recompute: 19:00 UTC is 02:00 in Vietnam (UTC+7).')
param statisticsRecomputeSchedule string = '0 0 19 * * *'

@description('Who approves the local khuyến công plan: the provincial People\'s Committee on the Department\'s submission, or the Department\'s director where the province delegated it (ADR 0022).')
@allowed([ 'people-committee', 'department-director' ])
param localApprover string = 'people-committee'

@description('Replication of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@minValue(1)
@maxValue(1000)
@description('Most instances the Function App scales out to.')
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
@description('Memory of one Function App instance, in MB.')
param instanceMemoryMB int = 2048

@minValue(30)
@maxValue(730)
@description('Days the Log Analytics workspace keeps data.')
param logRetentionInDays int = 30

@description('Daily Log Analytics ingestion cap in GB (-1: no cap).')
param logDailyQuotaGb int = 1

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'khuyencong'
}
var identityName = 'id-func-${resourceToken}'
var applicationInsightsName = 'appi-${resourceToken}'
var deploymentContainerName = 'app-package'
// Soft delete must outlast the point-in-time restore window, and versions are kept beyond both.
var blobRestoreDays = 7
var blobSoftDeleteDays = 14
var blobVersionRetentionDays = 30

resource resourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: resourceGroup
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: resourceGroup
  params: {
    workspaceName: 'log-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
    dailyQuotaGb: logDailyQuotaGb
    appIdentityName: identityName
  }
  dependsOn: [
    identity
  ]
}

module storage 'modules/storage.bicep' = {
  scope: resourceGroup
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    skuName: storageSkuName
    deploymentContainerName: deploymentContainerName
    blobSoftDeleteDays: blobSoftDeleteDays
    blobRestoreDays: blobRestoreDays
    blobVersionRetentionDays: blobVersionRetentionDays
    workspaceId: monitoring.outputs.workspaceId
    appIdentityName: identityName
  }
  dependsOn: [
    identity
  ]
}

module keyVault 'modules/keyvault.bicep' = {
  scope: resourceGroup
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    workspaceId: monitoring.outputs.workspaceId
    appIdentityName: identityName
    deployerPrincipalId: principalId
  }
  dependsOn: [
    identity
  ]
}

module functionApp 'modules/functionapp.bicep' = {
  scope: resourceGroup
  params: {
    name: 'func-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    identityName: identityName
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    keyVaultUri: keyVault.outputs.uri
    applicationInsightsName: applicationInsightsName
    workspaceId: monitoring.outputs.workspaceId
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    taskHubName: taskHubName
    sendGridFromEmail: sendGridFromEmail
    officerEmails: officerEmails
    directorEmail: directorEmail
    sendGridFromName: sendGridFromName
    digestSchedule: digestSchedule
    overdueReportSchedule: overdueReportSchedule
    statisticsRecomputeSchedule: statisticsRecomputeSchedule
    localApprover: localApprover
    authClientId: authClientId
    authTenantId: authTenantId
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = functionApp.outputs.url
output AZURE_FUNCTION_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_FUNCTION_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output AZURE_LOG_ANALYTICS_WORKSPACE_ID string = monitoring.outputs.workspaceCustomerId
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
output KHUYENCONG_TASK_HUB_NAME string = taskHubName
