using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Links;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Pages.Links;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>One request on an emailed link whose token is genuine and unexpired, for a proposal that exists.</summary>
public sealed class LinkRequest(HttpRequest request, string token, Language language, LinkClaims claims, Proposal proposal, LinkService links, StaffPrincipal? staff = null)
{
    public HttpRequest Http { get; } = request;

    /// <summary>The token as it is in the URL (the review page's download links are built from it).</summary>
    public string Token { get; } = token;

    public Language Language { get; } = language;

    public LinkClaims Claims { get; } = claims;

    public Proposal Proposal { get; } = proposal;

    /// <summary>The signed-in staff member who opened the link, if any (the director deciding on an approval).</summary>
    public StaffPrincipal? Staff { get; } = staff;

    /// <summary>What the use cases act on: the verified claims and the proposal.</summary>
    public OpenedLink Opened => new(Claims, Proposal);

    /// <summary>The posted form of a page without files, read within limits by <see cref="LinkFunctions"/> (null on GET).</summary>
    public IFormCollection? Form { get; set; }

    /// <summary>Where the page's forms post (the link itself, with its <c>?lang</c>) and the form token they carry.</summary>
    public LinkFormTarget FormTarget => new(Http.Path + Http.QueryString, links.FormToken(Claims));

    public bool IsValidFormToken(string? presented) => links.IsValidFormToken(Claims, presented);

    /// <summary>The last value posted for <paramref name="name"/> in <see cref="Form"/>, or null.</summary>
    public string? Field(string name) => Form is { } form && form.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    /// <summary>The values posted in <see cref="Form"/>, to show a form again as it was typed.</summary>
    public PostedValues Posted() => Form is null
        ? PostedValues.None
        : new(Form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal));
}

/// <summary>A page behind an emailed link, for one <see cref="LinkActions">action</see>: an adapter of its use case.</summary>
public interface ILinkPage
{
    string Action { get; }

    /// <summary>
    /// The staff role a decision on this page needs (null: the link alone decides, as for reviewers and applicants).
    /// Viewing never needs it.
    /// </summary>
    string? DecidingRole => null;

    /// <summary>The page's form carries files: the page reads it itself (streamed, after its stage is checked).</summary>
    bool ReadsFiles => false;

    /// <summary>Shows the page. Never changes anything (mail scanners open links).</summary>
    Task<IActionResult> ShowAsync(LinkRequest link, CancellationToken cancellationToken);

    /// <summary>Decides, from the page's form (for pages without files, already read into <see cref="LinkRequest.Form"/> with a valid form token).</summary>
    Task<IActionResult> DecideAsync(LinkRequest link, IWorkflowEvents events, CancellationToken cancellationToken);
}
