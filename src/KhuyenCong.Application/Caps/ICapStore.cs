using KhuyenCong.Domain.Caps;

namespace KhuyenCong.Application.Caps;

/// <summary>
/// The support caps table: data keyed by funding source, province, kind and effective date, seeded with the national
/// caps and edited by staff.
/// </summary>
public interface ICapStore
{
    /// <summary>Every cap (seeding the national caps the first time).</summary>
    Task<IReadOnlyList<SupportCap>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds or replaces the cap with the same funding source, province, kind and effective date.</summary>
    Task SaveAsync(SupportCap cap, string changedBy, CancellationToken cancellationToken);
}
