using KhuyenCong.Domain.Selection;

namespace KhuyenCong.Application.Selection;

/// <summary>A call's current selection as stored, with the version a conditional write must match.</summary>
public sealed record StoredSelection(CallSelection Selection, string Version);

/// <summary>
/// The officers' selections per call (table <c>Selections</c>): the current round, and the rounds the director sent
/// back (history). Every change is one conditional write on the call's current selection, so of two concurrent
/// proposals or decisions on one call exactly one is stored.
/// </summary>
public interface ISelectionStore
{
    /// <summary>The call's current selection, or null when none was proposed.</summary>
    Task<StoredSelection?> GetAsync(string callId, CancellationToken cancellationToken);

    /// <summary>The rounds sent back before the current one, oldest first.</summary>
    Task<IReadOnlyList<CallSelection>> HistoryAsync(string callId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a proposed selection: round 1 when the call has none (<paramref name="expectedVersion"/> null), or the next
    /// round in place of the current one while it is still at <paramref name="expectedVersion"/> (the current one goes
    /// to the history first). False, and nothing changes, when another write came first.
    /// </summary>
    Task<bool> ProposeAsync(CallSelection selection, string? expectedVersion, CancellationToken cancellationToken);

    /// <summary>Stores the director's decision on the current selection while it is still at <paramref name="expectedVersion"/>; false otherwise.</summary>
    Task<bool> DecideAsync(CallSelection decided, string expectedVersion, CancellationToken cancellationToken);
}
