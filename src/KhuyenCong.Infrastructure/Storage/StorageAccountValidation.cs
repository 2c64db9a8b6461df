using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Infrastructure.Storage;

/// <summary>Marker options whose validation checks the <c>AzureWebJobsStorage</c> settings when the app starts.</summary>
public sealed class StorageAccountCheck
{
}

/// <summary>Fails start-up with a message naming the setting when the storage account settings are missing or malformed.</summary>
internal sealed class StorageAccountValidation(IConfiguration configuration) : IValidateOptions<StorageAccountCheck>
{
    public ValidateOptionsResult Validate(string? name, StorageAccountCheck options)
    {
        try
        {
            StorageAccount.FromConfiguration(configuration);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
