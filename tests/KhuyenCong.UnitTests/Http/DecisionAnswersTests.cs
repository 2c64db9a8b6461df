using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.UnitTests.Http;

/// <summary>A decision mapped to the API's answer, with a route's own wording.</summary>
public class DecisionAnswersTests
{
    private static readonly Bilingual Reason = new("Lý do", "Reason");

    private static ProblemDetails Problem(IActionResult result) => Assert.IsAssignableFrom<ProblemDetails>(Assert.IsType<ObjectResult>(result).Value);

    [Fact]
    public void Answer_Done_UsesTheRoutesMapping() =>
        Assert.Equal(7, Assert.IsType<OkObjectResult>(Decision<int>.Done(7).Answer(Language.Vietnamese, v => new OkObjectResult(v))).Value);

    [Fact]
    public void Answer_InvalidWithWording_UsesItsTitleDetailAndStatusInTheRequestsLanguage()
    {
        var decision = Decision<int>.Invalid(new BilingualErrors().Add("rows[3].x", new Bilingual("sai", "wrong")));
        var wording = new ProblemWording(new Bilingual("Tệp có lỗi.", "The file has errors."), new Bilingual("Sửa các dòng.", "Correct the rows."), 422);

        var problem = Assert.IsType<ValidationProblemDetails>(Problem(decision.Answer(Language.English, _ => new OkResult(), wording)));

        Assert.Equal((422, "The file has errors.", "Correct the rows."), (problem.Status!.Value, problem.Title!, problem.Detail!));
        Assert.Equal(["wrong"], problem.Errors["rows[3].x"]);
    }

    [Fact]
    public void Answer_InvalidWithoutWording_TheGeneralTitle()
    {
        var problem = Problem(Decision<int>.Invalid(new BilingualErrors().Add("x", Reason)).Answer(Language.Vietnamese, _ => new OkResult()));

        Assert.Equal((400, "Yêu cầu không hợp lệ."), (problem.Status!.Value, problem.Title!));
    }

    [Theory]
    [InlineData(false, "Không thực hiện được do trạng thái hiện tại.")]
    [InlineData(true, "Dữ liệu đã được người khác thay đổi.")]
    public void Answer_Conflict_409UnderTheTitleOfItsKind(bool edit, string title)
    {
        var problem = Problem(Decision<int>.Conflict(Reason).Answer(Language.Vietnamese, _ => new OkResult(), new ProblemWording(EditConflicts: edit)));

        Assert.Equal((409, title, "Lý do"), (problem.Status!.Value, problem.Title!, problem.Detail!));
    }

    [Fact]
    public async Task AnswerAsync_Refusal_DoesNotRunTheDoneMapping()
    {
        var ran = false;

        var result = await Decision<int>.NotFound(Reason).AnswerAsync(Language.English, _ =>
        {
            ran = true;
            return Task.FromResult<IActionResult>(new OkResult());
        });

        Assert.False(ran);
        Assert.Equal((404, "Reason"), (Problem(result).Status!.Value, Problem(result).Detail!));
    }
}
