using KhuyenCong.Functions.Web;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Pages.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using static KhuyenCong.UnitTests.Web.WebTestSupport;

namespace KhuyenCong.UnitTests.Web;

public class StaticAssetFunctionTests
{
    private readonly StaticAssetFunction function = new();

    [Theory]
    [InlineData("base.css", "text/css; charset=utf-8", ":focus-visible")]
    [InlineData("form.js", "text/javascript; charset=utf-8", "Idempotency-Key")]
    public void StaticAsset_KnownName_ServesTheEmbeddedFileWithTypeCacheAndETag(string name, string contentType, string content)
    {
        var request = Request("/assets/" + name);

        var result = Assert.IsType<FileContentResult>(function.StaticAsset(request, name));

        Assert.Equal(contentType, result.ContentType);
        Assert.Contains(content, System.Text.Encoding.UTF8.GetString(result.FileContents), StringComparison.Ordinal);
        var headers = request.HttpContext.Response.Headers;
        Assert.Equal("public, max-age=3600", headers.CacheControl.ToString());
        Assert.Matches("^\"[0-9a-f]{32}\"$", headers.ETag.ToString());
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
    }

    [Theory]
    [InlineData("missing.css")]
    [InlineData("Site.css")]
    [InlineData("../base.css")]
    [InlineData("..%2Fappsettings.json")]
    [InlineData("Web.Assets.base.css")]
    [InlineData("KhuyenCong.Functions.Web.Assets.base.css")]
    [InlineData("")]
    [InlineData(null)]
    public void StaticAsset_AnyOtherName_Is404(string? name)
    {
        Assert.IsType<NotFoundResult>(function.StaticAsset(Request("/assets/x"), name!));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void StaticAsset_IfNoneMatchCurrent_Is304(bool weak)
    {
        Assert.True(StaticAssets.TryGet("base.css", out var asset));
        var request = Request("/assets/base.css", null, ("If-None-Match", (weak ? "W/" : string.Empty) + asset.ETag));

        var result = Assert.IsType<StatusCodeResult>(function.StaticAsset(request, "base.css"));

        Assert.Equal(StatusCodes.Status304NotModified, result.StatusCode);
        Assert.Equal(asset.ETag, request.HttpContext.Response.Headers.ETag.ToString());
    }

    [Fact]
    public void StaticAsset_IfNoneMatchStale_ServesTheFile()
    {
        var request = Request("/assets/base.css", null, ("If-None-Match", "\"0123\""));

        Assert.IsType<FileContentResult>(function.StaticAsset(request, "base.css"));
    }

    [Fact]
    public void Assets_AreExactlyTheStyleSheetAndThePagesScripts_WithVersionedUrls()
    {
        Assert.Equal(["base.css", "components.css", "dashboard.css", "documents.js", "form-caps.js", "form-check.js", "form-draft.js", "form-lists.js", "form-values.js", "form.js", "forms.css", "planning.js", "print.css", "review.js", "staff.css", "staff.js"], StaticAssets.Names.Order(StringComparer.Ordinal));
        Assert.Matches("^/assets/documents\\.js\\?v=[0-9a-f]{12}$", StaticAssets.Url("documents.js"));
        Assert.Matches("^/assets/staff\\.js\\?v=[0-9a-f]{12}$", StaticAssets.Url("staff.js"));
        Assert.Matches("^/assets/planning\\.js\\?v=[0-9a-f]{12}$", StaticAssets.Url("planning.js"));
        Assert.Matches("^/assets/base\\.css\\?v=[0-9a-f]{12}$", StaticAssets.Url("base.css"));
        Assert.Throws<ArgumentOutOfRangeException>(() => StaticAssets.Url("other.js"));
    }
}
