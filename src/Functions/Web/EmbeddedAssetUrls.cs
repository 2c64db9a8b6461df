using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;

namespace KhuyenCong.Functions.Web;

/// <summary>The pages' asset URLs: the assets embedded in this app and served by <see cref="StaticAssetFunction"/>.</summary>
internal sealed class EmbeddedAssetUrls : IAssetUrls
{
    public string Url(string name) => StaticAssets.Url(name);
}
