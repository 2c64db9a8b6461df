using KhuyenCong.Application.Documents.Kinds;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Tracking;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Documents;

/// <summary>The receipt PDF and its file name.</summary>
public sealed record ReceiptFile(byte[] Content, string FileName);

/// <summary>
/// The applicant's receipt as a PDF, by tracking code: the receipt document's values (<see cref="ReceiptDocument"/>)
/// laid out as a PDF. Made on request, never stored: it depends only on the proposal's submission.
/// </summary>
public sealed class ReceiptPdfs(IProposalRepository proposals, ReceiptDocument receipt, IReceiptPdf pdf, IOptions<DocumentsOptions> options)
{
    /// <summary>The receipt, or null when no proposal has this (well-formed) tracking code.</summary>
    public async Task<ReceiptFile?> FindAsync(string? trackingCode, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code))
        {
            return null;
        }

        var proposal = await proposals.FindByTrackingCodeAsync(code.Value, cancellationToken);
        if (proposal is null)
        {
            return null;
        }

        var content = receipt.Content(proposal);
        var values = CommonPlaceholders.Values(receipt.Info, options.Value, content.Number!, content.Date).Merge(content.Values);
        return new ReceiptFile(pdf.Render(values), ProposalDocuments.FileName(receipt.Info.FileStem, content.Number!, content.Date, ".pdf"));
    }
}
