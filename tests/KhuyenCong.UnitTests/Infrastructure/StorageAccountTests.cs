using KhuyenCong.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;

namespace KhuyenCong.UnitTests.Infrastructure;

public class StorageAccountTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void FromConfiguration_DevelopmentStorage_UsesConnectionString()
    {
        var account = StorageAccount.FromConfiguration(Config(("AzureWebJobsStorage", "UseDevelopmentStorage=true")));

        Assert.False(account.UsesIdentity);
        Assert.Equal("127.0.0.1", account.BlobServiceUri!.Host);
        Assert.Equal(10000, account.BlobServiceUri.Port);
        Assert.Equal(10002, account.TableServiceUri!.Port);
    }

    [Fact]
    public void FromConfiguration_AccountName_UsesManagedIdentityAndServiceUris()
    {
        var account = StorageAccount.FromConfiguration(Config(
            ("AzureWebJobsStorage:accountName", "stkhuyencong"),
            ("AzureWebJobsStorage:credential", "managedidentity")));

        Assert.True(account.UsesIdentity);
        Assert.Null(account.ConnectionString);
        Assert.Equal(new Uri("https://stkhuyencong.blob.core.windows.net"), account.BlobServiceUri);
        Assert.Equal(new Uri("https://stkhuyencong.table.core.windows.net"), account.TableServiceUri);
    }

    [Fact]
    public void FromConfiguration_NothingSet_ThrowsNamingTheSetting()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageAccount.FromConfiguration(Config()));
        Assert.Contains("AzureWebJobsStorage", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a connection string")]
    [InlineData("AccountName=x;AccountKey=%%%")]
    public void FromConfiguration_MalformedConnectionString_ThrowsNamingTheSetting(string value)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageAccount.FromConfiguration(Config(("AzureWebJobsStorage", value))));
        Assert.Contains("AzureWebJobsStorage", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_BadServiceUri_ThrowsNamingTheSetting()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageAccount.FromConfiguration(Config(
            ("AzureWebJobsStorage:accountName", "x"), ("AzureWebJobsStorage:blobServiceUri", "not-a-uri"))));
        Assert.Contains("blobServiceUri", ex.Message, StringComparison.Ordinal);
    }
}
