using KhuyenCong.Application.Common;
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

/// <summary>A merge as an officer sends it: the province (communes only), the stray value and the official code to merge it into.</summary>
public sealed record MergeForm(string? Province, string? From, string? To);

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

    public const int MaxValue = 200;

    /// <summary>The title of the answer to an invalid merge.</summary>
    public static readonly Bilingual InvalidMerge = new("Yêu cầu gộp chưa hợp lệ.", "The merge has errors.");

    public static readonly Bilingual ProvinceRequired = new("Vui lòng chọn tỉnh, thành phố.", "Choose the province.");

    public static readonly Bilingual FromRequired = new("Vui lòng nhập giá trị cần gộp (tối đa 200 ký tự).", "Give the value to merge (at most 200 characters).");

    public static readonly Bilingual ToRequired = new("Vui lòng chọn giá trị chính thức (mã) để gộp vào.", "Choose the official value (its code) to merge into.");

    public static readonly Bilingual SectorNotListed = new(
        "Vui lòng chọn một nhóm ngành nghề trong danh sách (không phải \"Khác\").", "Choose a sector group of the list (not \"other\").");

    /// <summary>
    /// Every record of the province whose commune reads as <see cref="MergeForm.From"/> becomes the official commune
    /// <see cref="MergeForm.To"/> (a code of today's list); invalid naming <c>province</c>, <c>from</c> or <c>to</c>.
    /// </summary>
    public async Task<Decision<ReferenceMerge>> MergeCommuneAsync(MergeForm form, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = Validate(form, commune: true);
        if (!errors.IsEmpty)
        {
            return Decision<ReferenceMerge>.Invalid(errors);
        }

        if (!ProvinceCatalog.TryResolveCurrent(form.Province, out var current))
        {
            return Decision<ReferenceMerge>.Invalid(new BilingualErrors().Add("province", "Không tìm thấy tỉnh, thành phố này.", "Unknown province."));
        }

        var directory = await geography.DirectoryAsync(current.Code, cancellationToken);
        var target = directory.Current.FirstOrDefault(c => string.Equals(c.CommuneCode, form.To!.Trim(), StringComparison.Ordinal));
        if (target is null)
        {
            return Decision<ReferenceMerge>.Invalid(new BilingualErrors().Add("to", $"Mã xã \"{form.To}\" không có trong danh sách hiện nay của {char.ToLowerInvariant(current.FullName[0]) + current.FullName[1..]}.",
                $"Commune code \"{form.To}\" is not in today's list of {current.EnglishName}."));
        }

        var key = CommuneDirectory.Key(form.From);
        var changed = await UpdateAsync(p => p.Submission.Province == current.Code && CommuneDirectory.Key(p.Submission.Commune) == key
                && p.Submission.CommuneCode != target.CommuneCode,
            s => s with
            {
                Commune = target.CommuneName,
                CommuneCode = target.CommuneCode,
                CommuneAsSubmitted = s.CommuneAsSubmitted ?? s.Commune,
            },
            cancellationToken);
        return await RecordAsync(CommuneMerge, current.Code, form.From!, target.CommuneCode, target.CommuneName, by, changed, cancellationToken);
    }

    /// <summary>Every record with sector "other" and text <see cref="MergeForm.From"/> joins the listed sector group <see cref="MergeForm.To"/>.</summary>
    public async Task<Decision<ReferenceMerge>> MergeSectorAsync(MergeForm form, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = Validate(form, commune: false);
        if (errors.IsEmpty && (!SectorCatalog.TryParse(form.To, out var listed) || listed.FreeText))
        {
            errors.Add("to", SectorNotListed);
        }

        if (!errors.IsEmpty || !SectorCatalog.TryParse(form.To, out var target))
        {
            return Decision<ReferenceMerge>.Invalid(errors);
        }

        var folded = VietnameseText.Fold(form.From).Trim();
        var changed = await UpdateAsync(p => p.Submission.SectorCode == SectorCatalog.Other && VietnameseText.Fold(p.Submission.Sector).Trim() == folded,
            s => s with { SectorCode = target.Code },
            cancellationToken);
        return await RecordAsync(SectorMerge, string.Empty, form.From!, target.Code, target.ShortVi, by, changed, cancellationToken);
    }

    private static BilingualErrors Validate(MergeForm form, bool commune)
    {
        var errors = new BilingualErrors();
        static bool Given(string? value) => !string.IsNullOrWhiteSpace(value) && value.Length <= MaxValue && !VietnameseText.HasForbiddenCharacters(value);
        if (commune && !Given(form.Province))
        {
            errors.Add("province", ProvinceRequired);
        }

        if (!Given(form.From) || (commune ? CommuneDirectory.Key(form.From) : VietnameseText.Fold(form.From).Trim()).Length == 0)
        {
            errors.Add("from", FromRequired);
        }

        if (!Given(form.To))
        {
            errors.Add("to", ToRequired);
        }

        return errors;
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

    private async Task<Decision<ReferenceMerge>> RecordAsync(string what, string province, string from, string to, string toName, string by, List<string> changed, CancellationToken cancellationToken)
    {
        var merge = new ReferenceMerge(Guid.CreateVersion7().ToString("N"), what, province, VietnameseText.Normalize(from), to, toName, by, time.GetUtcNow(), changed);
        await log.AddAsync(merge, cancellationToken);
        return Decision<ReferenceMerge>.Done(merge);
    }
}
