using KhuyenCong.Domain.Caps;

namespace KhuyenCong.Application.Caps;

/// <summary>
/// The support caps table: data keyed by funding source, province, former-province territory, activity and effective
/// date, seeded with the shipped caps (<see cref="CapSeed"/>) and edited by staff.
/// </summary>
public interface ICapStore
{
    /// <summary>Every cap (bringing the shipped caps to their current version first).</summary>
    Task<IReadOnlyList<SupportCap>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds or replaces the cap with the same funding source, province, territory, activity and effective date.</summary>
    Task SaveAsync(SupportCap cap, string changedBy, CancellationToken cancellationToken);

    /// <summary>
    /// Brings the shipped caps to the current version of the data: seed rows of an older version are replaced, rows an
    /// officer wrote are kept. Idempotent; returns how many rows it wrote or removed (0 when already current).
    /// </summary>
    Task<int> SeedAsync(CancellationToken cancellationToken);
}
