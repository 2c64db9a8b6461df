using KhuyenCong.Domain.Attachments;

namespace KhuyenCong.UnitTests.Domain.Attachments;

/// <summary>Issue 11, finding 4: the stored and served name of a file follows what its content is, not what it was called.</summary>
public class AttachmentNameTests
{
    [Theory]
    [InlineData("Ho_so.hta", AttachmentKind.Pdf, "Ho_so.pdf")]
    [InlineData("Ho_so.pdf", AttachmentKind.Pdf, "Ho_so.pdf")]
    [InlineData("Ho_so.PDF", AttachmentKind.Pdf, "Ho_so.pdf")]
    [InlineData("Ho_so.pdf.exe", AttachmentKind.Pdf, "Ho_so.pdf")]
    [InlineData("invoicefdp.exe", AttachmentKind.Pdf, "invoicefdp.pdf")]
    [InlineData("bao-cao.docm", AttachmentKind.Docx, "bao-cao.docx")]
    [InlineData("du-toan.xlsx", AttachmentKind.Xlsx, "du-toan.xlsx")]
    [InlineData("du-toan.docx", AttachmentKind.Xlsx, "du-toan.xlsx")]
    [InlineData("anh.jpeg", AttachmentKind.Jpeg, "anh.jpeg")]
    [InlineData("anh.JPG", AttachmentKind.Jpeg, "anh.jpg")]
    [InlineData("anh.png", AttachmentKind.Jpeg, "anh.jpg")]
    [InlineData("scan", AttachmentKind.Png, "scan.png")]
    [InlineData("Biên bản nghiệm thu.svg", AttachmentKind.Png, "Biên bản nghiệm thu.png")]
    [InlineData("hta", AttachmentKind.Pdf, "hta.pdf")]
    public void StoredFileName_ExtensionFollowsTheDetectedKind(string sent, AttachmentKind kind, string stored) =>
        Assert.Equal(stored, AttachmentRules.StoredFileName(sent, kind));

    [Fact]
    public void StoredFileName_RightToLeftOverrideTrick_EndsInTheRealExtension()
    {
        // "invoice‮fdp.exe" displays as "invoiceexe.pdf"; sanitising removes the override, the kind sets the extension.
        Assert.True(AttachmentRules.TrySanitizeFileName("invoice\u202Efdp.exe", out var sanitized));

        Assert.Equal("invoicefdp.pdf", AttachmentRules.StoredFileName(sanitized, AttachmentKind.Pdf));
    }

    [Fact]
    public void StoredFileName_LongestName_StaysWithinTheLimitWithItsExtension()
    {
        var stored = AttachmentRules.StoredFileName(new string('a', AttachmentRules.MaxFileNameLength), AttachmentKind.Docx);

        Assert.Equal(AttachmentRules.MaxFileNameLength, stored.Length);
        Assert.EndsWith(".docx", stored, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ho_so.hta", "application/pdf", "Ho_so.pdf")]
    [InlineData("anh.jpg", "image/jpeg", "anh.jpg")]
    [InlineData("x.html", "text/html", "x.bin")]
    [InlineData("../../etc/passwd", "application/pdf", "tep.pdf")]
    public void DownloadName_OfARecordedFile_IsSafeWhateverWasRecorded(string recorded, string contentType, string served) =>
        Assert.Equal(served, AttachmentRules.DownloadName(recorded, contentType));

    [Theory]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, true)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, false)]
    public void IsOleCompound_ByFirstBytes(byte[] head, bool ole) => Assert.Equal(ole, AttachmentRules.IsOleCompound(head));
}
