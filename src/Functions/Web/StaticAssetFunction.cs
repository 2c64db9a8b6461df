using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Pages.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;

namespace KhuyenCong.Functions.Web;

/// <summary><c>GET /assets/{name}</c>: the embedded style sheet and scripts.</summary>
public sealed class StaticAssetFunction
{
    /// <summary>How long browsers and proxies may reuse an asset without asking again.</summary>
    public const string CacheControl = "public, max-age=3600";

    /// <summary>
    /// The asset named exactly <paramref name="name"/> with its content type, caching headers and ETag; 304 when the
    /// browser's copy is current; 404 for every other name (no file system access, so no path traversal).
    /// </summary>
    [Function(nameof(StaticAsset))]
    public IActionResult StaticAsset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assets/{name}")] HttpRequest request,
        string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!StaticAssets.TryGet(name, out var asset))
        {
            return new NotFoundResult();
        }

        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = CacheControl;
        headers.ETag = asset.ETag;
        headers.XContentTypeOptions = "nosniff";
        if (Matches(request.Headers.IfNoneMatch, asset.ETag))
        {
            return new StatusCodeResult(StatusCodes.Status304NotModified);
        }

        return new FileContentResult(asset.Content.ToArray(), asset.ContentType);
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0)
        {
            return false;
        }

        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        var current = EntityTagHeaderValue.Parse(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }
}
