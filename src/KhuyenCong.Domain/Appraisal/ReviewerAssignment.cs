using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Domain.Appraisal;

/// <summary>What the choice of reviewers needs to know about a proposal.</summary>
/// <param name="ProposalId">The proposal's id (also the seed of the deterministic tie-break).</param>
/// <param name="Kind">The proposal's kind: a reviewer must be registered for it.</param>
/// <param name="Sector">The establishment's sector (free text), preferred when a reviewer has it.</param>
/// <param name="TaxCode">The applicant's tax code, checked against the reviewers' declared conflicts.</param>
/// <param name="OrganizationName">The applicant's name, checked against the reviewers' declared organisations.</param>
public sealed record ProposalFacts(string ProposalId, ProposalKind Kind, string? Sector, string? TaxCode, string? OrganizationName)
{
    /// <summary>The call it was submitted to, or null: when the call has a council, its members are the reviewers (<see cref="CouncilAssignment"/>).</summary>
    public string? CallId { get; init; }

    public static ProposalFacts From(Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var s = proposal.Submission;
        return new ProposalFacts(proposal.Id, s.Kind, s.Sector, s.TaxCode, s.OrganizationName) { CallId = proposal.CallId };
    }
}

/// <summary>A chosen reviewer: whether their sector matched, and their open reviews when chosen.</summary>
public sealed record ChosenReviewer(string ReviewerId, bool SectorMatch, int OpenReviews);

/// <summary>How the roster was sifted: each reviewer is counted once, under the first reason that set them aside.</summary>
public sealed record AssignmentCounts(int Roster, int Inactive, int Excluded, int KindMismatch, int Conflicted, int Eligible, int SectorMatches);

/// <summary>The reviewers chosen for a proposal, in order; when fewer than asked for, <see cref="Shortfall"/> says why.</summary>
public sealed record ReviewerChoice(IReadOnlyList<ChosenReviewer> Chosen, int Requested, AssignmentCounts Counts, LocalizedReason? Shortfall)
{
    public bool IsComplete => Chosen.Count == Requested;
}

/// <summary>
/// Chooses the reviewers of a proposal from the roster. Pure and deterministic: the same proposal, roster, workloads
/// and exclusions always give the same reviewers in the same order (durable orchestrations replay their decisions).
/// </summary>
/// <remarks>
/// <para>Eligible: active, not in the exclusion list (already used or declined for this proposal), registered for the
/// proposal's kind (required), and without a declared conflict of interest: none of the reviewer's declared tax codes
/// is the applicant's (compared on the first 10 digits, so a branch "0101234567-001" and its parent "0101234567"
/// conflict both ways), and none of the declared organisations is the applicant's name (compared with
/// <see cref="ReviewerValidator.MatchKey"/>: case, diacritics and punctuation ignored).</para>
/// <para>Order: reviewers whose sectors match the proposal's first (a sector matches when, folded, one contains the
/// other as whole words), then the fewest open reviews, then a stable hash of proposal id and reviewer id (so ties
/// spread over the roster rather than always falling on the same person), then the reviewer id.</para>
/// </remarks>
public static class ReviewerAssignment
{
    public const int DefaultCount = 3;
    public const int MaxCount = 15;

    public static ReviewerChoice Choose(
        ProposalFacts proposal,
        IReadOnlyList<RosterEntry> roster,
        int count = DefaultCount,
        IReadOnlyCollection<string>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        var excluded = new HashSet<string>(exclude ?? [], StringComparer.OrdinalIgnoreCase);
        var screened = roster.DistinctBy(e => e.Reviewer.Id, StringComparer.OrdinalIgnoreCase)
            .Select(e => (Entry: e, Why: ExclusionOf(e.Reviewer, proposal, excluded)))
            .ToList();
        var eligible = screened
            .Where(s => s.Why == Exclusion.None)
            .Select(s => (s.Entry, Sector: SectorMatches(s.Entry.Reviewer, proposal.Sector), Hash: TieBreak(proposal.ProposalId, s.Entry.Reviewer.Id)))
            .ToList();
        var chosen = eligible
            .OrderByDescending(e => e.Sector)
            .ThenBy(e => Math.Max(0, e.Entry.OpenReviews))
            .ThenBy(e => e.Hash)
            .ThenBy(e => e.Entry.Reviewer.Id, StringComparer.Ordinal)
            .Take(count)
            .Select(e => new ChosenReviewer(e.Entry.Reviewer.Id, e.Sector, e.Entry.OpenReviews))
            .ToList();
        int Excluded(Exclusion why) => screened.Count(s => s.Why == why);
        var counts = new AssignmentCounts(roster.Count, Excluded(Exclusion.Inactive), Excluded(Exclusion.Skipped), Excluded(Exclusion.KindMismatch),
            Excluded(Exclusion.Conflicted), eligible.Count, eligible.Count(e => e.Sector));
        return new ReviewerChoice(chosen, count, counts, chosen.Count < count ? Shortfall(proposal, chosen.Count, count, counts) : null);
    }

