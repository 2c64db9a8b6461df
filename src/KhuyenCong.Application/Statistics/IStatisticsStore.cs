using KhuyenCong.Domain.Statistics;

namespace KhuyenCong.Application.Statistics;

/// <summary>What the nightly recompute found and corrected.</summary>
public sealed record StatisticsRun
{
    public required string Id { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary><c>completed</c> or <c>failed</c>.</summary>
    public required string Outcome { get; init; }

    public string Trigger { get; init; } = "timer";

    public int Years { get; init; }

    public int Proposals { get; init; }

    /// <summary>Proposals whose stored contribution differed from their record (a refresh that failed or never ran).</summary>
    public int ContributionsCorrected { get; init; }

    /// <summary>Aggregate cells whose figures differed from the sum of the contributions, and were rewritten.</summary>
    public int CellsCorrected { get; init; }

    /// <summary>Empty cells removed (every proposal in them moved or went).</summary>
    public int CellsRemoved { get; init; }

    /// <summary>The error's type when <see cref="Outcome"/> is failed (no message: it could hold data).</summary>
    public string? Error { get; init; }
}

/// <summary>
/// The statistics kept beside the proposals (docs/storage.md, "Statistics"; ADR 0005): one contribution row per
/// proposal and aggregate cells per year, changed by deltas under an idempotent, concurrency-safe protocol.
/// </summary>
public interface IStatisticsStore
{
    /// <summary>
    /// Brings the proposal's contribution in line with its record (and the cells with it). Safe to repeat and to run
    /// concurrently for one proposal. Returns true when something was changed.
    /// </summary>
    Task<bool> RefreshAsync(string proposalId, CancellationToken cancellationToken);

    /// <summary>The same, when the year is known (also when the record is gone: its contribution is removed).</summary>
    Task<bool> RefreshAsync(int year, string proposalId, CancellationToken cancellationToken);

    /// <summary>The cells matching the filter: a bounded read (cells per year × dimensions), however many proposals exist.</summary>
    Task<IReadOnlyList<StatisticsCell>> QueryAsync(StatisticsFilter filter, CancellationToken cancellationToken);

    /// <summary>Recomputes every contribution and cell from the records, corrects drift, and records the run.</summary>
    Task<StatisticsRun> RecomputeAsync(string trigger, CancellationToken cancellationToken);

    /// <summary>The most recent runs, newest first.</summary>
    Task<IReadOnlyList<StatisticsRun>> ListRunsAsync(int count, CancellationToken cancellationToken);
}
