using System.Net;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Links;

/// <summary>The applicant's revision link: what was asked, the fields and files to correct, and every misuse.</summary>
[Collection(LinksCollection.Name)]
public sealed class RevisionLinkTests(LocalHostFixture fixture)
{
    private readonly LinkTestKit kit = new(fixture);

    private async Task<(Proposal Proposal, string Path)> NeedsRevisionAsync(HttpClient client, int round = 1, string comment = "Bổ sung báo giá máy <b>CNC</b>.")
    {
        var id = await kit.SubmitAsync(client, null, ("thuyet-minh.pdf", SampleFiles.Pdf()));
        // The workflow stores its own first screening round, then shows "screening": write ours after it.
        await Eventually.GetAsync(async () => (await kit.Proposals.GetAsync(id, CancellationToken.None))?.Status, s => s == ProposalStatus.Screening, what: "screening");
        var now = DateTimeOffset.UtcNow;
        for (var r = 1; r <= round; r++)
        {
            await kit.Cases.SaveScreeningAsync(id, new ScreeningRecord(r, [new ScreeningFinding("quote-missing", "Thiếu báo giá thiết bị", "The equipment quote is missing", true),
                new ScreeningFinding("earlier-support", "Đã được hỗ trợ trước đây", "Supported before", false)], now), CancellationToken.None);
            await kit.Cases.DecideScreeningAsync(id, r, ScreeningOutcome.RequestDocuments, "officer", comment, now, CancellationToken.None);
        }

        await kit.SetStatusAsync(id, ProposalStatus.NeedsRevision);
        return ((await kit.Proposals.GetAsync(id, CancellationToken.None))!, kit.Link(LinkActions.Revise, id, "applicant", round));
    }

    private static MultipartBody Corrected(Proposal proposal, string token, Action<Dictionary<string, object?>>? change = null)
    {
        var fields = proposal.Submission.ToForm().ToFields().ToDictionary(f => f.Key, f => (object?)f.Value, StringComparer.Ordinal);
        change?.Invoke(fields);
        var body = ProposalForms.Multipart(fields);
        body.Field("formToken", token);
        return body;
    }

