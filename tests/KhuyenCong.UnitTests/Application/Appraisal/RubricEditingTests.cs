using KhuyenCong.Application.Appraisal;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Application.Appraisal;

/// <summary>Saving the rubric: only the rubric in use, under its rules, and of two saves from one version the first wins.</summary>
[Collection(UseCaseCollection.Name)]
public class RubricEditingTests(UseCaseStorage storage)
{
    private RubricEditing Editing => storage.Get<RubricEditing>();

    private static RubricForm Form(int? version, int passMark = 60, int? total = null) => new(null, version, passMark, total,
    [
        new RubricCriterionForm("necessity", "Sự cần thiết", "Necessity", null, null, 40),
        new RubricCriterionForm("effect", "Hiệu quả", "Effect", null, null, 60),
    ]);

    [Fact]
    public async Task SaveAsync_AnotherRubricAndVersion0_InvalidNamingIdAndVersionInBothLanguages()
    {
        var result = await Editing.SaveAsync(Form(0) with { Id = "other" }, "admin", CancellationToken.None);

        var errors = DecisionAssert.InvalidFields(result, "id", "version");
        Assert.Equal($"Chỉ sửa được thang điểm đang dùng (\"{DefaultRubric.Id}\").", errors.In(Language.Vietnamese)["id"][0]);
        Assert.Equal("version must be a version number (1 or more).", errors.In(Language.English)["version"][0]);
    }

    [Fact]
    public async Task SaveAsync_DeclaredTotalAndPassMarkWrong_InvalidByField()
    {
        DecisionAssert.InvalidFields(await Editing.SaveAsync(Form(null, passMark: 101, total: 90), "admin", CancellationToken.None), "totalPoints", "passMark");
    }

    [Fact]
    public async Task SaveAsync_FromTheCurrentVersion_SavesTheNext()
    {
        var current = await storage.Get<IRubricStore>().GetCurrentAsync(CancellationToken.None);

        var saved = DecisionAssert.Done(await Editing.SaveAsync(Form(current.Version), "admin", CancellationToken.None));

        Assert.Equal((current.Version + 1, 100, 60), (saved.Version, saved.TotalPoints, saved.PassMark));
    }

    [Fact]
    public async Task SaveAsync_TwoSavesFromOneVersion_OneWinsTheOtherConflictsNamingTheNewVersion()
    {
        var current = await storage.Get<IRubricStore>().GetCurrentAsync(CancellationToken.None);

        var results = await Task.WhenAll(Task.Run(() => Editing.SaveAsync(Form(current.Version, 55), "a", CancellationToken.None)),
            Task.Run(() => Editing.SaveAsync(Form(current.Version, 65), "b", CancellationToken.None)));

        var saved = Assert.Single(results, r => r.IsDone).Value!;
        var reason = DecisionAssert.Conflict(Assert.Single(results, r => !r.IsDone));
        Assert.Contains($"phiên bản {saved.Version}", reason.Vietnamese, StringComparison.Ordinal);
        Assert.Contains($"version {saved.Version}", reason.English, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetVersionAsync_NotANumberOrUnknown_NotFound()
    {
        Assert.Equal(RubricEditing.NoSuchVersion, DecisionAssert.NotFound(await Editing.GetVersionAsync(DefaultRubric.Id, "x1", CancellationToken.None)));
        Assert.Equal(RubricEditing.NoSuchVersion, DecisionAssert.NotFound(await Editing.GetVersionAsync(DefaultRubric.Id, "9999", CancellationToken.None)));
    }
}
