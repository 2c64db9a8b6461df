using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Applicants;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.UnitTests.Domain.Reference;

/// <summary>Documents required per kind and per call (issue 14 line 5): the call's list for the kind replaces the kind's own.</summary>
public class CallDocumentsTests
{
    private static Call CallRequiring(string kind, params string[] documents) => new("c1", 2027, FundingSource.National, "Đợt KCQG 2027",
        new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31), [], new Dictionary<string, IReadOnlyList<string>> { [kind] = documents }, null, "test",
        DateTimeOffset.UnixEpoch, 1);

    [Fact]
    public void Required_CallWithAListForTheKind_IsTheCallsListWithCatalogueDocumentsByCodeOrName()
    {
        var call = CallRequiring("machinery", "dang-ky-kinh-doanh", "du toan kinh phi chi tiet", "Bản vẽ mặt bằng nhà xưởng");

        var required = CallDocuments.Required(ActivityCatalog.Get("machinery"), EntityRole.Establishment, call);

        Assert.Equal(["dang-ky-kinh-doanh", "du-toan", "call-ban-ve-mat-bang-nha-xuong"], required.Select(d => d.Code));
        Assert.Equal("Bản vẽ mặt bằng nhà xưởng", required[2].Vi);
    }

    [Fact]
    public void Required_NoCallOrNoListForTheKind_IsTheActivitysOwnList()
    {
        var machinery = ActivityCatalog.Get("machinery");
        var own = DossierDocuments.Required(machinery, EntityRole.Establishment);

        Assert.Equal(own, CallDocuments.Required(machinery, EntityRole.Establishment, null));
        Assert.Equal(own, CallDocuments.Required(machinery, EntityRole.Establishment, CallRequiring("training", "Danh sách học viên")));
    }

    [Fact]
    public void CodeOf_AMarkByTheCallsTextOrCode_IsTheCallsDocumentAndAnUnknownMarkIsNull()
    {
        var required = CallDocuments.Required(ActivityCatalog.Get("machinery"), EntityRole.Establishment, CallRequiring("machinery", "Bản vẽ mặt bằng nhà xưởng"));

        Assert.Equal("call-ban-ve-mat-bang-nha-xuong", CallDocuments.CodeOf("ban ve mat bang nha xuong", required));
        Assert.Equal("call-ban-ve-mat-bang-nha-xuong", CallDocuments.CodeOf("call-ban-ve-mat-bang-nha-xuong", required));
        Assert.Equal("thuyet-minh", CallDocuments.CodeOf("thuyet-minh", required));
        Assert.Null(CallDocuments.CodeOf("giay-phep-bay", required));
    }
}
