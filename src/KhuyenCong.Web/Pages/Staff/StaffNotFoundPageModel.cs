using KhuyenCong.Domain.Text;

namespace KhuyenCong.Web.Pages.Staff;

/// <summary>A staff page for something that does not exist (404): what is missing and a link back to its list.</summary>
/// <param name="Heading">"No such proposal".</param>
/// <param name="BackHref">The list's address.</param>
/// <param name="BackText">The list's name.</param>
public sealed record StaffNotFoundPageModel(Bilingual Heading, string BackHref, Bilingual BackText);
