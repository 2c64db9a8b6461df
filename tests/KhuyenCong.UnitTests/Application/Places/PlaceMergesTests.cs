using KhuyenCong.Application.Places;

namespace KhuyenCong.UnitTests.Application.Places;

/// <summary>Merging stray commune and sector values (issue 14 line 4): what a request must name, refused before anything changes.</summary>
[Collection(UseCaseCollection.Name)]
public class PlaceMergesTests(UseCaseStorage storage)
{
    private PlaceMerges Merges => storage.Get<PlaceMerges>();

    [Fact]
    public async Task MergeCommuneAsync_NothingGiven_InvalidNamingProvinceFromAndTo()
    {
        var errors = DecisionAssert.InvalidFields(await Merges.MergeCommuneAsync(new MergeForm(null, " ", null), UseCaseStorage.Officer, CancellationToken.None),
            "province", "from", "to");

        Assert.Equal(PlaceMerges.FromRequired.English, errors.In(KhuyenCong.Domain.Text.Language.English)["from"][0]);
    }

    [Fact]
    public async Task MergeCommuneAsync_CodeNotInTodaysList_InvalidNamingTo()
    {
        var errors = DecisionAssert.InvalidFields(
            await Merges.MergeCommuneAsync(new MergeForm("hung-yen", "TT Như Quỳnh", "99999"), UseCaseStorage.Officer, CancellationToken.None), "to");

        Assert.Equal("Mã xã \"99999\" không có trong danh sách hiện nay của tỉnh Hưng Yên.", errors.In(KhuyenCong.Domain.Text.Language.Vietnamese)["to"][0]);
    }

    [Fact]
    public async Task MergeSectorAsync_IntoOther_InvalidNamingTo()
    {
        DecisionAssert.Invalid(await Merges.MergeSectorAsync(new MergeForm(null, "Cơ khí nhỏ", "other"), UseCaseStorage.Officer, CancellationToken.None),
            "to", PlaceMerges.SectorNotListed);
    }
}
