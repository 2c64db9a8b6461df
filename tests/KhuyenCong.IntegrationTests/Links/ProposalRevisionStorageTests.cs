using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Links;

/// <summary>The repository methods the revision and report pages use, on Azurite.</summary>
[Collection(LinksCollection.Name)]
public sealed class ProposalRevisionStorageTests(LocalHostFixture fixture)
{
    private readonly LinkTestKit kit = new(fixture);

    [Fact]
    public async Task UpdateSubmission_RewritesTheRecordAndIndexRows_KeepingStatusFilesAndHistory_AndIsIdempotent()
    {
        using var client = kit.Client();
        var id = await kit.SubmitAsync(client, null, ("a.pdf", SampleFiles.Pdf()));
        await kit.SetStatusAsync(id, ProposalStatus.NeedsRevision);
        var before = (await kit.Proposals.GetAsync(id, CancellationToken.None))!;
        var corrected = before.Submission with
        {
            Title = "Tên đề án đã sửa",
            Kind = ProposalKind.Training,
            RequestedSupport = 200_000_000,
            OwnContribution = 400_000_000,
            ExpectedJobs = null,
        };

        Assert.True(await kit.Proposals.UpdateSubmissionAsync(id, corrected, CancellationToken.None));
        Assert.True(await kit.Proposals.UpdateSubmissionAsync(id, corrected, CancellationToken.None));

        var after = (await kit.Proposals.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(corrected, after.Submission);
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(before.History.Count, after.History.Count);
        Assert.Equal(before.Attachments, after.Attachments);
        var listed = (await kit.Proposals.ListAsync(new ProposalListQuery(before.Year, null, ProposalKind.Training, null), CancellationToken.None)).Single(p => p.Id == id);
        Assert.Equal("Tên đề án đã sửa", listed.Title);
        Assert.Equal(200_000_000, listed.RequestedSupport);
        Assert.Equal(ProposalStatus.NeedsRevision, listed.Status);
        Assert.Contains("ten de an da sua", listed.SearchText, StringComparison.Ordinal);

        // The tax-code row moved with the kind: one row, under the new kind.
        var since = before.SubmittedAt.AddMinutes(-1);
        Assert.Single(await kit.Proposals.FindByTaxCodeAsync(before.Submission.TaxCode, ProposalKind.Training, since, CancellationToken.None), e => e.ProposalId == id && e.Title == "Tên đề án đã sửa");
        Assert.DoesNotContain(await kit.Proposals.FindByTaxCodeAsync(before.Submission.TaxCode, ProposalKind.Machinery, since, CancellationToken.None), e => e.ProposalId == id);
        Assert.False(await kit.Proposals.UpdateSubmissionAsync("no-such-proposal", corrected, CancellationToken.None));
    }

    [Fact]
    public async Task AddAndRemoveAttachments_KeepTheirPurpose()
    {
        using var client = kit.Client();
        var id = await kit.SubmitAsync(client);
        var at = DateTimeOffset.UtcNow;
        var added = new List<AttachmentInfo>
        {
            new("a1", "them.pdf", "application/pdf", 10, "00", at),
            new("a2", "nghiem-thu.pdf", "application/pdf", 20, "11", at.AddSeconds(1), AttachmentPurposes.Acceptance),
        };

        await kit.Proposals.AddAttachmentsAsync(id, added, CancellationToken.None);
        await kit.Proposals.AddAttachmentsAsync(id, added, CancellationToken.None);

        Assert.Equal(added, (await kit.Proposals.GetAsync(id, CancellationToken.None))!.Attachments);
        Assert.True(await kit.Proposals.RemoveAttachmentAsync(id, "a1", CancellationToken.None));
        Assert.False(await kit.Proposals.RemoveAttachmentAsync(id, "a1", CancellationToken.None));
        var left = Assert.Single((await kit.Proposals.GetAsync(id, CancellationToken.None))!.Attachments);
        Assert.Equal(AttachmentPurposes.Acceptance, left.Purpose);
        Assert.False(left.IsDossier);
    }
}
