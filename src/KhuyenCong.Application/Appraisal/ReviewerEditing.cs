using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Appraisal;

/// <summary>
/// Adding, editing and deactivating council reviewers (<c>/api/reviewers</c>, officers). The details are checked by
/// <see cref="ReviewerValidator"/>; a reviewer is never deleted, only made inactive (kept for history, never chosen
/// again); an edit keeps the open-review count and may make the reviewer active again.
/// </summary>
public sealed class ReviewerEditing(IReviewerRoster roster)
{
    public static readonly Bilingual NoSuchReviewer = new("Không có thành viên hội đồng này.", "No such reviewer.");

    /// <summary>The title of the answer to invalid details.</summary>
    public static readonly Bilingual InvalidDetails = new("Thông tin thành viên hội đồng chưa hợp lệ.", "The reviewer's details have errors.");

    /// <summary>Adds a reviewer under a new id (active unless <paramref name="active"/> says otherwise).</summary>
    public async Task<Decision<RosterEntry>> AddAsync(ReviewerForm form, bool? active, string by, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7().ToString("N");
        var errors = new BilingualErrors();
        var reviewer = FieldErrorsInBoth.Validate(language => ReviewerValidator.Validate(form, id, active ?? true, language), errors);
        if (reviewer is null)
        {
            return Decision<RosterEntry>.Invalid(errors);
        }

        await roster.CreateAsync(reviewer, by, cancellationToken);
        return Decision<RosterEntry>.Done(new RosterEntry(reviewer, 0));
    }

    /// <summary>Replaces a reviewer's details; <paramref name="active"/>, when given, makes them active or inactive.</summary>
    public async Task<Decision<RosterEntry>> EditAsync(string id, ReviewerForm form, bool? active, string by, CancellationToken cancellationToken)
    {
        var existing = await roster.GetAsync(id, cancellationToken);
        if (existing is null)
        {
            return Decision<RosterEntry>.NotFound(NoSuchReviewer);
        }

        var errors = new BilingualErrors();
        var reviewer = FieldErrorsInBoth.Validate(language => ReviewerValidator.Validate(form, existing.Reviewer.Id, active ?? existing.Reviewer.Active, language), errors);
        if (reviewer is null)
        {
            return Decision<RosterEntry>.Invalid(errors);
        }

        var updated = await roster.UpdateAsync(reviewer, by, cancellationToken);
        return updated is null ? Decision<RosterEntry>.NotFound(NoSuchReviewer) : Decision<RosterEntry>.Done(updated);
    }

    /// <summary>Makes a reviewer inactive.</summary>
    public async Task<Decision<RosterEntry>> DeactivateAsync(string id, string by, CancellationToken cancellationToken)
    {
        var entry = await roster.DeactivateAsync(id, by, cancellationToken);
        return entry is null ? Decision<RosterEntry>.NotFound(NoSuchReviewer) : Decision<RosterEntry>.Done(entry);
    }
}
