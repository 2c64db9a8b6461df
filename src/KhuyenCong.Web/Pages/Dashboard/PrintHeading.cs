namespace KhuyenCong.Web.Pages.Dashboard;

/// <summary>
/// What the dashboard's print view prints around the figures: the agency (settings <c>Documents:Centre</c>: the
/// superior body's line and the Centre's name), the place and the date printed (Vietnam time) for the date line.
/// </summary>
/// <param name="Superior">The superior body, capitals ("SỞ CÔNG THƯƠNG HƯNG YÊN").</param>
/// <param name="Agency">The agency, capitals ("TRUNG TÂM KHUYẾN CÔNG").</param>
/// <param name="Place">The place of the date line ("Hưng Yên").</param>
/// <param name="PrintedOn">The day printed.</param>
public sealed record PrintHeading(string Superior, string Agency, string Place, DateOnly PrintedOn);
