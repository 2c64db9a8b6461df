using KhuyenCong.Web.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace KhuyenCong.UnitTests.Functions;

/// <summary>The ranking's and the plan's staff forms read into the inputs the JSON routes take.</summary>
public class CycleFormsTests
{
    private static FormCollection Form(params (string Name, string Value)[] fields) =>
        new(fields.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => new StringValues(g.Select(f => f.Value).ToArray())));

    [Fact]
    public void Selection_LinesByIndex_CheckboxGroupedAmountEmptyDefaultAndNonsenseAsZero()
    {
        var input = CycleForms.Selection(Form(
            ("csrfToken", "t"),
            ("lines[0].proposalId", "p1"), ("lines[0].included", "true"), ("lines[0].amount", "1.234.567"), ("lines[0].ifLeftOut", "not-selected"), ("lines[0].reason", " "),
            ("lines[1].proposalId", "p2"), ("lines[1].amount", ""), ("lines[1].ifLeftOut", "reserve"), ("lines[1].reason", "Thiếu vốn đối ứng"),
            ("lines[2].proposalId", "p3"), ("lines[2].included", "true"), ("lines[2].amount", "một triệu"),
            ("lines[4].proposalId", "p5")));

        Assert.Equal(3, input.Lines!.Count);
        Assert.Equal(new("p1", true, 1_234_567, "not-selected", null), input.Lines[0]);
        Assert.Equal(new("p2", false, null, "reserve", "Thiếu vốn đối ứng"), input.Lines[1]);
        Assert.Equal(0, input.Lines[2].Amount);
    }

    [Fact]
    public void SubmissionAndDecision_Fields_NumberDateAndTheDecisionsLines()
    {
        var form = Form(("number", "2150/QĐ-UBND"), ("date", "2026-12-01"),
            ("lines[0].proposalId", "p1"), ("lines[0].included", "true"), ("lines[0].amount", "95.000.000"),
            ("lines[1].proposalId", "p2"), ("lines[1].ifNotIncluded", "reserve"));

        var submission = CycleForms.Submission(form);
        var decision = CycleForms.Decision(form);

        Assert.Equal(new("2150/QĐ-UBND", "2026-12-01"), submission);
        Assert.Equal("2150/QĐ-UBND", decision.Number);
        Assert.Equal(new("p1", true, 95_000_000, null), decision.Lines![0]);
        Assert.Equal(new("p2", false, null, "reserve"), decision.Lines[1]);
    }
}
