using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Documents;

[CollectionDefinition(Name)]
public sealed class DocumentsCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "Documents";
}

/// <summary>Calls of the document routes the tests share.</summary>
internal static class DocumentCalls
{
    public static Task<JsonElement> GenerateAsync(HttpClient staff, string id, string kind, object? body = null) =>
        GenerateOnAsync(staff, $"/api/proposals/{id}", kind, body);

    /// <summary>Generates a document of <paramref name="kind"/> on a subject's route ("/api/councils/{id}"): 201, its record.</summary>
    public static async Task<JsonElement> GenerateOnAsync(HttpClient staff, string subjectPath, string kind, object? body = null)
    {
        using var response = body is null
            ? await staff.PostAsync(new Uri($"{subjectPath}/documents/{kind}", UriKind.Relative), null)
            : await staff.PostAsJsonAsync($"{subjectPath}/documents/{kind}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        Assert.Equal(json.RootElement.GetProperty("url").GetString(), response.Headers.Location?.OriginalString);
        return json.RootElement.Clone();
    }

    /// <summary>Downloads a generated document and checks it is a valid Word document served safely; returns its bytes.</summary>
    public static async Task<byte[]> DownloadAsync(HttpClient staff, JsonElement document)
    {
        using var response = await staff.GetAsync(new Uri(document.GetProperty("url").GetString()!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(document.GetProperty("fileName").GetString(), response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(document.GetProperty("size").GetInt64(), bytes.Length);
        Assert.Empty(DocxReading.ValidationErrors(bytes));
        return bytes;
    }

    public static Task<List<JsonElement>> ListAsync(HttpClient staff, string id) => ListOnAsync(staff, $"/api/proposals/{id}");

    public static async Task<List<JsonElement>> ListOnAsync(HttpClient staff, string subjectPath) =>
        (await staff.GetFromJsonAsync<List<JsonElement>>(new Uri($"{subjectPath}/documents", UriKind.Relative)))!;

    /// <summary>The blobs stored under a subject's key ("council-{id}") in container <c>documents</c>.</summary>
    public static async Task<List<string>> BlobsUnderAsync(string connectionString, string key)
    {
        var container = new Azure.Storage.Blobs.BlobServiceClient(connectionString).GetBlobContainerClient("documents");
        var names = new List<string>();
        if (await container.ExistsAsync())
        {
            await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, key + "/", default))
            {
                names.Add(blob.Name);
            }
        }

        return names;
    }
}
