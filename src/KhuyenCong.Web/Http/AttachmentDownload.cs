using KhuyenCong.Domain.Attachments;
using KhuyenCong.Domain.Proposals;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Http;

/// <summary>
/// How a dossier file is served, the same for staff and for reviewers' links: always as a download
/// (<c>Content-Disposition: attachment</c>) under a safe name whose extension follows the content
/// (<see cref="AttachmentRules.DownloadName"/>), with the content type of the detected kind, <c>nosniff</c>, a CSP
/// sandbox (nothing in it runs should a browser render it) and never cached.
/// </summary>
public static class AttachmentDownload
{
    public static FileStreamResult Result(HttpRequest request, AttachmentInfo attachment, Stream content)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return Result(request, attachment.FileName, attachment.ContentType, content);
    }

    /// <summary>Any stored file the same way (generated documents, their signed scans, templates, the receipt PDF), by its recorded name and content type.</summary>
    public static FileStreamResult Result(HttpRequest request, string fileName, string contentType, Stream content)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.HttpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-store";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers["Referrer-Policy"] = "no-referrer";
        var served = AttachmentRules.KindOf(contentType) is { } kind ? AttachmentRules.ContentType(kind) : "application/octet-stream";

        // FileStreamResult writes Content-Disposition: attachment, with the name both plain and RFC 5987-encoded.
        return new FileStreamResult(content, served) { FileDownloadName = AttachmentRules.DownloadName(fileName, contentType) };
    }
}
