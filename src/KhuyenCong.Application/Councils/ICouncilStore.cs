using KhuyenCong.Domain.Councils;

namespace KhuyenCong.Application.Councils;

/// <summary>Councils and their sessions (table <c>Councils</c>).</summary>
public interface ICouncilStore
{
    Task<Council?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The council set up for a call, or null.</summary>
    Task<Council?> ForCallAsync(string callId, CancellationToken cancellationToken);

    /// <summary>Inserts a council; false when a council already covers one of its calls or its id exists.</summary>
    Task<bool> CreateAsync(Council council, CancellationToken cancellationToken);

    /// <summary>Records the council's session once (insert-if-absent); false when a session was already recorded.</summary>
    Task<bool> RecordSessionAsync(CouncilSession session, CancellationToken cancellationToken);

    Task<CouncilSession?> SessionOfAsync(string councilId, CancellationToken cancellationToken);
}
