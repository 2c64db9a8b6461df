using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Links;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Links;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// Opens an emailed link's request: verifies its token, the deciding role its page needs, its action and proposal, and
/// reads the form of a page without files. Each refusal is the page the link's visitor sees (<see cref="LinkPages"/>).
/// </summary>
public sealed class LinkOpener(LinkService links, IProposalRepository proposals, StaffIdentity identity, LinkPages pages, IEnumerable<ILinkPage> linkPages)
{
    /// <summary>The decision pages' forms: a few fields (a review: one score per criterion), no files.</summary>
    private static readonly FormLimits FormWithoutFiles = new(MaxFields: 200, MaxFieldBytes: 64 * 1024, MaxBodyBytes: 1024 * 1024);

    private readonly Dictionary<string, ILinkPage> byAction = linkPages.ToDictionary(p => p.Action, StringComparer.Ordinal);

    /// <summary>
    /// Verifies the link: its token (404 forged, 410 expired), the role of the one deciding when its page needs one
    /// (401/403, before anything is read), its action and its proposal (404).
    /// </summary>
    public async Task<(LinkRequest? Link, ILinkPage? Page, IActionResult? Refusal)> OpenAsync(HttpRequest request, string token, bool deciding, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.From(request);
        var status = links.Verify(token, out var claims);
        if (status != LinkTokenStatus.Valid)
        {
            return (null, null, status == LinkTokenStatus.Expired ? await pages.ExpiredAsync(request, language) : await pages.NotFoundAsync(request, language));
        }

        var staff = StaffAccess.Principal(request);
        var page = byAction.GetValueOrDefault(claims!.Action);
        if (deciding && page?.DecidingRole is { } role && staff?.IsInRole(role) != true)
        {
            return (null, null, await pages.StaffOnlyAsync(request, language, signedIn: staff is not null, identity.IsLocalHost));
        }

        var proposal = page is null ? null : await proposals.GetAsync(claims.ProposalId, cancellationToken);
        return proposal is null
            ? (null, null, await pages.NotFoundAsync(request, language))
            : (new LinkRequest(request, token, language, claims, proposal, links, staff), page, null);
    }

    /// <summary>
    /// Reads the HTML form of a page without files within limits (413 too large, 400 malformed: a page, never a 500),
    /// then checks its form token (400). The pages with files read theirs themselves (<see cref="LinkUploads"/>).
    /// </summary>
    public async Task<IActionResult?> ReadFormAsync(LinkRequest link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!RequestBody.IsForm(link.Http))
        {
            return await pages.InvalidFormAsync(link);
        }

        var (form, problem) = await RequestBody.ReadFormAsync(link.Http, FormWithoutFiles, cancellationToken);
        if (form is null)
        {
            var message = problem == StatusCodes.Status413PayloadTooLarge
                ? new Bilingual("Biểu mẫu có quá nhiều mục hoặc quá lớn.", "The form has too many fields or is too large.")
                : new Bilingual("Dữ liệu biểu mẫu không đúng định dạng.", "The form data is malformed.");
            return await pages.RefusedAsync(link, problem, message.In(link.Language));
        }

        link.Form = form;
        return link.IsValidFormToken(link.Field(LinkForm.TokenField)) ? null : await pages.InvalidFormAsync(link);
    }
}
