using System.Net;
using System.Text.RegularExpressions;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Links;

/// <summary>The applicant's report link: many reports, acceptance papers, files, and every misuse.</summary>
[Collection(LinksCollection.Name)]
public sealed partial class ReportLinkTests(LocalHostFixture fixture)
{
    private readonly LinkTestKit kit = new(fixture);

    private async Task<(string Id, string Path)> ApprovedAsync(HttpClient client, ProposalStatus status = ProposalStatus.InProgress)
    {
        var id = await kit.SubmitAsync(client, null, ("thuyet-minh.pdf", SampleFiles.Pdf()));
        await kit.SetStatusAsync(id, status);
        await kit.Cases.SaveApprovalAsync(id, new ApprovalRecord(1, DirectorOutcome.Approve, 220_000_000, "77/QĐ-SCT", new DateOnly(2026, 11, 1), null, "director", DateTimeOffset.UtcNow), CancellationToken.None);
        await kit.Cases.SaveContractAsync(id, new ContractRecord("HĐ-<b>12</b>", new DateOnly(2026, 11, 15), null, "officer", DateTimeOffset.UtcNow), CancellationToken.None);
        return (id, kit.Link(LinkActions.Report, id, "applicant"));
    }

    private static async Task<(string FormToken, string ReportId)> OpenAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return (FormTokenPattern().Match(page).Groups[1].Value, ReportIdPattern().Match(page).Groups[1].Value);
    }

    private static MultipartBody Report(string token, string reportId, string text, bool acceptance = false)
    {
        var body = new MultipartBody().Field("formToken", token).Field("reportId", reportId).Field("text", text);
        if (acceptance)
        {
            body.Field("acceptance", "yes");
        }

        return body;
    }

    [Fact]
    public async Task Get_ShowsTheApprovedAmountAndContract_AndChangesNothing()
    {
        using var client = kit.Client();
        var (id, path) = await ApprovedAsync(client);
        var before = await kit.CaseJsonAsync(id);

        var (status, html) = await kit.GetAsync(client, path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("220.000.000 đồng", html, StringComparison.Ordinal);
        Assert.Contains("HĐ-&lt;b&gt;12&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Chưa có báo cáo nào.", html, StringComparison.Ordinal);
        Assert.Contains("name=\"acceptance\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await kit.CaseJsonAsync(id));
    }

    [Fact]
    public async Task Reports_AreStoredWithTheirFiles_ManyTimes_AndAcceptancePapersAreMarked()
    {
        using var client = kit.Client();
        var (id, path) = await ApprovedAsync(client);
        var (token, reportId) = await OpenAsync(client, path);

        var (first, _) = await LinkTestKit.PostAsync(client, path, Report(token, reportId, "Đã lắp đặt máy <i>CNC</i>.").File("anh-lap-dat.jpg", SampleFiles.Jpeg()));
        Assert.Equal(HttpStatusCode.OK, first);

        var (token2, reportId2) = await OpenAsync(client, path);
        Assert.NotEqual(reportId, reportId2);
        var (second, secondHtml) = await LinkTestKit.PostAsync(client, path,
            Report(token2, reportId2, "Hồ sơ nghiệm thu", acceptance: true).File("bien-ban-nghiem-thu.pdf", SampleFiles.Pdf()).File("hoa-don.pdf", SampleFiles.Pdf(900)));
        Assert.Equal(HttpStatusCode.OK, second);
        Assert.Contains("Hồ sơ nghiệm thu đã được gửi", secondHtml, StringComparison.Ordinal);

        var @case = await kit.Cases.GetAsync(id, CancellationToken.None);
        Assert.Equal(2, @case.Reports.Count);
        Assert.True(@case.HasAcceptancePapers);
        var progress = @case.Reports.Single(r => !r.IsAcceptancePapers);
        Assert.Equal(reportId, progress.Id);
        Assert.Equal("Đã lắp đặt máy <i>CNC</i>.", progress.Text);
        var proposal = (await kit.Proposals.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(AttachmentPurposes.Progress, proposal.Attachments.Single(a => a.Id == progress.AttachmentIds.Single()).Purpose);
        var acceptance = @case.Reports.Single(r => r.IsAcceptancePapers);
        Assert.Equal(2, acceptance.AttachmentIds.Count);
        Assert.All(acceptance.AttachmentIds, a => Assert.Equal(AttachmentPurposes.Acceptance, proposal.Attachments.Single(f => f.Id == a).Purpose));
        Assert.Single(proposal.Attachments, a => a.IsDossier);
        Assert.Equal(4, (await kit.Attachments.ListAsync(id, CancellationToken.None)).Count);

        // The same page posted again records nothing more.
        var (repeat, _) = await LinkTestKit.PostAsync(client, path, Report(token, reportId, "Lặp lại").File("x.pdf", SampleFiles.Pdf()));
        Assert.Equal(HttpStatusCode.Conflict, repeat);
        Assert.Equal(2, (await kit.Cases.GetAsync(id, CancellationToken.None)).Reports.Count);
        Assert.Equal(4, (await kit.Attachments.ListAsync(id, CancellationToken.None)).Count);

        // Earlier reports are listed, escaped.
        var (_, page) = await kit.GetAsync(client, path);
        Assert.Contains("Đã lắp đặt máy &lt;i&gt;CNC&lt;/i&gt;.", page, StringComparison.Ordinal);
        Assert.Contains("bien-ban-nghiem-thu.pdf", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidReport_Answers422_AndStoresNothing()
    {
        using var client = kit.Client();
        var (id, path) = await ApprovedAsync(client);
        var (token, reportId) = await OpenAsync(client, path);

        var (empty, emptyHtml) = await LinkTestKit.PostAsync(client, path, Report(token, reportId, "  ").File("a.pdf", SampleFiles.Pdf()));
        var (noPapers, noPapersHtml) = await LinkTestKit.PostAsync(client, path, Report(token, reportId, "Nghiệm thu", acceptance: true));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty);
        Assert.Contains("Vui lòng nhập nội dung báo cáo.", emptyHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noPapers);
        Assert.Contains("Vui lòng đính kèm biên bản nghiệm thu và hóa đơn.", noPapersHtml, StringComparison.Ordinal);
        Assert.Empty((await kit.Cases.GetAsync(id, CancellationToken.None)).Reports);
        Assert.Single(await kit.Attachments.ListAsync(id, CancellationToken.None));
        Assert.Equal(HttpStatusCode.BadRequest, (await LinkTestKit.PostAsync(client, path, Report("00", reportId, "Báo cáo"))).Status);
    }

    [Fact]
    public async Task BeforeApprovalOrWhenClosed_Is409_AndTamperedExpiredAreRefused()
    {
        using var client = kit.Client();
        var submitted = await kit.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Conflict, (await kit.GetAsync(client, kit.Link(LinkActions.Report, submitted, "applicant"))).Status);

        var (id, path) = await ApprovedAsync(client, ProposalStatus.Approved);
        Assert.Equal(HttpStatusCode.OK, (await kit.GetAsync(client, path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.GetAsync(client, LinkTestKit.Tampered(path))).Status);
        Assert.Equal(HttpStatusCode.Gone, (await kit.GetAsync(client, kit.ExpiredLink(LinkActions.Report, id, "applicant"))).Status);
        await kit.SetStatusAsync(id, ProposalStatus.Settled);
        Assert.Equal(HttpStatusCode.Conflict, (await kit.GetAsync(client, path)).Status);
    }

    [GeneratedRegex("name=\"formToken\" value=\"([0-9a-f]+)\"")]
    private static partial Regex FormTokenPattern();

    [GeneratedRegex("name=\"reportId\" value=\"([0-9a-f]+)\"")]
    private static partial Regex ReportIdPattern();
}
