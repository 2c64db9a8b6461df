using System.Globalization;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Links;

/// <summary>
/// The reasons every decision taken through an emailed link gives when it is refused, and the rules its free texts
/// share. A refusal's reason is whole: the page behind the link shows it as it is.
/// </summary>
public static class LinkRefusals
{
    /// <summary>Longest free text on a link's page (comments, statements, reasons, reports).</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The link's person or round is not one the proposal knows (say nothing more).</summary>
    public static Bilingual NotFound { get; } = new("Không tìm thấy đường liên kết.", "Link not found.");

    /// <summary>409: a decision was already recorded through this link (or for its round): what, and when.</summary>
    public static Bilingual Recorded(Bilingual what, DateTimeOffset? at)
    {
        ArgumentNullException.ThrowIfNull(what);
        var when = at is { } instant
            ? " (" + instant.ToOffset(VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) + ")"
            : string.Empty;
        return new("Đã ghi nhận: " + what.Vietnamese + when + ".", "Recorded: " + what.English + when + ".");
    }

    /// <summary>409: the proposal is not (or no longer) at the stage the link acts on.</summary>
    public static Bilingual Closed(ProposalStatus status) => new(
        "Đề án không còn chờ thao tác này (tình trạng hiện tại: " + ProposalStatusLabels.Label(status, Language.Vietnamese) + ").",
        "This proposal no longer awaits this action (current status: " + ProposalStatusLabels.Label(status, Language.English) + ").");

    /// <summary>A free text longer than <see cref="MaxTextLength"/>.</summary>
    public static Bilingual TooLong(int max = MaxTextLength) => new(
        $"Nội dung không được dài quá {max} ký tự.", $"At most {max} characters.");

    /// <summary>Free text from a form, normalised (Unicode NFC, line ends, spaces; <see cref="VietnameseText.Normalize"/>).</summary>
    public static string Text(string? value, TextMode mode = TextMode.MultiLine) => VietnameseText.Normalize(value ?? string.Empty, mode);
}
