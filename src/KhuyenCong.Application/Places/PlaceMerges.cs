using KhuyenCong.Application.Geography;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Sectors;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Places;

/// <summary>A recorded merge: which stray value became which official one, who did it, when, and the proposals it changed.</summary>
public sealed record ReferenceMerge(string Id, string What, string Province, string From, string To, string ToName, string By, DateTimeOffset At, IReadOnlyList<string> ProposalIds);

/// <summary>The history of merges (table <c>ReferenceMerges</c>), newest first.</summary>
public interface IReferenceMergeLog
{
    Task AddAsync(ReferenceMerge merge, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReferenceMerge>> ListAsync(int count, CancellationToken cancellationToken);
}

/// <summary>The outcome of a merge request: done (with the record), or the field and message of the refusal.</summary>
public sealed record MergeOutcome(ReferenceMerge? Merge, string? Field, string? Vietnamese, string? English);

/// <summary>
/// Officers merge stray values of existing records into the controlled lists: a commune typed in a way the list did
/// not place ("Mỹ Hào", "TT Như Quỳnh") into an official commune of the same province, or a free-text sector into a
/// listed sector group. Each changed record keeps what was first submitted (<see cref="ProposalSubmission.CommuneAsSubmitted"/>,
/// and the sector's text as its detail), its statistics move with it, and the merge is recorded in the history.
/// </summary>
public sealed class PlaceMerges(IProposalRepository proposals, GeographyService geography, IReferenceMergeLog log, TimeProvider time)
{
    public const string CommuneMerge = "commune";
    public const string SectorMerge = "sector";

    public async Task<MergeOutcome> MergeCommuneAsync(string province, string from, string toCode, string by, CancellationToken cancellationToken)
    {
        if (!ProvinceCatalog.TryResolveCurrent(province, out var current))
        {
            return new MergeOutcome(null, "province", "Không tìm thấy tỉnh, thành phố này.", "Unknown province.");
        }

        var directory = await geography.DirectoryAsync(current.Code, cancellationToken);
        var target = directory.Current.FirstOrDefault(c => string.Equals(c.CommuneCode, toCode?.Trim(), StringComparison.Ordinal));
        if (target is null)
        {
            return new MergeOutcome(null, "to", $"Mã xã \"{toCode}\" không có trong danh sách hiện nay của {current.FullName}.",
                $"Commune code \"{toCode}\" is not in today's list of {current.EnglishName}.");
        }

        var key = CommuneDirectory.Key(from);
        if (key.Length == 0)
        {
            return new MergeOutcome(null, "from", "Vui lòng nhập giá trị cần gộp.", "Give the value to merge.");
        }

        var changed = await UpdateAsync(p => p.Submission.Province == current.Code && CommuneDirectory.Key(p.Submission.Commune) == key
                && p.Submission.CommuneCode != target.CommuneCode,
            s => s with
            {
                Commune = target.CommuneName,
                CommuneCode = target.CommuneCode,
                CommuneAsSubmitted = s.CommuneAsSubmitted ?? s.Commune,
            },
            cancellationToken);
        return await RecordAsync(CommuneMerge, current.Code, from, target.CommuneCode, target.CommuneName, by, changed, cancellationToken);
    }

    public async Task<MergeOutcome> MergeSectorAsync(string from, string toCode, string by, CancellationToken cancellationToken)
    {
        if (!SectorCatalog.TryParse(toCode, out var target) || target.FreeText)
        {
            return new MergeOutcome(null, "to", "Vui lòng chọn một nhóm ngành nghề trong danh sách (không phải \"Khác\").",
                "Choose a sector group of the list (not \"other\").");
        }

        var folded = VietnameseText.Fold(from).Trim();
        if (folded.Length == 0)
        {
            return new MergeOutcome(null, "from", "Vui lòng nhập giá trị cần gộp.", "Give the value to merge.");
        }

        var changed = await UpdateAsync(p => p.Submission.SectorCode == SectorCatalog.Other && VietnameseText.Fold(p.Submission.Sector).Trim() == folded,
            s => s with { SectorCode = target.Code },
            cancellationToken);
        return await RecordAsync(SectorMerge, string.Empty, from, target.Code, target.ShortVi, by, changed, cancellationToken);
    }

    public Task<IReadOnlyList<ReferenceMerge>> HistoryAsync(int count, CancellationToken cancellationToken) => log.ListAsync(count, cancellationToken);

    private async Task<List<string>> UpdateAsync(Func<Proposal, bool> matches, Func<ProposalSubmission, ProposalSubmission> change, CancellationToken cancellationToken)
    {
        var changed = new List<string>();
        foreach (var year in await proposals.ListYearsAsync(cancellationToken))
        {
            foreach (var summary in await proposals.ListAsync(new ProposalListQuery(year, null, null, null), cancellationToken))
            {
                var proposal = await proposals.GetAsync(summary.Id, cancellationToken);
                if (proposal is not null && matches(proposal) && await proposals.UpdateSubmissionAsync(proposal.Id, change(proposal.Submission), cancellationToken))
                {
                    changed.Add(proposal.Id);
                }
            }
        }

        return changed;
    }

    private async Task<MergeOutcome> RecordAsync(string what, string province, string from, string to, string toName, string by, List<string> changed, CancellationToken cancellationToken)
    {
        var merge = new ReferenceMerge(Guid.CreateVersion7().ToString("N"), what, province, VietnameseText.Normalize(from), to, toName, by, time.GetUtcNow(), changed);
        await log.AddAsync(merge, cancellationToken);
        return new MergeOutcome(merge, null, null, null);
    }
}
