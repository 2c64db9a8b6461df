using System.Net;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Proposals;

/// <summary>Files: recognised by their first bytes, held to the limits, with safe names; a rejected file leaves no blob.</summary>
[Collection(IntakeCollection.Name)]
public class SubmitProposalAttachmentTests(IntakeFixture fixture) : IntakeTestBase(fixture)
{
    private static Func<HttpContent> WithFiles(Action<MultipartBody> files) => () =>
    {
        var body = ProposalForms.Multipart(ProposalForms.Valid());
        files(body);
        return body.Build();
    };

    [Fact]
    public Task Submit_ExecutableRenamedPdf_Returns415Attachments() =>
        RejectedInBothLanguagesAsync(WithFiles(b => b.File("bao-gia.pdf", SampleFiles.Exe(), SampleFiles.PdfType)),
            HttpStatusCode.UnsupportedMediaType, "attachments",
            "Tệp 'bao-gia.pdf' không phải là tệp PDF, Word (.docx), Excel (.xlsx), JPEG hoặc PNG.",
            "The file 'bao-gia.pdf' is not a PDF, Word (.docx), Excel (.xlsx), JPEG or PNG file.");

    [Fact]
    public Task Submit_ExecutableAfterAValidPdf_Returns415AndRemovesTheStoredPdf() =>
        RejectedAsync(WithFiles(b => b.File("thuyet-minh.pdf", SampleFiles.Pdf()).File("setup.pdf", SampleFiles.Exe())),
            HttpStatusCode.UnsupportedMediaType, "attachments",
            "Tệp 'setup.pdf' không phải là tệp PDF, Word (.docx), Excel (.xlsx), JPEG hoặc PNG.");

    [Theory]
    [InlineData("du-toan.docx", false)]
    [InlineData("du-toan.xlsx", true)]
    public Task Submit_ZipThatIsNoOfficeDocument_Returns415Attachments(string fileName, bool withContentTypes) =>
        RejectedInBothLanguagesAsync(WithFiles(b => b.File(fileName, withContentTypes ? SampleFiles.ZipWithContentTypesOnly() : SampleFiles.PlainZip(), SampleFiles.DocxType)),
            HttpStatusCode.UnsupportedMediaType, "attachments",
            $"Tệp '{fileName}' không phải là tài liệu Word (.docx) hoặc Excel (.xlsx).",
            $"The file '{fileName}' is not a Word (.docx) or Excel (.xlsx) document.");

    [Fact]
    public Task Submit_EmptyFile_Returns400Attachments() =>
        RejectedInBothLanguagesAsync(WithFiles(b => b.File("trong.pdf", [], SampleFiles.PdfType)),
            HttpStatusCode.BadRequest, "attachments", "Tệp 'trong.pdf' không có nội dung.", "The file 'trong.pdf' is empty.");

    [Fact]
    public Task Submit_FileOverTheFileLimit_Returns413Attachments() =>
        RejectedInBothLanguagesAsync(WithFiles(b => b.File("lon.pdf", SampleFiles.Pdf((int)IntakeFixture.SmallMaxFileBytes + 1))),
            HttpStatusCode.RequestEntityTooLarge, "attachments", "Tệp 'lon.pdf' lớn hơn 64 KB.", "The file 'lon.pdf' is larger than 64 KB.",
            host: Fixture.SmallLimitsHost);

    [Fact]
    public Task Submit_FilesOverTheProposalLimit_Returns413Attachments() =>
        RejectedInBothLanguagesAsync(
            WithFiles(b => b.File("a.pdf", SampleFiles.Pdf(60 * 1024)).File("b.pdf", SampleFiles.Pdf(60 * 1024)).File("c.pdf", SampleFiles.Pdf(60 * 1024))),
            HttpStatusCode.RequestEntityTooLarge, "attachments",
            "Tổng dung lượng các tệp đính kèm vượt quá giới hạn.", "The attachments together are larger than allowed.",
            host: Fixture.SmallLimitsHost);

