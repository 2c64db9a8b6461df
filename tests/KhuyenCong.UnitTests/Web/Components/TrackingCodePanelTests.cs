using System.Text.RegularExpressions;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Pages.Tracking;
using KhuyenCong.Web.Problems;
using static KhuyenCong.UnitTests.Web.Components.ComponentRendering;

namespace KhuyenCong.UnitTests.Web.Components;

/// <summary>The confirmation's tracking code panel and the staff forms shown again (ADR 0030), rendered for real.</summary>
public class TrackingCodePanelTests
{
    [Fact]
    public async Task TrackingCodePanel_Code_GroupsWithTheHyphensAsTextAndASpeltOutLine()
    {
        var html = await RenderAsync<TrackingCodePanel>(Language.Vietnamese, ("Code", "KC-7H3Q-MX9P-2VBA-WD4R-TK"));

        var visual = Regex.Match(html, "<p class=\"tracking-code-large\" id=\"tracking-code\" aria-hidden=\"true\">(.*?)</p>").Groups[1].Value;
        Assert.Equal("KC-7H3Q-MX9P-2VBA-WD4R-TK", Regex.Replace(visual, "<[^>]+>", string.Empty));
        Assert.Equal(6, Regex.Matches(visual, "class=\"code-group\"").Count);
        Assert.Contains(">Mã theo dõi: K C, 7 H 3 Q, M X 9 P, 2 V B A, W D 4 R, T K</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void PostedAction_ErrorsOfTwoUnmappedFields_OneSummaryEntryAtTheFormWithBothMessages()
    {
        var problem = new ProblemView(400, "Dữ liệu không hợp lệ", null, new Dictionary<string, IReadOnlyList<string>>
        {
            ["paymentId"] = ["Mã thanh toán không hợp lệ."],
            ["body"] = ["Nội dung phải là đối tượng."],
            ["amount"] = ["Vui lòng nhập số tiền."],
        });
        var posted = new PostedAction("payment", new Dictionary<string, IReadOnlyList<string>> { ["amount"] = ["abc"] }, problem);

        var summary = posted.SummaryErrors;

        Assert.Equal(["Mã thanh toán không hợp lệ.", "Nội dung phải là đối tượng."], summary["form-payment"]);
        Assert.Equal(["Vui lòng nhập số tiền."], summary["payment-amount"]);
        Assert.Equal("abc", posted.Value("payment", "amount"));
        Assert.Null(posted.Value("contract", "amount"));
        Assert.Empty(posted.SummaryMessages);
    }

    [Fact]
    public void PostedAction_ConflictWithoutFields_DetailInTheSummaryAndItsFormOnly()
    {
        var posted = new PostedAction("contract", new Dictionary<string, IReadOnlyList<string>>(),
            new ProblemView(409, "Xung đột", "Đề án đang ở bước \"Đang kiểm tra\": chưa thể ghi hợp đồng lúc này.", new Dictionary<string, IReadOnlyList<string>>()));

        Assert.Equal(["Đề án đang ở bước \"Đang kiểm tra\": chưa thể ghi hợp đồng lúc này."], posted.SummaryMessages);
        Assert.Equal(posted.SummaryMessages[0], posted.FormMessage("contract"));
        Assert.Null(posted.FormMessage("payment"));
    }
}
