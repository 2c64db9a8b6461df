using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.IntegrationTests.Links;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;
using static KhuyenCong.IntegrationTests.Cycle.CycleTestSupport;
using static KhuyenCong.IntegrationTests.Documents.DocumentCalls;
using static KhuyenCong.IntegrationTests.Programmes.ProgrammeTestSupport;

namespace KhuyenCong.IntegrationTests.Cycle;

/// <summary>
/// A council's documents over HTTP on LocalHost and Azurite (issue 15 line 1): the establishing decision from the
/// council's record, the session's minutes with each member's scores, the averages, the ranking and the verdict; 409
/// naming why before the session (nothing stored); signed scans uploaded back; the council page's "Văn bản" section.
/// </summary>
[Collection(CycleCollection.Name)]
public class CouncilDocumentTests(LocalHostFixture fixture)
{
    private static readonly string[] Names = ["Nguyễn Văn An", "Lê Thị Hoa", "Trần Đức Bình", "Phạm Thị Ánh", "Hoàng Văn Cường"];

    private readonly LinkTestKit kit = new(fixture);

    private async Task<string[]> ReviewersAsync()
    {
        var roster = fixture.Host.Services.GetRequiredService<IReviewerRoster>();
        var ids = new string[Names.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = "vb" + Guid.NewGuid().ToString("N")[..10];
            await roster.CreateAsync(new Reviewer(ids[i], Names[i], $"hoi.dong+{ids[i]}@example.vn", null, "Sở Công Thương Hưng Yên",
                [ProposalKind.Machinery], ["Cơ khí"], [], [], true), "test", CancellationToken.None);
        }

        return ids;
    }

    /// <summary>A call and its council (decision 216/QĐ-SCT of yesterday, chair Names[0], secretary Names[1], quorum 3).</summary>
    private async Task<(string CallId, string CouncilId, string[] Members, string Title)> CouncilAsync(HttpClient officer)
    {
        var title = "Đợt có văn bản " + Guid.NewGuid().ToString("N")[..6];
        var call = await CreateCallAsync(officer, Call(title));
        var members = await ReviewersAsync();
        var body = new Dictionary<string, object?>
        {
            ["callIds"] = new[] { call.GetProperty("id").GetString() },
            ["decisionNumber"] = "216/QĐ-SCT",
            ["decisionDate"] = Day(Today.AddDays(-1)),
            ["chairId"] = members[0],
            ["secretaryId"] = members[1],
            ["memberIds"] = members[2..],
            ["quorum"] = 3,
        };
        using var response = await officer.PostAsync(Path("/api/councils"), Json(body));
        var council = await JsonAsync(response, HttpStatusCode.Created);
        return (call.GetProperty("id").GetString()!, council.GetProperty("id").GetString()!, members, title);
    }

    /// <summary>A proposal of the call in review, scored by the first three members (<paramref name="shortOf"/> below each criterion's maximum); its id and each member's total.</summary>
    private async Task<(string Id, int Total)> InReviewAsync(HttpClient client, string callId, string[] members, int shortOf, string title)
    {
        using var response = await SubmitAsync(client, f => { f["callId"] = callId; f["title"] = title; });
        var id = (await JsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var total = 0;
        for (var i = 0; i < 3; i++)
        {
            var rubric = await kit.InviteAsync(id, members[i], Names[i]);
            var points = rubric.Criteria.ToDictionary(c => c.Code, c => Math.Max(0, c.MaxPoints - shortOf));
            total = points.Values.Sum();
            var review = (await kit.Cases.GetReviewAsync(id, 1, members[i], CancellationToken.None))!;
            await kit.Cases.DecideReviewAsync(review with
            {
                State = ReviewState.Submitted, Points = points, Recommendation = Recommendation.Approve, DecidedAt = DateTimeOffset.UtcNow, DecidedBy = members[i],
            }, CancellationToken.None);
        }

        await kit.SetStatusAsync(id, ProposalStatus.InReview);
        return (id, total);
    }

    [Fact]
    public async Task GenerateCouncilDecision_OfARecordedCouncil_IsAValidDocxWithItsNumberMembersAndQuorum()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        var (_, councilId, _, title) = await CouncilAsync(officer);

        var document = await GenerateOnAsync(officer, "/api/councils/" + councilId, "council-decision");

        var decided = Today.AddDays(-1);
        Assert.Equal("216/QĐ-SCT", document.GetProperty("number").GetString());
        Assert.Equal($"quyet-dinh-thanh-lap-hoi-dong-216-QD-SCT-{Day(decided)}.docx", document.GetProperty("fileName").GetString());
        Assert.Equal(IntakeFixtureActor, document.GetProperty("generatedBy").GetString());
        Assert.StartsWith($"/api/councils/{councilId}/documents/", document.GetProperty("url").GetString(), StringComparison.Ordinal);
        var docx = await DownloadAsync(officer, document);
        var text = DocxReading.Text(docx);
        Assert.Contains("Số: 216/QĐ-SCT", text, StringComparison.Ordinal);
        Assert.Contains("Hưng Yên, " + Long(decided), text, StringComparison.Ordinal);
        Assert.Contains("Về việc thành lập Hội đồng thẩm định đề án khuyến công", text, StringComparison.Ordinal);
        Assert.Contains($"Thành lập Hội đồng thẩm định đề án khuyến công của {title}, gồm 5 thành viên", text, StringComparison.Ordinal);
        Assert.Contains("Chủ tịch Hội đồng: Nguyễn Văn An. Thư ký Hội đồng: Lê Thị Hoa.", text, StringComparison.Ordinal);
        Assert.Contains("Hội đồng họp khi có mặt ít nhất 3 thành viên.", text, StringComparison.Ordinal);
        var members = DocxReading.Tables(docx).Single(t => t[0][0] == "STT");
        Assert.Equal(["1", "Nguyễn Văn An", "Chủ tịch hội đồng", "Sở Công Thương Hưng Yên"], members[1]);
        Assert.Equal(["2", "Lê Thị Hoa", "Thư ký hội đồng", "Sở Công Thương Hưng Yên"], members[2]);
        Assert.Equal(["5", "Hoàng Văn Cường", "Ủy viên", "Sở Công Thương Hưng Yên"], members[5]);
    }