    /// <summary>Why a reviewer of the roster cannot be chosen, checked in this order; <see cref="Exclusion.None"/> when eligible.</summary>
    private static Exclusion ExclusionOf(Reviewer reviewer, ProposalFacts proposal, HashSet<string> excluded) =>
        !reviewer.Active ? Exclusion.Inactive
        : excluded.Contains(reviewer.Id) ? Exclusion.Skipped
        : !reviewer.Kinds.Contains(proposal.Kind) ? Exclusion.KindMismatch
        : HasConflict(reviewer, proposal) ? Exclusion.Conflicted
        : Exclusion.None;

    /// <summary>True when the reviewer declared a conflict of interest with the applicant (tax code or organisation name).</summary>
    public static bool HasConflict(Reviewer reviewer, ProposalFacts proposal)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        ArgumentNullException.ThrowIfNull(proposal);
        var taxBase = TaxCodeBase(proposal.TaxCode);
        if (taxBase.Length > 0 && reviewer.DeclaredTaxCodes.Any(t => TaxCodeBase(t) == taxBase))
        {
            return true;
        }

        var name = ReviewerValidator.MatchKey(proposal.OrganizationName);
        return name.Length > 0 && reviewer.DeclaredOrganizations.Any(o => ReviewerValidator.MatchKey(o) == name);
    }

    /// <summary>True when one of the reviewer's sectors and the proposal's sector, folded, contain one another as whole words.</summary>
    public static bool SectorMatches(Reviewer reviewer, string? sector)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        var wanted = ReviewerValidator.MatchKey(sector);
        if (wanted.Length == 0)
        {
            return false;
        }

        return reviewer.Sectors.Select(ReviewerValidator.MatchKey).Any(s => s.Length > 0
            && ($" {wanted} ".Contains($" {s} ", StringComparison.Ordinal) || $" {s} ".Contains($" {wanted} ", StringComparison.Ordinal)));
    }

    /// <summary>A stable 64-bit number from the proposal and reviewer ids (SHA-256: the same on every machine and run).</summary>
    public static ulong TieBreak(string proposalId, string reviewerId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{proposalId}\n{reviewerId}".ToLowerInvariant()));
        return BinaryPrimitives.ReadUInt64BigEndian(bytes);
    }

    private static string TaxCodeBase(string? taxCode)
    {
        var digits = new string((taxCode ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 10 ? digits[..10] : string.Empty;
    }

    private static LocalizedReason Shortfall(ProposalFacts proposal, int found, int wanted, AssignmentCounts c)
    {
        static string N(int v) => v.ToString(CultureInfo.InvariantCulture);
        var kindVi = proposal.Kind.DisplayName(Text.Language.Vietnamese);
        var kindEn = proposal.Kind.DisplayName(Text.Language.English);
        return new LocalizedReason(
            "not-enough-reviewers",
            $"Chỉ tìm được {N(found)}/{N(wanted)} thành viên hội đồng phù hợp cho nội dung \"{kindVi}\". Trong {N(c.Roster)} thành viên: "
                + $"{N(c.Inactive)} ngừng hoạt động, {N(c.Excluded)} đã được mời hoặc từ chối đề án này, {N(c.KindMismatch)} không thẩm định nội dung này, "
                + $"{N(c.Conflicted)} có xung đột lợi ích với cơ sở. Vui lòng bổ sung thành viên vào danh sách.",
            $"Only {N(found)} of {N(wanted)} suitable reviewers were found for \"{kindEn}\". Of {N(c.Roster)} reviewers: "
                + $"{N(c.Inactive)} inactive, {N(c.Excluded)} already asked or declined for this proposal, {N(c.KindMismatch)} not registered for this kind, "
                + $"{N(c.Conflicted)} with a declared conflict of interest. Add reviewers to the roster.");
    }

    private enum Exclusion
    {
        None,
        Inactive,
        Skipped,
        KindMismatch,
        Conflicted,
    }
}
