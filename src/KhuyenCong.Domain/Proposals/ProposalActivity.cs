using KhuyenCong.Domain.Activities;

namespace KhuyenCong.Domain.Proposals;

/// <summary>The activity of a proposal in the catalogue (<see cref="ActivityCatalog"/>).</summary>
public static class ProposalActivity
{
    /// <summary>The activity of a stored proposal: its recorded activity, or the default of its kind when none was recorded.</summary>
    public static Activity Of(ProposalSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return submission.Activity is { } code && ActivityCatalog.TryParse(code, out var activity) ? activity : ActivityCatalog.DefaultFor(submission.Kind);
    }
}
