using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Proposals;

/// <summary>Accepted submissions: what is answered, what is recorded, who entered it, files, flags and the workflow.</summary>
[Collection(IntakeCollection.Name)]
public partial class SubmitProposalTests(IntakeFixture fixture) : IntakeTestBase(fixture)
{
    [GeneratedRegex("^KC(-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}){4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{2}$")]
    private static partial Regex TrackingCodeFormat();

    private static string FileNameOf(HttpResponseMessage response)
    {
        var disposition = response.Content.Headers.ContentDisposition!;
        return disposition.FileNameStar ?? disposition.FileName!.Trim('"');
    }

    [Fact]
    public async Task Submit_MultipartWithPdfDocxXlsxJpegAndPng_Returns201AndRecordsEachFileByItsContent()
    {
        var files = new (string FileName, string? FileNameStar, string StoredName, byte[] Content, string DeclaredType, string DetectedType)[]
        {
            ("bao-gia.pdf", "Ba\u0301o gia\u0301 <v1>.pdf", "Báo giá v1.pdf", SampleFiles.Pdf(), "application/octet-stream", SampleFiles.PdfType),
            ("thuyet-minh.docx", null, "thuyet-minh.docx", SampleFiles.Docx(), "application/octet-stream", SampleFiles.DocxType),
            ("du-toan.xlsx", null, "du-toan.xlsx", SampleFiles.Xlsx(), "application/zip", SampleFiles.XlsxType),
            ("nha-xuong.jpg", null, "nha-xuong.jpg", SampleFiles.Jpeg(), SampleFiles.PngType, SampleFiles.JpegType),
            (".so-do.png", null, "so-do.png", SampleFiles.Png(), SampleFiles.PngType, SampleFiles.PngType),
        };
        var body = ProposalForms.Multipart(ProposalForms.Valid());
        foreach (var file in files)
        {
            body.File(file.FileName, file.Content, file.DeclaredType, fileNameStar: file.FileNameStar);
        }

        var before = await StorageCounts.TakeAsync(Fixture.StorageConnectionString);
        using var client = Fixture.CreateClient();
        using var response = await client.PostAsync(ProposalForms.SubmitUri, body.Build());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = created.RootElement.GetProperty("id").GetString()!;
        var trackingCode = created.RootElement.GetProperty("trackingCode").GetString()!;
        Assert.Equal("submitted", created.RootElement.GetProperty("status").GetString());
        Assert.Matches(TrackingCodeFormat(), trackingCode);
        Assert.Equal($"/api/proposals/{id}", response.Headers.Location?.OriginalString);

        var after = await StorageCounts.TakeAsync(Fixture.StorageConnectionString);
        Assert.Equal(before.Attachments + files.Length, after.Attachments);
        Assert.True(after.Proposals > before.Proposals && after.ProposalIndex > before.ProposalIndex, "The proposal is recorded and indexed.");

        var proposal = await GetProposalAsync(id);
        var recorded = proposal.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(files.Length, recorded.Count);
        Assert.Equal(
            recorded.Select(a => $"{id}/{a.GetProperty("id").GetString()}").Order(StringComparer.Ordinal),
            (await StorageCounts.BlobsOfAsync(Fixture.StorageConnectionString, id)).Order(StringComparer.Ordinal));

        using var staff = Fixture.CreateClient(withFunctionKey: true);
        foreach (var file in files)
        {
            var attachment = recorded.Single(a => a.GetProperty("fileName").GetString() == file.StoredName);
            Assert.Equal(file.DetectedType, attachment.GetProperty("contentType").GetString());
            Assert.Equal(file.Content.Length, attachment.GetProperty("size").GetInt64());
            Assert.Equal(SampleFiles.Sha256(file.Content), attachment.GetProperty("sha256").GetString());

            var url = new Uri(attachment.GetProperty("url").GetString()!, UriKind.Relative);
            using var download = await staff.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(file.DetectedType, download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(file.StoredName, FileNameOf(download));
            Assert.Equal(file.Content, await download.Content.ReadAsByteArrayAsync());
            Assert.Contains("nosniff", download.Headers.GetValues("X-Content-Type-Options"));

            using var anonymous = await client.GetAsync(url);
            await ProblemAssert.StatusAsync(anonymous, HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task GetProposal_WithoutFunctionKey_Returns401()
    {
        var (id, _) = await AcceptedAsync(ProposalForms.Json(ProposalForms.Valid()));
        using var client = Fixture.CreateClient();

        using var response = await client.GetAsync(new Uri($"/api/proposals/{id}", UriKind.Relative));

        var problem = await ProblemAssert.StatusAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Chỉ cán bộ có quyền phù hợp mới được thực hiện thao tác này.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetProposal_UnknownId_Returns404()
    {
        using var client = Fixture.CreateClient(withFunctionKey: true);

        using var response = await client.GetAsync(new Uri($"/api/proposals/{Guid.NewGuid():N}", UriKind.Relative));

        await ProblemAssert.StatusAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DownloadAttachment_OfAnotherProposal_Returns404()
    {
        var (withFile, _) = await AcceptedAsync(ProposalForms.Multipart(ProposalForms.Valid()).File("ho-so.pdf", SampleFiles.Pdf()).Build());
        var (other, _) = await AcceptedAsync(ProposalForms.Json(ProposalForms.Valid()));
        var attachmentId = (await GetProposalAsync(withFile)).GetProperty("attachments")[0].GetProperty("id").GetString();
        using var client = Fixture.CreateClient(withFunctionKey: true);

        using var response = await client.GetAsync(new Uri($"/api/proposals/{other}/attachments/{attachmentId}", UriKind.Relative));

        await ProblemAssert.StatusAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Submit_JsonWithAmountsAsJsonNumbers_Returns201AndStoresTheAmounts()
    {
        var form = ProposalForms.Valid()
            .With("totalCost", 600_000_000L).With("requestedSupport", 250_000_000L).With("ownContribution", 350_000_000L)
            .With("expectedJobs", 12).With("expectedTrainees", 0);

        var (id, _) = await AcceptedAsync(ProposalForms.Json(form));

        var submission = (await GetProposalAsync(id)).GetProperty("submission");
        Assert.Equal(600_000_000L, submission.GetProperty("totalCost").GetInt64());
        Assert.Equal(250_000_000L, submission.GetProperty("requestedSupport").GetInt64());
        Assert.Equal(350_000_000L, submission.GetProperty("ownContribution").GetInt64());
        Assert.Equal(12, submission.GetProperty("expectedJobs").GetInt32());
        Assert.Equal(0, submission.GetProperty("expectedTrainees").GetInt32());
    }

    [Fact]
    public async Task Submit_JsonWithVietnameseThousandsSeparators_StoresTheAmountsInDong()
    {
        var form = ProposalForms.Valid()
            .With("totalCost", "600.000.000").With("requestedSupport", "250.000.000 đ").With("ownContribution", "350 000 000");

        var (id, _) = await AcceptedAsync(ProposalForms.Json(form));

        var submission = (await GetProposalAsync(id)).GetProperty("submission");
        Assert.Equal(600_000_000L, submission.GetProperty("totalCost").GetInt64());
        Assert.Equal(250_000_000L, submission.GetProperty("requestedSupport").GetInt64());
        Assert.Equal(350_000_000L, submission.GetProperty("ownContribution").GetInt64());
    }

    [Fact]
    public async Task Submit_DecomposedVietnameseText_IsStoredNfc()
    {
        var decomposed = "Phường Phố Hiến".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Phường Phố Hiến", decomposed);
        var form = ProposalForms.Valid()
            .With("commune", decomposed)
            .With("address", "Thôn Đông Kết, Hưng Yên".Normalize(NormalizationForm.FormD))
            .With("province", "Hưng Yên".Normalize(NormalizationForm.FormD));

        var (id, _) = await AcceptedAsync(ProposalForms.Multipart(form).Build());

        var submission = (await GetProposalAsync(id)).GetProperty("submission");
        Assert.Equal("Phường Phố Hiến", submission.GetProperty("commune").GetString());
        Assert.Equal("11953", submission.GetProperty("communeCode").GetString());
        Assert.Equal("Thôn Đông Kết, Hưng Yên", submission.GetProperty("address").GetString());
        Assert.Equal("hung-yen", submission.GetProperty("province").GetString());
    }

    [Fact]
    public async Task Submit_TypedValues_AreStoredNormalised()
    {
        var form = ProposalForms.Valid()
            .With("taxCode", "0101234567-001")
            .With("phone", "+84 912.345.678")
            .With("email", "An.Nguyen@Example.VN")
            .With("title", "  Máy   phay\tCNC  ")
            .With("summary", "Dòng một.  \r\n\r\n\r\n  Dòng   hai.")
            .With("province", "Thái Bình")
            .With("kind", " Machinery ");

        var (id, _) = await AcceptedAsync(ProposalForms.Json(form));

        var submission = (await GetProposalAsync(id)).GetProperty("submission");
        Assert.Equal("0101234567-001", submission.GetProperty("taxCode").GetString());
        Assert.Equal("0912345678", submission.GetProperty("phone").GetString());
        Assert.Equal("An.Nguyen@example.vn", submission.GetProperty("email").GetString());
        Assert.Equal("Máy phay CNC", submission.GetProperty("title").GetString());
        Assert.Equal("Dòng một.\n\nDòng hai.", submission.GetProperty("summary").GetString());
        Assert.Equal("hung-yen", submission.GetProperty("province").GetString());
        Assert.Equal("machinery", submission.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Submit_EveryTextAtItsMaximumLength_Returns201()
    {
        // Hà Nội's commune list is not loaded here, so any commune text is kept as typed (only Hưng Yên's list ships).
        var form = ProposalForms.Valid().With("province", "ha-noi")
            .With("organizationName", new string('ệ', 200)).With("representative", new string('ệ', 100)).With("address", new string('ệ', 300))
            .With("commune", new string('ệ', 100)).With("sector", new string('ệ', 100)).With("title", new string('ệ', 300))
            .With("summary", new string('ệ', 4000));

        var (id, _) = await AcceptedAsync(ProposalForms.Json(form));

        Assert.Equal(4000, (await GetProposalAsync(id)).GetProperty("submission").GetProperty("summary").GetString()!.Length);
    }

    [Fact]
    public async Task Submit_FullSupportWithoutOwnContributionForAKindWithoutCap_Returns201()
    {
        var form = ProposalForms.Valid().With("kind", "training").With("requestedSupport", "600.000.000").With("ownContribution", "0")
            .With("startDate", "2026-05-01").With("endDate", "2026-05-01");

        var (id, _) = await AcceptedAsync(ProposalForms.Json(form));

        Assert.Equal(0, (await GetProposalAsync(id)).GetProperty("submission").GetProperty("ownContribution").GetInt64());
    }

    [Fact]
    public async Task Submit_ByAnOfficerWithTheFunctionKey_RecordsChannelOfficerAndTheOfficersName()
    {
        var (id, _) = await AcceptedAsync(ProposalForms.Json(ProposalForms.Valid()), withFunctionKey: true);

        var proposal = await GetProposalAsync(id);
        Assert.Equal("officer", proposal.GetProperty("channel").GetString());
        Assert.Equal(IntakeFixture.LocalHostStaffActor, proposal.GetProperty("enteredBy").GetString());
        Assert.Equal(IntakeFixture.LocalHostStaffActor, proposal.GetProperty("history")[0].GetProperty("by").GetString());
    }

    [Fact]
    public async Task Submit_Anonymously_RecordsChannelOnlineAndApplicant()
    {
        var (id, _) = await AcceptedAsync(ProposalForms.Json(ProposalForms.Valid()));

        var proposal = await GetProposalAsync(id);
        Assert.Equal("online", proposal.GetProperty("channel").GetString());
        Assert.Equal("applicant", proposal.GetProperty("enteredBy").GetString());
        var history = Assert.Single(proposal.GetProperty("history").EnumerateArray());
        Assert.Equal("submitted", history.GetProperty("to").GetString());
        Assert.Equal(JsonValueKind.Null, history.GetProperty("from").ValueKind);
    }

    [Fact]
    public async Task Submit_SecondProposalOfTheSameTaxCodeAndKind_FlagsTheFirstButNotForAnotherKind()
    {
        var taxCode = ProposalForms.NewTaxCode();
        var (firstId, firstCode) = await AcceptedAsync(ProposalForms.Json(ProposalForms.Valid().With("taxCode", taxCode).With("title", "Máy CNC đợt 1")));
        Assert.Empty((await GetProposalAsync(firstId)).GetProperty("earlierProposals").EnumerateArray());

        var (secondId, _) = await AcceptedAsync(ProposalForms.Json(ProposalForms.Valid().With("taxCode", taxCode).With("title", "Máy CNC đợt 2")));
        var (otherKindId, _) = await AcceptedAsync(ProposalForms.Json(ProposalForms.Valid().With("taxCode", taxCode).With("kind", "training")));

        var earlier = Assert.Single((await GetProposalAsync(secondId)).GetProperty("earlierProposals").EnumerateArray());
        Assert.Equal(firstId, earlier.GetProperty("proposalId").GetString());
        Assert.Equal(firstCode, earlier.GetProperty("trackingCode").GetString());
        Assert.Equal("Máy CNC đợt 1", earlier.GetProperty("title").GetString());
        Assert.Equal("submitted", earlier.GetProperty("status").GetString());
        Assert.Empty((await GetProposalAsync(otherKindId)).GetProperty("earlierProposals").EnumerateArray());
    }

    [Fact]
    public async Task Submit_Accepted_SendsTheApplicantAnAcknowledgementWithTheTrackingCodeAndLink()
    {
        var email = ProposalForms.NewEmail();
        var (_, trackingCode) = await AcceptedAsync(ProposalForms.Json(ProposalForms.Valid().With("email", email)));

        using var client = Fixture.CreateClient();
        var message = await Eventually.GetAsync(
            async () => (await client.GetFromJsonAsync<List<JsonElement>>(new Uri("/dev/outbox/messages", UriKind.Relative)))!
                .FirstOrDefault(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString() == email)),
            m => m.ValueKind == JsonValueKind.Object,
            TimeSpan.FromSeconds(60),
            "the acknowledgement email");

        Assert.Contains(trackingCode, message.GetProperty("subject").GetString(), StringComparison.Ordinal);
        var html = message.GetProperty("html").GetString()!;
        Assert.Contains($"{Fixture.Host.BaseAddress.GetLeftPart(UriPartial.Authority)}/track/{trackingCode}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<strong style=\"font-size:1.2em;letter-spacing:.05em\">{trackingCode}</strong>", html, StringComparison.Ordinal);
        Assert.Contains($"/track/{trackingCode}", message.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Kính gửi Nguyễn Văn An", html, StringComparison.Ordinal);
    }
}
