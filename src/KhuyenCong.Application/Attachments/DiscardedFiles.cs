
namespace KhuyenCong.Application.Attachments;

/// <summary>Removing files that were streamed to storage for a request that did not keep them.</summary>
public static class DiscardedFiles
{
    /// <summary>
    /// Deletes <paramref name="files"/> of the proposal, even when the request was cancelled (they must not stay behind a
    /// refusal).
    /// </summary>
    public static async Task DiscardAsync(this IAttachmentStore store, string proposalId, IEnumerable<IncomingAttachment> files)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files)
        {
            await store.DeleteAsync(proposalId, file.Id, CancellationToken.None);
        }
    }
}
