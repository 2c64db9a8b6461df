using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Councils;

namespace KhuyenCong.Application.Councils;

/// <summary>Councils, their sessions and what they concluded per proposal (table <c>Councils</c>, docs/storage.md).</summary>
public interface ICouncilStore
{
    Task<Council?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The council set up for a call, or null.</summary>
    Task<Council?> ForCallAsync(string callId, CancellationToken cancellationToken);

    /// <summary>Every council, the latest decision first.</summary>
    Task<IReadOnlyList<Council>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Inserts a council; false when a council already covers one of its calls or its id exists (nothing stays of it then).</summary>
    Task<bool> CreateAsync(Council council, CancellationToken cancellationToken);

    /// <summary>Records the council's session once (insert-if-absent); false when a session was already recorded.</summary>
    Task<bool> RecordSessionAsync(CouncilSession session, CancellationToken cancellationToken);

    Task<CouncilSession?> SessionOfAsync(string councilId, CancellationToken cancellationToken);

    /// <summary>True once every conclusion of the council's session is stored and its event raised.</summary>
    Task<bool> IsSessionCompleteAsync(string councilId, CancellationToken cancellationToken);

    /// <summary>Marks the session complete (idempotent).</summary>
    Task CompleteSessionAsync(string councilId, CancellationToken cancellationToken);

    /// <summary>Stores the council's conclusion on one proposal if none is stored (the first stays); the stored one.</summary>
    Task<ProposalConclusion> SaveConclusionAsync(ProposalConclusion conclusion, CancellationToken cancellationToken);

    /// <summary>Notes that the workflow was told of the conclusion (<see cref="CycleEvents.CouncilConcluded"/> raised).</summary>
    Task MarkRaisedAsync(string councilId, string proposalId, CancellationToken cancellationToken);

    /// <summary>Every conclusion of the council (one partition), by proposal.</summary>
    Task<IReadOnlyList<ProposalConclusion>> ConclusionsAsync(string councilId, CancellationToken cancellationToken);
}

/// <summary>
/// What a council's session concluded on one proposal, kept by the council (so the staff pages and the selection read
/// averages without the workflow), and whether the workflow was told (<see cref="Raised"/>).
/// </summary>
public sealed record ProposalConclusion(string ProposalId, CouncilConclusion Conclusion, int MaxTotal, DateTimeOffset At, bool Raised = false);
