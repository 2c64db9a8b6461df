using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Programmes;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Programmes;

/// <summary>A programme with the progress of each target and how many proposals count towards it (null: not computed).</summary>
public sealed record ProgrammeView(ProgrammeRecord Record, IReadOnlyList<TargetProgress>? Targets, int? ProposalCount);

/// <summary>
/// Creating and editing khuyến công programmes (<c>/api/programmes</c>, officers), under <see cref="ProgrammeRules"/>.
/// An edit names the version it started from: of two edits of one version, the first wins and the second is a conflict.
/// </summary>
public sealed class ProgrammeEditing(IProgrammeStore store, ProgrammeProgress progress)
{
    /// <summary>The title of the answer to an invalid programme.</summary>
    public static readonly Bilingual InvalidProgramme = new("Thông tin chương trình chưa hợp lệ.", "The programme has errors.");

    public static readonly Bilingual NoSuchProgramme = new("Không có chương trình này.", "No such programme.");

    public static readonly Bilingual VersionRequired = new(
        "Vui lòng gửi phiên bản đã sửa (trường \"version\" của chương trình khi đọc).", "Send the version you edited (the \"version\" of the programme as read).");

    public static readonly Bilingual Stale = new(
        "Người khác đã lưu phiên bản mới hơn của chương trình này: vui lòng tải lại rồi sửa lại.",
        "Someone saved a newer version of this programme: reload it, then make your changes again.");

    /// <summary>Creates a programme as version 1 under a new id. Done: the programme, every target at 0 (no proposal is assigned yet).</summary>
    public async Task<Decision<ProgrammeView>> CreateAsync(ProgrammeForm form, string by, CancellationToken cancellationToken)
    {
        var errors = new BilingualErrors();
        var id = Guid.CreateVersion7().ToString("N");
        var programme = FieldErrorsInBoth.Validate(language => ProgrammeRules.Validate(form, id, language), errors);
        if (programme is null)
        {
            return Decision<ProgrammeView>.Invalid(errors);
        }

        var record = await store.CreateAsync(programme, by, cancellationToken);
        return Decision<ProgrammeView>.Done(new ProgrammeView(record, ProgrammeMeasures.Progress(programme, []), 0));
    }

    /// <summary>Replaces a programme edited from <paramref name="version"/>. Done: the programme with its progress.</summary>
    public async Task<Decision<ProgrammeView>> UpdateAsync(string id, ProgrammeForm form, int? version, string by, CancellationToken cancellationToken)
    {
        var errors = new BilingualErrors();
        var programme = FieldErrorsInBoth.Validate(language => ProgrammeRules.Validate(form, id, language), errors);
        if (version is not >= 1)
        {
            errors.Add("version", VersionRequired);
        }

        if (programme is null || !errors.IsEmpty)
        {
            return Decision<ProgrammeView>.Invalid(errors);
        }

        var (outcome, record) = await store.UpdateAsync(programme, version!.Value, by, cancellationToken);
        return outcome switch
        {
            SaveOutcome.NotFound => Decision<ProgrammeView>.NotFound(NoSuchProgramme),
            SaveOutcome.Stale => Decision<ProgrammeView>.Conflict(Stale),
            _ => Decision<ProgrammeView>.Done(await ViewAsync(record!, cancellationToken)),
        };
    }

    /// <summary>One programme with the progress of each target.</summary>
    public async Task<Decision<ProgrammeView>> GetAsync(string id, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(id, cancellationToken);
        return record is null ? Decision<ProgrammeView>.NotFound(NoSuchProgramme) : Decision<ProgrammeView>.Done(await ViewAsync(record, cancellationToken));
    }

    private async Task<ProgrammeView> ViewAsync(ProgrammeRecord record, CancellationToken cancellationToken)
    {
        var (targets, count) = await progress.ComputeAsync(record.Programme, cancellationToken);
        return new ProgrammeView(record, targets, count);
    }
}