    [Fact]
    public async Task GenerateCouncilMinutes_BeforeTheSession_Is409NamingWhyAndStoresNothing()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        var (_, councilId, _, _) = await CouncilAsync(officer);

        using var response = await officer.PostAsync(Path($"/api/councils/{councilId}/documents/council-minutes"), null);
        using var english = await officer.PostAsync(Path($"/api/councils/{councilId}/documents/council-minutes?lang=en"), null);

        Assert.Equal("Hội đồng chưa họp: chưa có phiên họp được ghi nhận để lập biên bản.", (await ProblemAsync(response, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal("The council has not met: no session is recorded to draw up minutes of.", (await ProblemAsync(english, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Empty(await ListOnAsync(officer, "/api/councils/" + councilId));
        Assert.Empty(await BlobsUnderAsync(fixture.StorageConnectionString, "council-" + councilId));
    }

    [Fact]
    public async Task GenerateCouncilMinutes_AfterTheSession_HasEachMembersScoresTheAveragesTheRankingAndTheVerdict()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        using var applicant = fixture.CreateClient();
        var (callId, councilId, members, _) = await CouncilAsync(officer);
        var (_, high) = await InReviewAsync(applicant, callId, members, 0, "Máy sấy nông sản");
        var (_, low) = await InReviewAsync(applicant, callId, members, 100, "Lò nung gốm");
        using var session = await officer.PostAsync(Path($"/api/councils/{councilId}/session"), Json(new { heldOn = Day(Today), presentMemberIds = members[..4] }));
        await JsonAsync(session, HttpStatusCode.OK);

        var document = await GenerateOnAsync(officer, "/api/councils/" + councilId, "council-minutes");

        Assert.Matches("^\\d{2,}/BB-SCT$", document.GetProperty("number").GetString()!);
        var docx = await DownloadAsync(officer, document);
        var text = DocxReading.Text(docx);
        Assert.Contains($"1. Thời gian: {Long(Today)} ({Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}).", text, StringComparison.Ordinal);
        Assert.Contains("thành lập theo Quyết định số 216/QĐ-SCT ngày " + Today.AddDays(-1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains("có mặt 4/5 thành viên (Nguyễn Văn An, Lê Thị Hoa, Trần Đức Bình, Phạm Thị Ánh); vắng mặt: Hoàng Văn Cường.", text, StringComparison.Ordinal);
        Assert.Contains("6. Kết luận: 1 đề án đạt, 1 đề án không đạt.", text, StringComparison.Ordinal);
        var tables = DocxReading.Tables(docx);
        var scores = tables.Single(t => t[0].SequenceEqual(["STT", "Đề án", "Thành viên", "Điểm", "Tối đa"])).Skip(1).ToList();
        Assert.Equal(6, scores.Count);
        Assert.Contains(["Máy sấy nông sản", "Trần Đức Bình", high.ToString(CultureInfo.InvariantCulture)], scores.Select(r => r.Skip(1).Take(3).ToArray()));
        Assert.Contains(["Lò nung gốm", "Nguyễn Văn An", low.ToString(CultureInfo.InvariantCulture)], scores.Select(r => r.Skip(1).Take(3).ToArray()));
        var results = tables.Single(t => t[0][0] == "Thứ hạng").Skip(1).ToList();
        Assert.Equal(["1", "Máy sấy nông sản", "Công ty TNHH Cơ khí Hưng Phát", high.ToString(CultureInfo.InvariantCulture), "Đạt"], results[0]);
        Assert.Equal(["2", "Lò nung gốm", "Công ty TNHH Cơ khí Hưng Phát", low.ToString(CultureInfo.InvariantCulture), "Không đạt"], results[1]);
        Assert.Contains("CHỦ TỊCH HỘI ĐỒNG", text, StringComparison.Ordinal);
        Assert.Contains("THƯ KÝ HỘI ĐỒNG", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateDocument_OfAnotherPagesKind_Is409NamingThePageAndStoresNothing()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        using var applicant = fixture.CreateClient();
        var (callId, councilId, _, _) = await CouncilAsync(officer);
        using var submitted = await SubmitAsync(applicant, f => f["callId"] = callId);
        var proposalId = (await JsonAsync(submitted, HttpStatusCode.Created)).GetProperty("id").GetString()!;

        using var onProposal = await officer.PostAsync(Path($"/api/proposals/{proposalId}/documents/council-decision"), null);
        using var onCouncil = await officer.PostAsync(Path($"/api/councils/{councilId}/documents/contract"), null);
        using var onCall = await officer.PostAsync(Path($"/api/calls/{callId}/documents/council-minutes?lang=en"), null);

        Assert.Equal("Quyết định thành lập hội đồng thẩm định được lập từ trang của hội đồng thẩm định, không lập trên trang của đề án.",
            (await ProblemAsync(onProposal, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal("Hợp đồng thực hiện đề án khuyến công được lập từ trang của đề án, không lập trên trang của hội đồng thẩm định.",
            (await ProblemAsync(onCouncil, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal("This document (Minutes of the appraisal council) is made from the council's page, not from the call's page (selection, plan).",
            (await ProblemAsync(onCall, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Empty(await BlobsUnderAsync(fixture.StorageConnectionString, proposalId));
        Assert.Empty(await BlobsUnderAsync(fixture.StorageConnectionString, "council-" + councilId));
        Assert.Empty(await BlobsUnderAsync(fixture.StorageConnectionString, "call-" + callId));
    }

    [Fact]
    public async Task CouncilPage_AfterGeneratingAndUploadingTheSignedScanByItsForm_ListsBothInTheVanBanSection()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        var (_, councilId, _, _) = await CouncilAsync(officer);
        var page = await officer.GetStringAsync(Path("/staff/councils/" + councilId));
        var token = FormToken(page);
        Assert.Contains("id=\"van-ban\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"generate-council-decision\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"generate-council-minutes\"", page, StringComparison.Ordinal);

        using var generate = await PostFormAsync($"/api/councils/{councilId}/documents/council-decision",
            new FormUrlEncodedContent([new("csrfToken", token), new("number", "216/QĐ-SCT"), new("date", "")]));
        Assert.Equal(HttpStatusCode.SeeOther, generate.StatusCode);
        Assert.EndsWith("#van-ban", generate.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var document = Assert.Single(await ListOnAsync(officer, "/api/councils/" + councilId));
        using var scan = new MultipartFormDataContent { { new StringContent(token), "csrfToken" } };
        var file = new ByteArrayContent(SampleScan);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        scan.Add(file, "file", "quyet-dinh-da-ky.pdf");
        using var upload = await PostFormAsync($"/api/councils/{councilId}/documents/{document.GetProperty("id").GetString()}/signed", scan);

        Assert.Equal(HttpStatusCode.SeeOther, upload.StatusCode);
        var signed = Assert.Single(await ListOnAsync(officer, "/api/councils/" + councilId)).GetProperty("signed");
        Assert.Equal($"quyet-dinh-thanh-lap-hoi-dong-216-QD-SCT-{Day(Today.AddDays(-1))}-da-ky.pdf", signed.GetProperty("fileName").GetString());
        using var download = await officer.GetAsync(Path(signed.GetProperty("url").GetString()!));
        Assert.Equal(SampleScan, await download.Content.ReadAsByteArrayAsync());
        var after = await officer.GetStringAsync(Path("/staff/councils/" + councilId));
        Assert.Contains("Quyết định thành lập hội đồng thẩm định</a>", after, StringComparison.Ordinal);
        Assert.Contains($"quyet-dinh-thanh-lap-hoi-dong-216-QD-SCT-{Day(Today.AddDays(-1))}-da-ky.pdf</a>", after, StringComparison.Ordinal);
        Assert.Equal(2, (await BlobsUnderAsync(fixture.StorageConnectionString, "council-" + councilId)).Count);
    }

    private const string IntakeFixtureActor = Proposals.IntakeFixture.LocalHostStaffActor;

    private static readonly byte[] SampleScan = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    private static string Long(DateOnly date) => KhuyenCong.Domain.Text.OfficialFormat.LongDate(date);

    private static string FormToken(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "name=\"csrfToken\" value=\"([^\"]+)\"").Groups[1].Value;

    /// <summary>Posts a page's form as a browser without script would, keeping the redirect to read it.</summary>
    private async Task<HttpResponseMessage> PostFormAsync(string path, HttpContent content)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", LocalHostFactory.FunctionKey);
        return await client.PostAsync(Path(path), content);
    }
}
