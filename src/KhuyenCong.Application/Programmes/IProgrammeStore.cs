using KhuyenCong.Domain.Programmes;

namespace KhuyenCong.Application.Programmes;

/// <summary>The programmes (table <c>Programmes</c>, see docs/storage.md).</summary>
public interface IProgrammeStore
{
    /// <summary>Every programme, newest period first.</summary>
    Task<IReadOnlyList<ProgrammeRecord>> ListAsync(CancellationToken cancellationToken);

    Task<ProgrammeRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stores a new programme as version 1.</summary>
    Task<ProgrammeRecord> CreateAsync(Programme programme, string by, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the programme when its stored version is still <paramref name="expectedVersion"/> (one conditional
    /// write: of two edits of one version, one wins and the other is <see cref="SaveOutcome.Stale"/>).
    /// </summary>
    Task<(SaveOutcome Outcome, ProgrammeRecord? Record)> UpdateAsync(Programme programme, int expectedVersion, string by, CancellationToken cancellationToken);
}

/// <summary>The outcome of a conditional save.</summary>
public enum SaveOutcome
{
    Saved,

    /// <summary>Nothing changed: there is no such record.</summary>
    NotFound,

    /// <summary>Nothing changed: someone saved a newer version meanwhile.</summary>
    Stale,
}

/// <summary>The year index as programmes read it: the proposals of one year assigned to one programme.</summary>
public interface IProgrammeProposalIndex
{
    /// <summary>The facts of the proposals submitted in <paramref name="year"/> that count towards <paramref name="programmeId"/> (one partition query).</summary>
    Task<IReadOnlyList<ProgrammeProposalFacts>> ListAsync(string programmeId, int year, CancellationToken cancellationToken);
}

/// <summary>Computes a programme's progress from the proposals assigned to it (one year-index partition per year of its period).</summary>
public sealed class ProgrammeProgress(IProgrammeProposalIndex index)
{
    public async Task<(IReadOnlyList<TargetProgress> Targets, int Proposals)> ComputeAsync(Programme programme, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var perYear = await Task.WhenAll(programme.Years.Select(y => index.ListAsync(programme.Id, y, cancellationToken)));
        var facts = perYear.SelectMany(f => f).ToList();
        return (ProgrammeMeasures.Progress(programme, facts), facts.Count);
    }
}
