using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using KhuyenCong.Infrastructure.Storage;

namespace KhuyenCong.UnitTests.Infrastructure;

/// <summary>
/// The counter sits in the clients' pipelines per retry: one request is one operation, and each retry is another,
/// as storage bills them. The transport is a stub, so nothing leaves the process.
/// </summary>
public class StorageOperationCounterTests
{
    private static readonly StorageAccount Account = StorageAccount.FromConnectionString("UseDevelopmentStorage=true");

    [Fact]
    public async Task TableRequest_AnsweredAtOnce_CountsOnce()
    {
        var counter = new StorageOperationCounter();
        var handler = new StubHandler(HttpStatusCode.NoContent);
        var tables = Account.CreateTableServiceClient(Options(new TableClientOptions(), handler), counter);

        await tables.GetTableClient("Proposals").DeleteEntityAsync("p", "r");

        Assert.Equal(1, handler.Calls);
        Assert.Equal(new Dictionary<string, long> { ["table DELETE"] = 1 }, counter.Snapshot());
    }

    [Fact]
    public async Task TableRequest_RetriedTwice_CountsEveryAttempt()
    {
        var counter = new StorageOperationCounter();
        var handler = new StubHandler(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.NoContent);
        var tables = Account.CreateTableServiceClient(Options(new TableClientOptions(), handler), counter);

        await tables.GetTableClient("Proposals").DeleteEntityAsync("p", "r");

        Assert.Equal(3, handler.Calls);
        Assert.Equal(3, counter.Snapshot()["table DELETE"]);
        Assert.Equal(3, counter.Total);
    }

    [Fact]
    public async Task BlobAndTableClients_ShareOneCounter_KeptApartByServiceAndMethod()
    {
        var counter = new StorageOperationCounter();
        var handler = new StubHandler(HttpStatusCode.Created, HttpStatusCode.NoContent, HttpStatusCode.NoContent);
        var blobs = Account.CreateBlobServiceClient(Options(new BlobClientOptions(), handler), counter);
        var tables = Account.CreateTableServiceClient(Options(new TableClientOptions(), handler), counter);

        await blobs.GetBlobContainerClient("attachments").GetBlobClient("a/b.pdf").UploadAsync(new BinaryData("%PDF-1.4"u8.ToArray()));
        await tables.GetTableClient("Proposals").DeleteEntityAsync("p", "r");
        await tables.GetTableClient("Proposals").DeleteEntityAsync("p", "s");

        Assert.Equal(new Dictionary<string, long> { ["blob PUT"] = 1, ["table DELETE"] = 2 }, counter.Snapshot());
    }

    [Fact]
    public void WithoutCounter_ClientsAreBuiltAsBefore()
    {
        Assert.NotNull(Account.CreateTableServiceClient());
        Assert.NotNull(Account.CreateBlobServiceClient());
    }

    private static T Options<T>(T options, HttpMessageHandler handler)
        where T : ClientOptions
    {
        options.Transport = new HttpClientTransport(new HttpClient(handler));
        options.Retry.Mode = RetryMode.Fixed;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxRetries = 3;
        return options;
    }

    /// <summary>Answers with the given statuses in turn (the last one from then on).</summary>
    private sealed class StubHandler(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var status = statuses[Math.Min(Calls, statuses.Length - 1)];
            Calls++;
            var response = new HttpResponseMessage(status) { Content = new ByteArrayContent([]) };
            response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"0x1\"");
            return Task.FromResult(response);
        }
    }
}
