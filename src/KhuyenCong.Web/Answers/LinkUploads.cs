using KhuyenCong.Application.Attachments;
using KhuyenCong.Application.Options;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Links;
using KhuyenCong.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// Reads the form of a link page that takes files (revise, report): streamed to the proposal's storage with the same
/// checks and limits as a submission (<see cref="ProposalRequestReader.ReadLinkFormAsync"/>: a body refused as a whole
/// is a 413/415/400 page). A form without the page's form token (or with a page field the page never sends) is a 400
/// page, and the files it brought are removed again; otherwise the use case owns them.
/// </summary>
public sealed class LinkUploads(ProposalRequestReader reader, IAttachmentStore attachments, IOptions<IntakeOptions> intake, LinkPages pages)
{
    public async Task<(LinkFormContent? Content, IActionResult? Refusal)> ReadAsync(LinkRequest link, Func<LinkFormContent, bool>? pageFieldsValid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var limits = intake.Value;
        LinkFormContent content;
        try
        {
            content = await reader.ReadLinkFormAsync(link.Http, link.Proposal.Id, link.Language, limits.MaxFiles, limits.MaxProposalBytes, cancellationToken);
        }
        catch (RequestRejectedException ex)
        {
            return (null, await pages.RefusedAsync(link, ex.Status, ex.Message));
        }

        if (link.IsValidFormToken(content[LinkForm.TokenField]) && (pageFieldsValid?.Invoke(content) ?? true))
        {
            return (content, null);
        }

        await attachments.DiscardAsync(link.Proposal.Id, content.Files);
        return (null, await pages.InvalidFormAsync(link));
    }
}
