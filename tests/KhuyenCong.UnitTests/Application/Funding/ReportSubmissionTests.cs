using KhuyenCong.Application.Common;
using KhuyenCong.Application.Funding;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Attachments;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.UnitTests.Application.Support;

namespace KhuyenCong.UnitTests.Application.Funding;

/// <summary>The applicant's reports (<see cref="ReportSubmission"/>) on the real case store and blobs: one report per page, files kept only with it.</summary>
[Collection(LinkDecisionCollection.Name)]
public sealed class ReportSubmissionTests(LinkDecisionStorage storage)
{
    private ReportSubmission Reports => storage.Get<ReportSubmission>();

    private async Task<OpenedLink> InProgressAsync(ProposalStatus status = ProposalStatus.InProgress) =>
        LinkDecisionStorage.Link(await storage.ProposalAsync(status), LinkActions.Report, "applicant");

    [Fact]
    public async Task Submit_AcceptancePapers_StoresTheReportAndItsFilesWithTheirPurpose()
    {
        var link = await InProgressAsync();
        var files = new[] { await storage.UploadAsync(link.ProposalId, "bien-ban.pdf"), await storage.UploadAsync(link.ProposalId, "hoa-don.pdf") };
        var id = ReportForm.NewReportId();

        var decision = await Reports.SubmitAsync(link, new ReportForm(id, " Hồ sơ  nghiệm thu ", true, files), CancellationToken.None);

        Assert.True(decision.IsDone);
        var report = Assert.Single((await storage.Cases.GetAsync(link.ProposalId, CancellationToken.None)).Reports);
        Assert.Equal((id, true, "Hồ sơ nghiệm thu"), (report.Id, report.IsAcceptancePapers, report.Text));
        Assert.Equal(files.Select(f => f.Id), report.AttachmentIds);
        var proposal = (await storage.Proposals.GetAsync(link.ProposalId, CancellationToken.None))!;
        Assert.All(files, f => Assert.Equal(AttachmentPurposes.Acceptance, proposal.Attachments.Single(a => a.Id == f.Id).Purpose));
    }

    [Fact]
    public async Task Submit_OnePageTwiceAtOnce_RecordsOneReport_AndRemovesTheOtherPostsFiles()
    {
        var link = await InProgressAsync();
        var id = ReportForm.NewReportId();
        var first = await storage.UploadAsync(link.ProposalId, "a.jpg");
        var second = await storage.UploadAsync(link.ProposalId, "b.jpg");

        var decisions = await Task.WhenAll(
            Reports.SubmitAsync(link, new ReportForm(id, "Lần một", false, [first]), CancellationToken.None),
            Reports.SubmitAsync(link, new ReportForm(id, "Lần hai", false, [second]), CancellationToken.None));

        Assert.Single(decisions, d => d.IsDone);
        Assert.Single(decisions, d => d.Kind == DecisionKind.Conflict);
        var report = Assert.Single((await storage.Cases.GetAsync(link.ProposalId, CancellationToken.None)).Reports);
        var kept = Assert.Single(report.AttachmentIds);
        Assert.Equal(kept, Assert.Single(await storage.BlobsAsync(link.ProposalId)).Split('/')[^1]);
        Assert.Equal(kept, Assert.Single((await storage.Proposals.GetAsync(link.ProposalId, CancellationToken.None))!.Attachments).Id);
        var again = await Reports.SubmitAsync(link, new ReportForm(id, "Lần ba", false, []), CancellationToken.None);
        Assert.StartsWith("Recorded: report sent (", again.Reason!.English, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_EmptyTextOrAcceptanceWithoutFiles_IsInvalid_StoresNothing_AndRemovesTheFiles()
    {
        var link = await InProgressAsync();
        var file = await storage.UploadAsync(link.ProposalId, "a.pdf");

        var empty = await Reports.SubmitAsync(link, new ReportForm(ReportForm.NewReportId(), "   ", false, [file]), CancellationToken.None);
        var noPapers = await Reports.SubmitAsync(link, new ReportForm(ReportForm.NewReportId(), "Nghiệm thu", true, []), CancellationToken.None);

        Assert.Equal("Vui lòng nhập nội dung báo cáo.", Assert.Single(empty.Errors!.In(Language.Vietnamese)[ReportForm.TextField]));
        Assert.Equal("Attach the acceptance record and the invoices.", Assert.Single(noPapers.Errors!.In(Language.English)[AttachmentRules.FieldName]));
        Assert.Empty((await storage.Cases.GetAsync(link.ProposalId, CancellationToken.None)).Reports);
        Assert.Empty(await storage.BlobsAsync(link.ProposalId));
    }

    [Theory]
    [InlineData(ProposalStatus.AwaitingApproval)]
    [InlineData(ProposalStatus.Settled)]
    public async Task OpenAndSubmit_BeforeApprovalOrOnceSettled_AreConflicts_AndTheFilesAreRemoved(ProposalStatus status)
    {
        var link = await InProgressAsync(status);
        var file = await storage.UploadAsync(link.ProposalId, "a.pdf");

        Assert.Equal(DecisionKind.Conflict, (await Reports.OpenAsync(link, CancellationToken.None)).Kind);
        Assert.Equal(DecisionKind.Conflict, (await Reports.SubmitAsync(link, new ReportForm(ReportForm.NewReportId(), "Báo cáo", false, [file]), CancellationToken.None)).Kind);
        Assert.Empty(await storage.BlobsAsync(link.ProposalId));
    }

    [Fact]
    public async Task Open_GivesTheApprovedAmountFromTheDecision_WhenTheRecordHasNone()
    {
        var link = await InProgressAsync();
        await storage.Cases.SaveApprovalAsync(link.ProposalId, new ApprovalRecord(1, DirectorOutcome.Approve, 220_000_000, "77/QĐ-SCT", new DateOnly(2026, 11, 1), null, "director", DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.Equal(220_000_000, (await Reports.OpenAsync(link, CancellationToken.None)).Value!.ApprovedAmount);
    }
}
