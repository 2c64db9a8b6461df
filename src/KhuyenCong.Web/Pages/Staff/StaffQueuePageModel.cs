using KhuyenCong.Application.WorkQueue;
using KhuyenCong.Web.Rendering;

namespace KhuyenCong.Web.Pages.Staff;

/// <summary>What the work queue shows: the waiting proposals (most urgent first), filtered by step when asked.</summary>
/// <param name="Links">Addresses keeping the language and LocalHost's function key.</param>
/// <param name="Items">The waiting proposals of the step asked (all steps when <paramref name="Reason"/> is null).</param>
/// <param name="Counts">How many wait at each step (before the filter).</param>
/// <param name="Reason">The step filtered on, or null.</param>
/// <param name="ReasonError">The message when <c>reason</c> names no step, or null.</param>
/// <param name="Now">The time the queue was read (days waiting and overdue deadlines are counted to it).</param>
public sealed record StaffQueuePageModel(
    StaffLinks Links,
    IReadOnlyList<WorkItem> Items,
    IReadOnlyDictionary<WorkReason, int> Counts,
    WorkReason? Reason,
    string? ReasonError,
    DateTimeOffset Now)
{
    /// <summary>The CSRF token of the form reminding the reviewers of the ticked proposals (null: no form).</summary>
    public string? FormToken { get; init; }

    /// <summary>True when the page offers the reminder form: some proposal waits on its reviewers.</summary>
    public bool OffersReminders => FormToken is not null && Items.Any(i => i.Reason == WorkReason.ReviewsOverdue);
}
