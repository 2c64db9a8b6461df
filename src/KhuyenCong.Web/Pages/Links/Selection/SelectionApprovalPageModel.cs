using KhuyenCong.Application.Selection;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Web.Pages.Links.Selection;

/// <summary>What the director's selection page shows: the call's selection of the link's round, and the decision form.</summary>
/// <param name="SignedInDirector">True when the director is signed in (otherwise the page says deciding will ask to sign in).</param>
/// <param name="Posted">The values posted, when the form is shown again.</param>
/// <param name="Errors">The form's errors by field, when shown again.</param>
public sealed record SelectionApprovalPageModel(LinkFormTarget Form, SelectionFacts Facts, bool SignedInDirector, PostedValues Posted, BilingualErrors? Errors);

/// <summary>What the page says once the director decided: the call and the decision recorded.</summary>
public sealed record SelectionDecidedPageModel(string CallTitle, KhuyenCong.Domain.Selection.CallSelection Selection);

/// <summary>A 409 on the director's selection link: why it cannot decide any more, and the call it is for.</summary>
public sealed record SelectionClosedPageModel(Bilingual Reason);
