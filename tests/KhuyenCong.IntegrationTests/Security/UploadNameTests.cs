using System.Net;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Security;

/// <summary>
/// Issue 11, finding 4: a file is stored and served under a name whose extension follows its content, macro-enabled and
/// OLE documents are refused (415, naming the file, in the user's language), and downloads are safe
/// (attachment, nosniff, the detected content type).
/// </summary>
[Collection(IntakeCollection.Name)]
public sealed class UploadNameTests(IntakeFixture fixture) : IntakeTestBase(fixture)
{
    private static HttpContent WithFile(string fileName, byte[] content, string contentType = "application/octet-stream", string? fileNameStar = null)
    {
        var body = ProposalForms.Multipart(ProposalForms.Valid());
        body.File(fileName, content, contentType, fileNameStar: fileNameStar);
        return body.Build();
    }

    private async Task<(string Name, HttpResponseMessage Download)> StoredAndServedAsync(HttpContent content)
    {
        var (id, _) = await AcceptedAsync(content);
        var attachment = (await GetProposalAsync(id)).GetProperty("attachments")[0];
        using var client = Fixture.CreateClient(withFunctionKey: true);
        var download = await client.GetAsync(new Uri(attachment.GetProperty("url").GetString()!, UriKind.Relative));
        return (attachment.GetProperty("fileName").GetString()!, download);
    }

    [Fact]
    public async Task Submit_PdfNamedHta_IsStoredAndServedAsPdf()
    {
        var (name, download) = await StoredAndServedAsync(WithFile("Ho_so.hta", SampleFiles.Pdf(), "application/hta"));
        using (download)
        {
            Assert.Equal("Ho_so.pdf", name);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("Ho_so.pdf", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
            Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task Submit_RightToLeftOverrideName_IsStoredWithTheRealExtension()
    {
        // "invoice\u202Efdp.exe" shows as "invoiceexe.pdf"; the override is removed, and the name still ends in .exe.
        var (name, download) = await StoredAndServedAsync(WithFile("invoice.pdf", SampleFiles.Pdf(), fileNameStar: "invoice\u202Efdp.exe"));
        using (download)
        {
            Assert.Equal("invoicefdp.pdf", name);
            Assert.Equal("invoicefdp.pdf", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        }
    }

    [Fact]
    public async Task Submit_WordDocumentNamedXlsx_IsStoredAsDocx()
    {
        var (name, download) = await StoredAndServedAsync(WithFile("du-toan.xlsx", SampleFiles.Docx()));
        using (download)
        {
            Assert.Equal("du-toan.docx", name);
            Assert.Equal(SampleFiles.DocxType, download.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public Task Submit_DocmWithVbaProject_Returns415NamingTheFile() =>
        RejectedInBothLanguagesAsync(() => WithFile("thuyet-minh.docm", SampleFiles.Docm()),
            HttpStatusCode.UnsupportedMediaType, "attachments",
            "Tệp 'thuyet-minh.docm' có chứa macro nên không được chấp nhận. Vui lòng lưu lại thành tài liệu Word (.docx) hoặc Excel (.xlsx) không có macro, hoặc PDF.",
            "The file 'thuyet-minh.docm' contains macros, which are not accepted. Save it as a Word (.docx) or Excel (.xlsx) document without macros, or as PDF.");

    [Fact]
    public Task Submit_MacroDocumentNamedDocx_Returns415() =>
        RejectedAsync(() => WithFile("thuyet-minh.docx", SampleFiles.Docm(), SampleFiles.DocxType),
            HttpStatusCode.UnsupportedMediaType, "attachments", null);

    [Fact]
    public Task Submit_OldFormatWordDocument_Returns415NamingTheFile() =>
        RejectedInBothLanguagesAsync(() => WithFile("don-de-nghi.doc", SampleFiles.OleDocument()),
            HttpStatusCode.UnsupportedMediaType, "attachments",
            "Tệp 'don-de-nghi.doc' là tệp Office định dạng cũ hoặc có đối tượng nhúng (OLE, ActiveX) nên không được chấp nhận. Vui lòng lưu lại thành .docx, .xlsx hoặc PDF.",
            "The file 'don-de-nghi.doc' is an old-format Office file or contains embedded objects (OLE, ActiveX), which are not accepted. Save it as .docx, .xlsx or PDF.");
}
