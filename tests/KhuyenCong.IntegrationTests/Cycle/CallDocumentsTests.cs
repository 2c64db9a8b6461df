using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.IntegrationTests.Links;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;
using static KhuyenCong.IntegrationTests.Cycle.CycleTestSupport;
using static KhuyenCong.IntegrationTests.Programmes.ProgrammeTestSupport;

namespace KhuyenCong.IntegrationTests.Cycle;

/// <summary>
/// Documents required per kind and per call (issue 14 line 5): a proposal submitted to a call is checked against the
/// call's list for its kind (not the kind's own list), in the officer's screening findings and in the applicant's
/// acknowledgement email, each listing what is there and what is missing.
/// </summary>
[Collection(CycleCollection.Name)]
public class CallDocumentsTests(LocalHostFixture fixture)
{
    private const string Quote = "Báo giá thiết bị nhập khẩu";
    private const string Drawing = "Bản vẽ mặt bằng nhà xưởng";

    [Fact]
    public async Task Submit_ToACallRequiringADocumentItLacks_ScreeningNamesItAndTheAcknowledgementListsPresentAndMissing()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        using var applicant = fixture.CreateClient();
        var body = Call("Đợt KCQG — hồ sơ theo đợt");
        body["kinds"] = new[] { "machinery", "training" };
        body["requiredDocuments"] = new Dictionary<string, string[]> { ["machinery"] = [Quote, "dang-ky-kinh-doanh", Drawing] };
        var call = await CreateCallAsync(officer, body);
        var form = ProposalForms.Valid();
        form["callId"] = call.GetProperty("id").GetString();

        // One file marked as the catalogue's registration certificate, one by the call's own text; the quote is missing.
        using var response = await applicant.PostAsync(ProposalForms.SubmitUri, ProposalForms.Multipart(form)
            .File("dkkd.pdf", SampleFiles.Pdf()).File("mat-bang.pdf", SampleFiles.Pdf())
            .Field("attachmentDocuments", "dang-ky-kinh-doanh").Field("attachmentDocuments", Drawing).Build());
        var created = await JsonAsync(response, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;

        var finding = await Eventually.GetAsync(
            async () => (await officer.GetFromJsonAsync<JsonElement>(Path($"/api/proposals/{id}"))).GetProperty("case").GetProperty("screenings")
                .EnumerateArray().SelectMany(s => s.GetProperty("findings").EnumerateArray()).Cast<JsonElement?>().FirstOrDefault(),
            f => f is not null,
            what: "the screening findings");
        Assert.Equal("documents-missing", finding!.Value.GetProperty("code").GetString());
        var vi = finding.Value.GetProperty("vi").GetString()!;
        Assert.StartsWith("Hồ sơ còn thiếu: " + Quote + ". Đã có: Giấy chứng nhận đăng ký doanh nghiệp, hợp tác xã hoặc hộ kinh doanh; " + Drawing + ".", vi, StringComparison.Ordinal);
        // The kind's own list (the cost estimate, the đề án itself) is not asked for: the call's list replaces it.
        Assert.DoesNotContain("Dự toán", vi, StringComparison.Ordinal);

        var email = form["email"]!.ToString()!;
        var text = await Eventually.GetAsync(
            async () => (await applicant.GetFromJsonAsync<List<JsonElement>>(Path("/dev/outbox/messages")))!
                .FirstOrDefault(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString() == email)).GetPropertyOrNull("text"),
            t => t is not null,
            what: "the acknowledgement email");
        Assert.Contains("Hồ sơ đã nhận: Giấy chứng nhận đăng ký doanh nghiệp, hợp tác xã hoặc hộ kinh doanh; " + Drawing + ". Còn thiếu: " + Quote + ".", text, StringComparison.Ordinal);
        Assert.Contains("Missing: " + Quote + ".", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_ToACallWithoutAListForTheKind_IsCheckedAgainstTheKindsOwnDocuments()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        using var applicant = fixture.CreateClient();
        var call = await CreateCallAsync(officer, Call("Đợt KCQG — hồ sơ theo loại"));
        var form = ProposalForms.Valid();
        form["callId"] = call.GetProperty("id").GetString();
        form["kind"] = "training";
        form["title"] = "Đào tạo nghề cơ khí";

        using var response = await applicant.PostAsync(ProposalForms.SubmitUri, ProposalForms.Multipart(form)
            .File("de-an.pdf", SampleFiles.Pdf()).Field("attachmentDocuments", "thuyet-minh").Build());
        var id = (await JsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;

        var documents = (await officer.GetFromJsonAsync<JsonElement>(Path($"/api/proposals/{id}"))).GetProperty("documents");
        Assert.Equal(["thuyet-minh"], documents.GetProperty("present").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("du-toan", documents.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Submit_FilesInTheirDocumentsParts_AreMarkedAndOtherFilesByAttachmentDocuments()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        using var applicant = fixture.CreateClient();
        var body = Call("Đợt KCQG — tệp theo giấy tờ");
        body["requiredDocuments"] = new Dictionary<string, string[]> { ["machinery"] = [Quote, "du-toan"] };
        var call = await CreateCallAsync(officer, body);
        var form = ProposalForms.Valid();
        form["callId"] = call.GetProperty("id").GetString();

        // The form's own inputs: one part per document (attachments.{code}); a file of "other files" marked by attachmentDocuments.
        using var response = await applicant.PostAsync(ProposalForms.SubmitUri, ProposalForms.Multipart(form)
            .File("bao-gia.pdf", SampleFiles.Pdf(), name: "attachments.call-bao-gia-thiet-bi-nhap-khau")
            .File("du-toan.pdf", SampleFiles.Pdf(), name: "attachments.du-toan")
            .File("de-an.pdf", SampleFiles.Pdf())
            .Field("attachmentDocuments", "thuyet-minh").Build());
        var id = (await JsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;

        var proposal = await officer.GetFromJsonAsync<JsonElement>(Path($"/api/proposals/{id}"));
        Assert.Equal(["call-bao-gia-thiet-bi-nhap-khau", "du-toan", "thuyet-minh"],
            proposal.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("document").GetString()).Order(StringComparer.Ordinal));
        Assert.Empty(proposal.GetProperty("documents").GetProperty("missing").EnumerateArray());
    }
}
