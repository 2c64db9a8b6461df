namespace KhuyenCong.Domain.Appraisal;

/// <summary>
/// The reviewers of a proposal whose call has a council (hội đồng thẩm định set up by decision, issue 13 line 2): the
/// council's members score it, not reviewers picked from the roster. Pure and deterministic, like
/// <see cref="ReviewerAssignment"/> (durable orchestrations record the choice).
/// </summary>
/// <remarks>
/// <para>Every member who is on the roster, active, not excluded (already asked or set aside for this round) and without
/// a declared conflict of interest with the applicant (<see cref="ReviewerAssignment.HasConflict"/>) is chosen, in the
/// decision's order (chair, secretary, members), even beyond <c>count</c>: the whole council scores each proposal of its
/// calls. The kinds a member is registered for do not matter: the decision names them for every proposal of the calls.</para>
/// <para>When fewer members than <c>count</c> can score (a member with a conflict, one inactive, one who declared a
/// conflict in the review link or was replaced by an officer), the rest are picked from the roster as
/// <see cref="ReviewerAssignment.Choose"/> does today, never from the council again.</para>
/// </remarks>
public static class CouncilAssignment
{
    public static ReviewerChoice Choose(ProposalFacts proposal, IReadOnlyList<string> memberIds, IReadOnlyList<RosterEntry> roster, int count,
        IReadOnlyCollection<string>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(memberIds);
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var excluded = new HashSet<string>(exclude ?? [], StringComparer.OrdinalIgnoreCase);
        var byId = roster.DistinctBy(e => e.Reviewer.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(e => e.Reviewer.Id, StringComparer.OrdinalIgnoreCase);
        var chosen = memberIds.Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(id => !excluded.Contains(id) && byId.TryGetValue(id, out var entry) && entry.Reviewer.Active && !ReviewerAssignment.HasConflict(entry.Reviewer, proposal))
            .Select(id => new ChosenReviewer(byId[id].Reviewer.Id, ReviewerAssignment.SectorMatches(byId[id].Reviewer, proposal.Sector), byId[id].OpenReviews))
            .ToList();
        if (chosen.Count >= count)
        {
            return new ReviewerChoice(chosen, chosen.Count, Counts(roster, chosen.Count), null);
        }

        // Replacements come from the roster, never from the council again (its members were asked or set aside).
        var fill = ReviewerAssignment.Choose(proposal, roster, Math.Min(count - chosen.Count, ReviewerAssignment.MaxCount), [.. excluded, .. memberIds]);
        return new ReviewerChoice([.. chosen, .. fill.Chosen], count, fill.Counts, fill.Shortfall);
    }

    private static AssignmentCounts Counts(IReadOnlyList<RosterEntry> roster, int members) => new(roster.Count, 0, 0, 0, 0, members, 0);
}
