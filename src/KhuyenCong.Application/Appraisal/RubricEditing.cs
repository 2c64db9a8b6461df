using System.Globalization;
using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Appraisal;

/// <summary>One criterion of a rubric as an administrator sends it.</summary>
public sealed record RubricCriterionForm(string? Code, string? NameVi, string? NameEn, string? DescriptionVi, string? DescriptionEn, int? MaxPoints);

/// <summary>
/// A rubric as an administrator sends it: <paramref name="Id"/>, when given, must be the rubric in use;
/// <paramref name="Version"/> is the version it was edited from (the current one when not given);
/// <paramref name="TotalPoints"/>, when given, must equal the sum of the criteria's maximum points.
/// </summary>
public sealed record RubricForm(string? Id, int? Version, int? PassMark, int? TotalPoints, IReadOnlyList<RubricCriterionForm?>? Criteria);

/// <summary>
/// Saving the council's scoring rubric (<c>PUT /api/rubric</c>, administrators) as the next version of the rubric in
/// use, under <see cref="RubricRules"/>. Old versions never change (reviews keep the version they were scored
/// against); of two saves edited from the same version, the first wins and the second is a conflict.
/// </summary>
public sealed class RubricEditing(IRubricStore rubrics, ILogger<RubricEditing> logger)
{
    /// <summary>The title of the answer to an invalid rubric.</summary>
    public static readonly Bilingual InvalidRubric = new("Thang điểm chưa hợp lệ.", "The rubric has errors.");

    public static readonly Bilingual NoSuchVersion = new("Không có phiên bản thang điểm này.", "No such rubric version.");

    /// <summary>Done: the rubric as saved, with its new version.</summary>
    public async Task<Decision<Rubric>> SaveAsync(RubricForm form, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var current = await rubrics.GetCurrentAsync(cancellationToken);
        var errors = new BilingualErrors();
        if (form.Id is not null && !string.Equals(form.Id.Trim(), current.Id, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("id", new Bilingual($"Chỉ sửa được thang điểm đang dùng (\"{current.Id}\").", $"Only the rubric in use (\"{current.Id}\") can be edited."));
        }

        if (form.Version is < 1)
        {
            errors.Add("version", new Bilingual("version phải là số phiên bản (từ 1 trở lên).", "version must be a version number (1 or more)."));
        }

        var draft = RubricRules.Normalize(new Rubric(current.Id, form.Version ?? current.Version, (form.Criteria ?? []).Select(Criterion).ToList(), form.PassMark ?? 0));
        FieldErrorsInBoth.Validate(language => RubricRules.Validate(draft, form.TotalPoints, language), errors);
        if (!errors.IsEmpty)
        {
            return Decision<Rubric>.Invalid(errors);
        }

        var result = await rubrics.SaveAsync(draft, by, cancellationToken);
        if (result.IsConflict)
        {
            var now = result.CurrentVersion.ToString(CultureInfo.InvariantCulture);
            return Decision<Rubric>.Conflict(new Bilingual(
                $"Thang điểm vừa được người khác lưu (nay là phiên bản {now}): vui lòng tải lại và sửa lại.",
                $"The rubric was saved by someone else meanwhile (now version {now}): reload it and apply your changes again."));
        }

        DecisionLog.RubricSaved(logger, result.Saved!.Id, result.Saved.Version);
        return Decision<Rubric>.Done(result.Saved);
    }

    /// <summary>One version of a rubric, from the route's text (<c>/api/rubrics/{id}/versions/{version}</c>).</summary>
    public async Task<Decision<Rubric>> GetVersionAsync(string id, string version, CancellationToken cancellationToken)
    {
        var rubric = int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? await rubrics.GetAsync(id, number, cancellationToken) : null;
        return rubric is null ? Decision<Rubric>.NotFound(NoSuchVersion) : Decision<Rubric>.Done(rubric);
    }

    private static RubricCriterion Criterion(RubricCriterionForm? k) =>
        new(k?.Code ?? string.Empty, k?.NameVi ?? string.Empty, k?.NameEn ?? string.Empty, k?.DescriptionVi, k?.DescriptionEn, k?.MaxPoints ?? 0);
}
