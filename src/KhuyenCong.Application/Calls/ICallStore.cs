using KhuyenCong.Domain.Calls;

namespace KhuyenCong.Application.Calls;

/// <summary>Calls for proposals (table <c>Calls</c>): created and edited by officers, read by the public form.</summary>
public interface ICallStore
{
    Task<IReadOnlyList<Call>> ListAsync(CancellationToken cancellationToken);

    Task<Call?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Inserts a new call; false when one with its id exists.</summary>
    Task<bool> CreateAsync(Call call, CancellationToken cancellationToken);

    /// <summary>Replaces a call if it is still at <paramref name="expectedVersion"/>; the stored call, or null when changed meanwhile.</summary>
    Task<Call?> UpdateAsync(Call call, long expectedVersion, CancellationToken cancellationToken);
}
