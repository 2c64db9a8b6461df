using KhuyenCong.Domain.Appraisal;

namespace KhuyenCong.Application.Appraisal;

/// <summary>The outcome of <see cref="IRubricStore.SaveAsync"/>: the saved version, or a conflict with a newer version.</summary>
/// <param name="Saved">The rubric as stored (its new version), or null when another version was saved first.</param>
/// <param name="CurrentVersion">The current version after the call.</param>
public sealed record RubricSaveResult(Rubric? Saved, int CurrentVersion)
{
    public bool IsConflict => Saved is null;
}

/// <summary>
/// Scoring rubrics, versioned: every save adds a version and never changes an old one, so a review keeps the rubric
/// (id and version) it was scored against.
/// </summary>
public interface IRubricStore
{
    /// <summary>The newest version of the rubric in use (<see cref="DefaultRubric.Id"/>), seeding <see cref="DefaultRubric"/> as version 1 on the first read.</summary>
    Task<Rubric> GetCurrentAsync(CancellationToken cancellationToken);

    /// <summary>One version of a rubric, or null when there is no such id or version.</summary>
    Task<Rubric?> GetAsync(string id, int version, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="rubric"/> (already valid, see <see cref="RubricRules"/>) as version
    /// <c>rubric.Version + 1</c> of <c>rubric.Id</c>: <c>rubric.Version</c> is the version it was edited from (0 for a
    /// new rubric id). When that is no longer the newest version, nothing is written and the result is a conflict.
    /// </summary>
    Task<RubricSaveResult> SaveAsync(Rubric rubric, string changedBy, CancellationToken cancellationToken);
}
