using System.Text.Json;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Components;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Problems;
using Microsoft.AspNetCore.Mvc;
using static KhuyenCong.UnitTests.Web.Components.ComponentRendering;

namespace KhuyenCong.UnitTests.Web.Components;

public class ProblemTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Problems_FieldsInEnglish_TypedValidationProblemReadBackByThePages()
    {
        var errors = new Dictionary<string, IReadOnlyList<string>> { ["amount"] = ["Enter an amount."] };

        var result = Problems.Fields(errors, Language.English);

        var answer = Assert.IsType<ObjectResult>(result);
        Assert.Equal(400, answer.StatusCode);
        Assert.Equal(["application/problem+json"], answer.ContentTypes);
        Assert.IsType<ValidationProblemDetails>(answer.Value);
        var problem = ProblemReader.Read(result)!;
        Assert.Equal(400, problem.Status);
        Assert.Equal("The request is not valid.", problem.Title);
        Assert.Equal("Correct the fields listed in errors and send again.", problem.Detail);
        Assert.Equal(["Enter an amount."], problem.Errors["amount"]);
    }

    [Fact]
    public void ProblemBuilder_Serialized_Rfc9457MembersAndExtensionsAtTheTop()
    {
        var problem = ProblemBuilder.Create(409, "Không đủ ngân sách.", "Còn lại 5.000.000 đồng.",
            new Dictionary<string, IReadOnlyList<string>> { ["amount"] = ["Quá số còn lại."] },
            new Dictionary<string, object?> { ["remaining"] = 5_000_000L });

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(problem, problem.GetType(), Web));

        var root = json.RootElement;
        Assert.Equal("https://httpstatuses.io/409", root.GetProperty("type").GetString());
        Assert.Equal("Không đủ ngân sách.", root.GetProperty("title").GetString());
        Assert.Equal(409, root.GetProperty("status").GetInt32());
        Assert.Equal("Còn lại 5.000.000 đồng.", root.GetProperty("detail").GetString());
        Assert.Equal("Quá số còn lại.", root.GetProperty("errors").GetProperty("amount")[0].GetString());
        Assert.Equal(5_000_000L, root.GetProperty("remaining").GetInt64());
        Assert.False(root.TryGetProperty("instance", out _));
    }

    [Fact]
    public void ProblemReader_NotAProblem_Null()
    {
        Assert.Null(ProblemReader.Read(new OkObjectResult(new { id = "x" })));
        Assert.Null(ProblemReader.Read(null));
    }

    [Fact]
    public async Task ProblemPanel_Problem_DetailAndErrorsLinkedToTheirFields()
    {
        var problem = ProblemReader.Read(Problems.Status(404, "Không có đề án này.", Language.Vietnamese))!;
        var withErrors = ProblemReader.Read(Problems.Fields(new Dictionary<string, IReadOnlyList<string>> { ["reason"] = ["Vui lòng nêu lý do."] }, Language.Vietnamese))!;

        var html = await RenderAsync<ProblemPanel>(Language.Vietnamese, ("Problem", problem));
        var linked = await RenderAsync<ProblemPanel>(Language.Vietnamese, ("Problem", withErrors), ("LinkToFields", true));

        Assert.Equal("Không tìm thấy.", problem.Title);
        Assert.Contains("<p id=\"problem-detail\">Không có đề án này.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<ul", html, StringComparison.Ordinal);
        Assert.Contains("<li data-field=\"reason\"><a href=\"#reason\">Vui lòng nêu lý do.</a></li>", linked, StringComparison.Ordinal);
    }
}

public class LanguageSwitchTests
{
    [Fact]
    public void QueryName_IsTheParameterRequestLanguageReads()
    {
        Assert.Equal(KhuyenCong.Web.Http.RequestLanguage.QueryName, KhuyenCong.Web.Rendering.LanguageSwitch.QueryName);
    }

    [Fact]
    public void Href_OtherQueryValuesKept_LangReplaced()
    {
        var request = WebTestSupport.Request("/staff/proposals?year=2026&lang=vi&q=H%C6%B0ng%20Y%C3%AAn");

        Assert.Equal("/staff/proposals?year=2026&q=H%C6%B0ng%20Y%C3%AAn&lang=en",
            KhuyenCong.Web.Rendering.LanguageSwitch.Href(request, KhuyenCong.Domain.Text.Language.English));
    }
}
