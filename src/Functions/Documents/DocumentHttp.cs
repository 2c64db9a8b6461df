using KhuyenCong.Application.Documents;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Functions.Documents;

/// <summary>What the document routes share: reading a raw body within a limit, serving a file safely, their JSON.</summary>
internal static class DocumentHttp
{
    /// <summary>The body, or null when it is longer than <paramref name="max"/> bytes (nothing more is read then).</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long max, CancellationToken cancellationToken)
    {
        if (request.ContentLength > max)
        {
            return null;
        }

        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, request.HttpContext.RequestAborted);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, aborted.Token)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// A stored file as a download: <c>Content-Disposition: attachment</c> with its (ASCII, generated) name, its content
    /// type, <c>nosniff</c>, a sandboxing CSP, no referrer and never cached.
    /// </summary>
    public static FileStreamResult File(HttpRequest request, Stream content, string contentType, string fileName)
    {
        var headers = request.HttpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-store";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers["Referrer-Policy"] = "no-referrer";
        return new FileStreamResult(content, contentType) { FileDownloadName = fileName };
    }

    public static IActionResult TooLarge(long max, Language language) =>
        Problems.Field(StatusCodes.Status413PayloadTooLarge, "file", language == Language.English
            ? $"The file is larger than {max / 1024 / 1024} MB."
            : $"Tệp lớn hơn {max / 1024 / 1024} MB.", language);

    public static IActionResult UnknownKind(DocumentCatalog catalog, Language language)
    {
        var kinds = string.Join(", ", catalog.All.Select(k => k.Info.Code));
        return Problems.Field(StatusCodes.Status404NotFound, "kind", language == Language.English
            ? $"No such kind of document. The kinds are: {kinds}."
            : $"Không có loại văn bản này. Các loại văn bản: {kinds}.", language);
    }

    public static object Json(GeneratedDocument d, DocumentCatalog catalog)
    {
        var kind = catalog.Find(d.Kind)?.Info;
        var basePath = $"/api/proposals/{Uri.EscapeDataString(d.ProposalId)}/documents/{d.Id}";
        return new
        {
            id = d.Id,
            kind = d.Kind,
            name = kind?.Vietnamese,
            nameEn = kind?.English,
            number = d.Number,
            date = d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            fileName = d.FileName,
            contentType = ProposalDocuments.DocxContentType,
            size = d.Size,
            sha256 = d.Sha256,
            generatedBy = d.GeneratedBy,
            generatedAt = d.GeneratedAt,
            templateSource = d.TemplateSource,
            url = basePath + "/file",
            signed = d.Signed is { } s
                ? new { fileName = s.FileName, contentType = s.ContentType, size = s.Size, sha256 = s.Sha256, uploadedBy = s.UploadedBy, uploadedAt = s.UploadedAt, url = basePath + "/signed" }
                : null,
        };
    }
}