    [Fact]
    public async Task Get_ShowsTheRequestTheFieldsAndTheFiles_AndChangesNothing()
    {
        using var client = kit.Client();
        var (proposal, path) = await NeedsRevisionAsync(client);
        var before = await kit.CaseJsonAsync(proposal.Id);

        var (status, html) = await kit.GetAsync(client, path);
        var (again, _) = await kit.GetAsync(client, path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Contains("Bổ sung báo giá máy &lt;b&gt;CNC&lt;/b&gt;.", html, StringComparison.Ordinal);
        Assert.Contains("Thiếu báo giá thiết bị", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã được hỗ trợ trước đây", html, StringComparison.Ordinal);
        Assert.Contains("name=\"title\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Ứng dụng máy phay CNC trong sản xuất linh kiện\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"machinery\" selected>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"taxCode\"", html, StringComparison.Ordinal);
        Assert.Contains(proposal.Submission.TaxCode, html, StringComparison.Ordinal);
        Assert.Contains("thuyet-minh.pdf", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"remove\" value=\"{proposal.Attachments.Single().Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("enctype=\"multipart/form-data\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await kit.CaseJsonAsync(proposal.Id));
        Assert.Equal(proposal, await kit.Proposals.GetAsync(proposal.Id, CancellationToken.None), ProposalComparer.Instance);
    }

    [Fact]
    public async Task ValidCorrections_UpdateTheRecordAndFiles_MarkTheRoundRevised_AndASecondPostIs409()
    {
        using var client = kit.Client();
        var (proposal, path) = await NeedsRevisionAsync(client);
        var token = await LinkTestKit.FormTokenAsync(client, path);
        var png = SampleFiles.Png();
        var removed = proposal.Attachments.Single().Id;
        var body = Corrected(proposal, token, f =>
        {
            f["title"] = "Máy phay CNC 5 trục";
            f["taxCode"] = "0999999999";
            f["kind"] = "machinery";
            f["expectedTrainees"] = string.Empty;
        }).Field("remove", removed).File("bao-gia.png", png);

        var (status, html) = await LinkTestKit.PostAsync(client, path, body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"decision\"", html, StringComparison.Ordinal);
        var after = (await kit.Proposals.GetAsync(proposal.Id, CancellationToken.None))!;
        Assert.Equal("Máy phay CNC 5 trục", after.Submission.Title);
        Assert.Equal(proposal.Submission.TaxCode, after.Submission.TaxCode);
        Assert.Null(after.Submission.ExpectedTrainees);
        Assert.Equal(proposal.Status, after.Status);
        var file = Assert.Single(after.Attachments);
        Assert.Equal("bao-gia.png", file.FileName);
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal(SampleFiles.Sha256(png), file.Sha256);
        var blobs = await kit.Attachments.ListAsync(proposal.Id, CancellationToken.None);
        Assert.Single(blobs, b => b.Contains(file.Id, StringComparison.Ordinal));
        Assert.DoesNotContain(blobs, b => b.Contains(removed, StringComparison.Ordinal));
        Assert.NotNull((await kit.Cases.GetAsync(proposal.Id, CancellationToken.None)).CurrentScreening!.RevisedAt);
        var listed = await kit.Proposals.ListAsync(new ProposalListQuery(proposal.Year, null, null, null), CancellationToken.None);
        Assert.Equal("Máy phay CNC 5 trục", listed.Single(p => p.Id == proposal.Id).Title);

        var (again, _) = await LinkTestKit.PostAsync(client, path, Corrected(after, token, f => f["title"] = "Lần hai"));
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal("Máy phay CNC 5 trục", (await kit.Proposals.GetAsync(proposal.Id, CancellationToken.None))!.Submission.Title);
        Assert.Equal(HttpStatusCode.Conflict, (await kit.GetAsync(client, path)).Status);
        await kit.ExpectRaisedAsync(proposal.Id, WorkflowEvents.RevisionSubmitted);
    }

    [Fact]
    public async Task InvalidCorrections_Answer422WithTheIntakeMessages_AndChangeNothing()
    {
        using var client = kit.Client();
        var (proposal, path) = await NeedsRevisionAsync(client);
        var token = await LinkTestKit.FormTokenAsync(client, path);
        var before = await kit.CaseJsonAsync(proposal.Id);
        var body = Corrected(proposal, token, f =>
        {
            f["title"] = string.Empty;
            f["requestedSupport"] = "700000000";
            f["summary"] = "Tóm tắt mới <script>alert(1)</script>";
        }).File("bao-gia.pdf", SampleFiles.Pdf());

        var (status, html) = await LinkTestKit.PostAsync(client, path, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("Vui lòng nhập tên đề án.", text, StringComparison.Ordinal);
        Assert.Contains("Kinh phí đề nghị hỗ trợ không được lớn hơn tổng kinh phí.", text, StringComparison.Ordinal);
        Assert.Contains("Tóm tắt mới &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        var after = (await kit.Proposals.GetAsync(proposal.Id, CancellationToken.None))!;
        Assert.Equal(proposal, after, ProposalComparer.Instance);
        Assert.Single(await kit.Attachments.ListAsync(proposal.Id, CancellationToken.None));
        Assert.Equal(before, await kit.CaseJsonAsync(proposal.Id));

        // Over the cap (national machinery: 50 %, at most 300 million).
        var (overCap, overCapHtml) = await LinkTestKit.PostAsync(client, path + "?lang=en",
            Corrected(proposal, token, f => { f["totalCost"] = "800000000"; f["requestedSupport"] = "450000000"; f["ownContribution"] = "350000000"; }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, overCap);
        Assert.Contains("exceeds the maximum", WebUtility.HtmlDecode(overCapHtml), StringComparison.Ordinal);

        // A file that is not what it claims to be: refused, nothing kept.
        var (wrongFile, _) = await LinkTestKit.PostAsync(client, path, Corrected(proposal, token).File("bao-gia.pdf", SampleFiles.Exe()));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongFile);
        Assert.Single(await kit.Attachments.ListAsync(proposal.Id, CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, (await kit.GetAsync(client, path)).Status);
        Assert.Empty(await kit.RaisedEventsAsync(proposal.Id, WorkflowEvents.RevisionSubmitted));
    }

    [Fact]
    public async Task MacroDocument_IsRefusedWith415NamingIt_AndAPdfNamedOtherwiseIsKeptAsPdf()
    {
        // Issue 11, finding 4, on the revision link page (the same reader as the public form and the report page).
        using var client = kit.Client();
        var (proposal, path) = await NeedsRevisionAsync(client);
        var token = await LinkTestKit.FormTokenAsync(client, path);

        var (status, html) = await LinkTestKit.PostAsync(client, path + "?lang=en", Corrected(proposal, token).File("bao-gia.docm", SampleFiles.Docm()));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Contains("The file 'bao-gia.docm' contains macros", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Single(await kit.Attachments.ListAsync(proposal.Id, CancellationToken.None));

        var (accepted, _) = await LinkTestKit.PostAsync(client, path, Corrected(proposal, token).File("bao-gia.hta", SampleFiles.Pdf()));
        Assert.Equal(HttpStatusCode.OK, accepted);
        var names = (await kit.Proposals.GetAsync(proposal.Id, CancellationToken.None))!.Attachments.Select(a => a.FileName).ToList();
        Assert.Contains("bao-gia.pdf", names);
        Assert.DoesNotContain(names, n => n.EndsWith(".hta", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEarlierRoundsLink_OrAProposalNotAwaitingRevision_Is409_AndTamperedExpiredAreRefused()
    {
        using var client = kit.Client();
        var (proposal, _) = await NeedsRevisionAsync(client, round: 2);
        var old = kit.Link(LinkActions.Revise, proposal.Id, "applicant", round: 1);
        Assert.Equal(HttpStatusCode.Conflict, (await kit.GetAsync(client, old)).Status);
        var current = kit.Link(LinkActions.Revise, proposal.Id, "applicant", round: 2);
        Assert.Equal(HttpStatusCode.OK, (await kit.GetAsync(client, current)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync(client, LinkTestKit.Tampered(current))).Status);
        Assert.Equal(HttpStatusCode.Gone, (await kit.GetAsync(client, kit.ExpiredLink(LinkActions.Revise, proposal.Id, "applicant", 2))).Status);

        var submitted = await kit.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Conflict, (await kit.GetAsync(client, kit.Link(LinkActions.Revise, submitted, "applicant"))).Status);
    }

    [Fact]
    public async Task PostWithoutTheFormToken_Is400_AndKeepsNoFile()
    {
        using var client = kit.Client();
        var (proposal, path) = await NeedsRevisionAsync(client);

        var (status, _) = await LinkTestKit.PostAsync(client, path, Corrected(proposal, "0000").File("x.pdf", SampleFiles.Pdf()));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Single(await kit.Attachments.ListAsync(proposal.Id, CancellationToken.None));
        Assert.Null((await kit.Cases.GetAsync(proposal.Id, CancellationToken.None)).CurrentScreening!.RevisedAt);
    }

    /// <summary>Compares what a revision may change: the submission and the files (records hold lists).</summary>
    private sealed class ProposalComparer : IEqualityComparer<Proposal?>
    {
        public static readonly ProposalComparer Instance = new();

        public bool Equals(Proposal? x, Proposal? y) =>
            x is not null && y is not null && x.Submission == y.Submission && x.Status == y.Status
            && x.Attachments.Select(a => a.Id).SequenceEqual(y.Attachments.Select(a => a.Id));

        public int GetHashCode(Proposal? obj) => obj?.Id.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
