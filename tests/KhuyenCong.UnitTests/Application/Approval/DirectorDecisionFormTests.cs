using KhuyenCong.Application.Approval;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Application.Approval;

/// <summary>The rules of the director's decision form (<see cref="DirectorDecisionForm.Validate"/>), without storage.</summary>
public class DirectorDecisionFormTests
{
    private const long Requested = 250_000_000;
    private const long Max = 200_000_000;

    private static (ValidDirectorDecision? Valid, BilingualErrors Errors) Validate(DirectorDecisionForm form)
    {
        var errors = new BilingualErrors();
        return (form.Validate(Requested, Max, "Nghị định 45/2012/NĐ-CP", errors), errors);
    }

    [Theory]
    [InlineData("200.000.000", 200_000_000)]
    [InlineData("200,000,000", 200_000_000)]
    [InlineData(" 1 ", 1)]
    public void Validate_ApproveWithinTheCap_GivesTheAmountNumberAndDate(string amount, long expected)
    {
        var (valid, errors) = Validate(new("approve", amount, " 125/QĐ-SCT ", "2026-11-30", "  "));

        Assert.True(errors.IsEmpty);
        Assert.Equal(new ValidDirectorDecision(DirectorOutcome.Approve, expected, "125/QĐ-SCT", new DateOnly(2026, 11, 30), null), valid);
    }

    [Theory]
    [InlineData(null, "1", "1/QĐ", "2026-11-30", "decision", "Vui lòng chọn quyết định")]
    [InlineData("approve", "", "1/QĐ", "2026-11-30", "amount", "Vui lòng nhập số tiền phê duyệt.")]
    [InlineData("approve", "250000001", "1/QĐ", "2026-11-30", "amount", "Số tiền phê duyệt phải từ 1 đến 250.000.000 đồng (số đề nghị hỗ trợ).")]
    [InlineData("approve", "hai trăm", "1/QĐ", "2026-11-30", "amount", "Số tiền phê duyệt phải từ 1 đến 250.000.000 đồng")]
    [InlineData("approve", "200000001", "1/QĐ", "2026-11-30", "amount", "Số tiền phê duyệt vượt mức trần hỗ trợ 200.000.000 đồng (Nghị định 45/2012/NĐ-CP).")]
    [InlineData("approve", "1", "123456789012345678901234567890123456789012345678901", "2026-11-30", "decisionNumber", "Số quyết định không được dài quá 50 ký tự.")]
    [InlineData("approve", "1", "1/QĐ", "31/02/2026", "decisionDate", "Ngày quyết định không hợp lệ")]
    [InlineData("approve", "1", "1/QĐ", "1999-12-31", "decisionDate", "Ngày quyết định không hợp lệ")]
    [InlineData("reject", null, null, null, "comment", "Vui lòng nêu lý do không phê duyệt")]
    [InlineData("revise", null, null, null, "comment", "Vui lòng nêu nội dung cần chỉnh sửa, bổ sung")]
    public void Validate_OneProblem_NamesItsFieldOnly(string? decision, string? amount, string? number, string? date, string field, string message)
    {
        var (valid, errors) = Validate(new(decision, amount, number, date, null));

        Assert.Null(valid);
        Assert.Equal([field], errors.Fields);
        Assert.StartsWith(message, Assert.Single(errors.In(Language.Vietnamese)[field]), StringComparison.Ordinal);
        Assert.NotEqual(errors.In(Language.Vietnamese)[field], errors.In(Language.English)[field]);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void Validate_ApproveWithoutNumberAndDate_IsValid_ForAnOfficerToRecordLater(string? number, string? date)
    {
        var (valid, errors) = Validate(new("approve", "200.000.000", number, date, null));

        Assert.True(errors.IsEmpty);
        Assert.Equal(new ValidDirectorDecision(DirectorOutcome.Approve, 200_000_000, null, null, null), valid);
    }

    [Fact]
    public void Validate_DecisionDateAsTypedDayMonthYear_IsTheDate()
    {
        var (valid, _) = Validate(new("approve", "1", "1/QĐ", "30/11/2026", null));

        Assert.Equal(new DateOnly(2026, 11, 30), valid!.DecisionDate);
    }

    [Fact]
    public void Validate_RejectWithAReason_NeedsNoAmount_AndATooLongCommentIsRefusedAfterTheOtherFields()
    {
        var (rejected, none) = Validate(new("reject", "abc", null, null, "Không phù hợp."));
        var (_, tooLong) = Validate(new("approve", "", "", "", new string('x', 4001)));

        Assert.Equal(new ValidDirectorDecision(DirectorOutcome.Reject, null, null, null, "Không phù hợp."), rejected);
        Assert.True(none.IsEmpty);
        Assert.Equal(["amount", "comment"], tooLong.Fields);
        Assert.Equal("At most 4000 characters.", Assert.Single(tooLong.In(Language.English)["comment"]));
    }
}
