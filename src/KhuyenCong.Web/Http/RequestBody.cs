using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace KhuyenCong.Web.Http;

/// <summary>What a request's body is (by its <c>Content-Type</c>) and reading it within limits.</summary>
public static class RequestBody
{
    /// <summary>Longest multipart boundary accepted (RFC 2046 allows 70 characters).</summary>
    public const int MaxBoundaryLength = 200;

    /// <summary>The media type without parameters, lower case ("" when absent or unparsable).</summary>
    public static string MediaType(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return MediaTypeHeaderValue.TryParse(request.ContentType, out var media) ? media.MediaType.Value?.ToLowerInvariant() ?? string.Empty : string.Empty;
    }

    /// <summary><c>application/json</c>, with no charset or UTF-8.</summary>
    public static bool IsJson(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            && (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || media.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An HTML form post: <c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c> (what another site can make a browser send).</summary>
    public static bool IsForm(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return MediaType(request) is "application/x-www-form-urlencoded" or "multipart/form-data";
    }

    /// <summary>The multipart boundary, or null when the type is not multipart or the boundary is missing or too long.</summary>
    public static string? Boundary(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            && media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            && HeaderUtilities.RemoveQuotes(media.Boundary) is { Length: > 0 and <= MaxBoundaryLength } boundary
            ? boundary.Value
            : null;
    }

    /// <summary>True when the request announces a body (a length above 0, or a chunked body).</summary>
    public static bool HasContent(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
    }

    /// <summary>
    /// Reads an HTML form within limits. Null and <paramref name="problem"/> set when the form is malformed (400), has
    /// no boundary (400), cut off (400), too many or too long fields (413).
    /// </summary>
    public static async Task<(IFormCollection? Form, int Problem)> ReadFormAsync(HttpRequest request, FormLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        if (MediaType(request) == "multipart/form-data" && Boundary(request) is null)
        {
            return (null, StatusCodes.Status400BadRequest);
        }

        try
        {
            var form = await request.ReadFormAsync(new FormOptions
            {
                ValueCountLimit = limits.MaxFields,
                KeyLengthLimit = 200,
                ValueLengthLimit = limits.MaxFieldBytes,
                MultipartBodyLengthLimit = limits.MaxBodyBytes,
                MultipartBoundaryLengthLimit = MaxBoundaryLength,
                MultipartHeadersCountLimit = 16,
                MultipartHeadersLengthLimit = 16 * 1024,
            }, cancellationToken);
            return (form, 0);
        }
        catch (InvalidDataException ex)
        {
            // "Form value count limit 1024 exceeded.", "Multipart body length limit … exceeded.", …: too large; else malformed.
            return (null, ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }
        catch (IOException)
        {
            // A multipart body that ends in the middle of a part, or a client that went away while sending.
            return (null, StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>The whole body, or null when it is longer than <paramref name="maxBytes"/> (the rest is not read).</summary>
    public static async Task<byte[]?> ReadAtMostAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>Limits of an HTML form read by <see cref="RequestBody.ReadFormAsync"/>.</summary>
public sealed record FormLimits(int MaxFields, int MaxFieldBytes, long MaxBodyBytes);