    [Fact]
    public async Task Submit_FileExactlyAtTheFileLimit_Returns201()
    {
        var pdf = SampleFiles.Pdf((int)IntakeFixture.SmallMaxFileBytes);
        using var client = Fixture.SmallLimitsHost.CreateClient();
        using var response = await client.PostAsync(ProposalForms.SubmitUri, ProposalForms.Multipart(ProposalForms.Valid()).File("vua.pdf", pdf).Build());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public Task Submit_ElevenFiles_Returns400Attachments() =>
        RejectedInBothLanguagesAsync(WithFiles(b =>
            {
                for (var i = 1; i <= 11; i++)
                {
                    b.File($"tep-{i}.pdf", SampleFiles.Pdf());
                }
            }),
            HttpStatusCode.BadRequest, "attachments", "Chỉ được đính kèm tối đa 10 tệp.", "At most 10 files can be attached.");

    [Theory]
    [InlineData("../../etc/passwd.pdf", null)]
    [InlineData(@"..\\x.pdf", null)]
    [InlineData("ho-so.pdf", "../ho-so.pdf")]
    [InlineData("C:/Windows/x.pdf", null)]
    public Task Submit_FileNameWithAPath_Returns400Attachments(string fileName, string? fileNameStar) =>
        RejectedInBothLanguagesAsync(WithFiles(b => b.File(fileName, SampleFiles.Pdf(), fileNameStar: fileNameStar)),
            HttpStatusCode.BadRequest, "attachments", "Tên tệp không hợp lệ.", "A file name is not valid.");

    [Fact]
    public Task Submit_FileUnderAnotherPartName_Returns400ForThatPart() =>
        RejectedInBothLanguagesAsync(WithFiles(b => b.File("ho-so.pdf", SampleFiles.Pdf(), name: "hoSo")),
            HttpStatusCode.BadRequest, "hoSo", "Tệp phải được gửi trong mục 'attachments'.", "Files must be sent as 'attachments'.");

    [Fact]
    public Task Submit_ValidFilesButAnInvalidField_Returns400AndRemovesTheFiles() =>
        RejectedAsync(() => ProposalForms.Multipart(ProposalForms.Valid().With("taxCode", "0101234567-01"))
                .File("thuyet-minh.pdf", SampleFiles.Pdf()).File("du-toan.xlsx", SampleFiles.Xlsx()).File("anh.png", SampleFiles.Png()).Build(),
            HttpStatusCode.BadRequest, "taxCode", "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số (ví dụ 0101234567-001); hộ kinh doanh dùng số định danh cá nhân 12 chữ số của người đại diện.");

    [Theory]
    [InlineData("long-name")]
    [InlineData("long-extension")]
    [InlineData("emoji-at-the-cut")]
    public async Task Submit_FileNameLongerThan150Characters_Returns201WithTheNameShortenedToValidText(string shape)
    {
        var (name, expected) = shape switch
        {
            "long-name" => (new string('b', 200) + ".pdf", new string('b', 146) + ".pdf"),
            // The long text after the dot is part of the name; the extension is the content's (issue 11, finding 4).
            "long-extension" => ("ho-so." + new string('a', 200), "ho-so." + new string('a', 140) + ".pdf"),
            _ => (new string('a', 145) + "😀😀😀.pdf", new string('a', 145) + ".pdf"),
        };
        using var client = Fixture.CreateClient();

        using var response = await client.PostAsync(ProposalForms.SubmitUri,
            ProposalForms.Multipart(ProposalForms.Valid()).File("x.pdf", SampleFiles.Pdf(), fileNameStar: name).Build());

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var stored = Assert.Single((await GetProposalAsync(json.RootElement.GetProperty("id").GetString()!)).GetProperty("attachments").EnumerateArray())
            .GetProperty("fileName").GetString()!;
        Assert.Equal(expected, stored);
        Assert.True(stored.Length <= 150);
    }
}
