using KhuyenCong.Application.Attachments;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Revision;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Attachments;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.UnitTests.Application.Support;

namespace KhuyenCong.UnitTests.Application.Revision;

/// <summary>
/// The applicant's corrections (<see cref="RevisionSubmission"/>) on the real repository, case store, link uses and
/// blobs: validated as at intake, one answer per round, no file kept from corrections not stored.
/// </summary>
[Collection(LinkDecisionCollection.Name)]
public sealed class RevisionSubmissionTests(LinkDecisionStorage storage)
{
    private RevisionSubmission Revisions => storage.Get<RevisionSubmission>();

    /// <summary>A proposal awaiting documents for round <paramref name="round"/>, with one dossier file in storage.</summary>
    private async Task<(OpenedLink Link, AttachmentInfo File)> NeedsRevisionAsync(int round = 1, int linkRound = 1)
    {
        var proposal = await storage.ProposalAsync(ProposalStatus.NeedsRevision);
        var upload = await storage.UploadAsync(proposal.Id, "thuyet-minh.pdf");
        var file = new AttachmentInfo(upload.Id, upload.FileName, "application/pdf", upload.Size, upload.Sha256, upload.UploadedAt);
        await storage.Proposals.AddAttachmentsAsync(proposal.Id, [file], CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        for (var r = 1; r <= round; r++)
        {
            await storage.Cases.SaveScreeningAsync(proposal.Id, new ScreeningRecord(r, [], now), CancellationToken.None);
            await storage.Cases.DecideScreeningAsync(proposal.Id, r, ScreeningOutcome.RequestDocuments, "officer", "Bổ sung báo giá.", now, CancellationToken.None);
        }

        var stored = (await storage.Proposals.GetAsync(proposal.Id, CancellationToken.None))!;
        return (LinkDecisionStorage.Link(stored, LinkActions.Revise, "applicant", linkRound), file);
    }

    private static ProposalForm Corrected(OpenedLink link, Func<ProposalForm, ProposalForm>? change = null)
    {
        var form = link.Proposal.Submission.ToForm() with { Title = "Máy phay CNC 5 trục", TaxCode = "0999999999" };
        return change?.Invoke(form) ?? form;
    }

    [Fact]
    public async Task Submit_ValidCorrections_StoreTheFieldsAndFiles_KeepTheTaxCode_MarkTheRound_ThenRaiseRevisionSubmitted()
    {
        var (link, old) = await NeedsRevisionAsync();
        var added = await storage.UploadAsync(link.ProposalId, "bao-gia.pdf");
        var events = new RecordingWorkflowEvents();

        var decision = await Revisions.SubmitAsync(link, new RevisionForm(Corrected(link), [old.Id, "not-in-the-dossier"], [added]), events, CancellationToken.None);

        Assert.True(decision.IsDone);
        var after = (await storage.Proposals.GetAsync(link.ProposalId, CancellationToken.None))!;
        Assert.Equal("Máy phay CNC 5 trục", after.Submission.Title);
        Assert.Equal(link.Proposal.Submission.TaxCode, after.Submission.TaxCode);
        Assert.Equal(added.Id, Assert.Single(after.Attachments).Id);
        Assert.Single(await storage.BlobsAsync(link.ProposalId), b => b.Contains(added.Id, StringComparison.Ordinal));
        Assert.DoesNotContain(await storage.BlobsAsync(link.ProposalId), b => b.Contains(old.Id, StringComparison.Ordinal));
        Assert.NotNull((await storage.Cases.GetAsync(link.ProposalId, CancellationToken.None)).CurrentScreening!.RevisedAt);
        var raised = Assert.Single(events.Raised);
        Assert.Equal((WorkflowEvents.RevisionSubmitted, (object)new RevisionNotice(1, "applicant")), (raised.Name, raised.Payload));
        Assert.Equal(DecisionKind.Conflict, (await Revisions.OpenAsync(link, CancellationToken.None)).Kind);
    }

    [Fact]
    public async Task Submit_InvalidFieldsAndOverTheCap_AreInvalidInBothLanguages_StoreNothing_AndTheNewFileIsRemoved()
    {
        var (link, _) = await NeedsRevisionAsync();
        var added = await storage.UploadAsync(link.ProposalId, "bao-gia.pdf");
        var events = new RecordingWorkflowEvents();

        var invalid = await Revisions.SubmitAsync(link, new RevisionForm(Corrected(link, f => f with { Title = "", RequestedSupport = "1.300.000.000" }), [], [added]), events, CancellationToken.None);
        var overCap = await Revisions.SubmitAsync(link, new RevisionForm(Corrected(link, f => f with { TotalCost = "800000000", RequestedSupport = "450000000", OwnContribution = "350000000" }), [], []),
            events, CancellationToken.None);

        Assert.Equal(DecisionKind.Invalid, invalid.Kind);
        Assert.Equal("Vui lòng nhập tên đề án.", Assert.Single(invalid.Errors!.In(Language.Vietnamese)[ProposalFields.Title]));
        Assert.Contains(invalid.Errors.In(Language.Vietnamese)[ProposalFields.RequestedSupport], m => m == "Kinh phí đề nghị hỗ trợ không được lớn hơn tổng kinh phí.");
        Assert.NotEqual(invalid.Errors.In(Language.Vietnamese)[ProposalFields.Title], invalid.Errors.In(Language.English)[ProposalFields.Title]);
        Assert.Contains("exceeds the maximum", overCap.Errors!.In(Language.English)[ProposalFields.RequestedSupport][0], StringComparison.Ordinal);
        Assert.DoesNotContain(await storage.BlobsAsync(link.ProposalId), b => b.Contains(added.Id, StringComparison.Ordinal));
        Assert.Equal(link.Proposal.Submission, (await storage.Proposals.GetAsync(link.ProposalId, CancellationToken.None))!.Submission);
        Assert.Null(await storage.Uses.GetAsync(link.Claims.LinkId, CancellationToken.None));
        Assert.Empty(events.Raised);
    }

    [Fact]
    public async Task Submit_MoreFilesThanTheDossierHolds_IsInvalidOnTheFilesField()
    {
        var (link, _) = await NeedsRevisionAsync();
        var files = new List<IncomingAttachment>();
        for (var i = 0; i < 10; i++)
        {
            files.Add(await storage.UploadAsync(link.ProposalId, $"tep-{i}.pdf"));
        }

        var decision = await Revisions.SubmitAsync(link, new RevisionForm(Corrected(link), [], files), new RecordingWorkflowEvents(), CancellationToken.None);

        Assert.Equal("The dossier can hold at most 10 files.", Assert.Single(decision.Errors!.In(Language.English)[AttachmentRules.FieldName]));
        Assert.Single(await storage.BlobsAsync(link.ProposalId));
    }

    [Fact]
    public async Task Submit_TwiceAtOnce_OneIsStored_TheOtherIsAConflictWhoseFileIsRemoved()
    {
        var (link, _) = await NeedsRevisionAsync();
        var first = await storage.UploadAsync(link.ProposalId, "a.pdf");
        var second = await storage.UploadAsync(link.ProposalId, "b.pdf");
        var events = new RecordingWorkflowEvents();

        var decisions = await Task.WhenAll(
            Revisions.SubmitAsync(link, new RevisionForm(Corrected(link), [], [first]), events, CancellationToken.None),
            Revisions.SubmitAsync(link, new RevisionForm(Corrected(link), [], [second]), events, CancellationToken.None));

        Assert.Single(decisions, d => d.IsDone);
        Assert.Single(decisions, d => d.Kind == DecisionKind.Conflict);
        var kept = decisions[0].IsDone ? first : second;
        var blobs = await storage.BlobsAsync(link.ProposalId);
        Assert.Equal(2, blobs.Count);
        Assert.Contains(blobs, b => b.Contains(kept.Id, StringComparison.Ordinal));
        Assert.Single(events.Raised);
    }

    [Fact]
    public async Task Open_AnEarlierRoundsLink_IsConflict_AndTheCurrentRoundsOpens()
    {
        var (current, _) = await NeedsRevisionAsync(round: 2, linkRound: 2);
        var earlier = current with { Claims = current.Claims with { Round = 1 } };

        Assert.Equal(DecisionKind.Conflict, (await Revisions.OpenAsync(earlier, CancellationToken.None)).Kind);
        Assert.Equal(2, (await Revisions.OpenAsync(current, CancellationToken.None)).Value!.Round);
    }
}
