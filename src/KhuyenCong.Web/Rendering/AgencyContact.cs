namespace KhuyenCong.Web.Rendering;

/// <summary>
/// The Centre as the public pages name it in their header and footer (issue 16 item 2): its name, the body above it,
/// its address and hotline, from the validated settings <c>Documents:Centre</c> (the same the receipt prints). An empty
/// address or phone is not shown.
/// </summary>
public sealed record AgencyContact(string Name, string Superior, string Address, string Phone)
{
    /// <summary>The phone as a <c>tel:</c> address (digits and a leading +).</summary>
    public string PhoneHref => "tel:" + new string(Phone.Where((c, i) => char.IsAsciiDigit(c) || (c == '+' && i == 0)).ToArray());
}
