using System.Net;
using System.Text;
using System.Text.Json;

namespace KhuyenCong.IntegrationTests.Proposals;

/// <summary>Checks RFC 9457 problem responses.</summary>
internal static class ProblemAssert
{
    /// <summary>
    /// The response is <c>application/problem+json</c> with <paramref name="status"/>, and its <c>errors</c> name exactly
    /// <paramref name="field"/>, whose first message is <paramref name="message"/> (exactly, so in the expected language).
    /// Returns the first message.
    /// </summary>
    public static async Task<string> FieldAsync(HttpResponseMessage response, HttpStatusCode status, string field, string? message = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal((int)status, root.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        var errors = root.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
        var first = errors.GetProperty(field).EnumerateArray().First().GetString()!;
        Assert.True(first.IsNormalized(NormalizationForm.FormC), "Messages are NFC.");
        if (message is not null)
        {
            Assert.Equal(message, first);
        }

        return first;
    }

    /// <summary>A problem response without field errors.</summary>
    public static async Task<JsonElement> StatusAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
        return json.RootElement.Clone();
    }
}
