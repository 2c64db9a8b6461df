using KhuyenCong.Application.Appraisal;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Application.Appraisal;

/// <summary>Adding, editing and deactivating reviewers.</summary>
[Collection(UseCaseCollection.Name)]
public class ReviewerEditingTests(UseCaseStorage storage)
{
    private ReviewerEditing Editing => storage.Get<ReviewerEditing>();

    private static ReviewerForm Form(string? email) =>
        new("TS. Lê Văn Bình", email, null, "Trường Đại học Sư phạm Kỹ thuật Hưng Yên", ["machinery"], ["Cơ khí"], null, null);

    [Fact]
    public async Task AddAsync_BadEmailAndKind_InvalidByFieldInBothLanguages()
    {
        var result = await Editing.AddAsync(Form("not-an-email") with { Kinds = ["rockets"] }, null, "officer", CancellationToken.None);

        var errors = DecisionAssert.InvalidFields(result, "email", "kinds[0]");
        Assert.NotEqual(errors.In(Language.Vietnamese)["email"], errors.In(Language.English)["email"]);
    }

    [Fact]
    public async Task AddAsync_Valid_ActiveWithNoOpenReviews()
    {
        var entry = DecisionAssert.Done(await Editing.AddAsync(Form($"binh+{Guid.NewGuid():N}@khuyencong.test"), null, "officer", CancellationToken.None));

        Assert.Equal((true, 0), (entry.Reviewer.Active, entry.OpenReviews));
        Assert.NotNull(await storage.Get<IReviewerRoster>().GetAsync(entry.Reviewer.Id, CancellationToken.None));
    }

    [Fact]
    public async Task EditAsync_WithoutActive_KeepsTheReviewerInactive()
    {
        var id = DecisionAssert.Done(await Editing.AddAsync(Form($"binh+{Guid.NewGuid():N}@khuyencong.test"), null, "officer", CancellationToken.None)).Reviewer.Id;
        DecisionAssert.Done(await Editing.DeactivateAsync(id, "officer", CancellationToken.None));

        var edited = DecisionAssert.Done(await Editing.EditAsync(id, Form($"binh.moi+{Guid.NewGuid():N}@khuyencong.test"), null, "officer", CancellationToken.None));

        Assert.False(edited.Reviewer.Active);
    }

    [Fact]
    public async Task EditAndDeactivate_UnknownReviewer_NotFound()
    {
        var id = Guid.NewGuid().ToString("N");

        Assert.Equal(ReviewerEditing.NoSuchReviewer, DecisionAssert.NotFound(await Editing.EditAsync(id, Form("a@b.vn"), true, "officer", CancellationToken.None)));
        Assert.Equal(ReviewerEditing.NoSuchReviewer, DecisionAssert.NotFound(await Editing.DeactivateAsync(id, "officer", CancellationToken.None)));
    }
}
