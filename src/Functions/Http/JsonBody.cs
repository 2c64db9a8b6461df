using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace KhuyenCong.Functions.Http;

/// <summary>Reads a staff route's JSON body (web casing); null when the body is not JSON of that shape.</summary>
public static class JsonBody
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<T?> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Json, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
