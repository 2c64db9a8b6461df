namespace KhuyenCong.Web.Pages.Links;

/// <summary>What the 401/403 page of a link that only signed-in staff decide on shows.</summary>
/// <param name="SignedIn">Someone is signed in, without the role (403); otherwise nobody is (401).</param>
/// <param name="LocalHost">Under LocalHost the function key signs in (no sign-in page to offer).</param>
/// <param name="SignInHref">App Service Authentication's sign-in, which brings the user back to the link.</param>
public sealed record LinkStaffOnlyPageModel(bool SignedIn, bool LocalHost, string SignInHref);
