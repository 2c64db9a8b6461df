using System.Net;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Staff;

/// <summary>
/// <c>POST /api/proposals/{id}/decision-number</c>: the officer records the approval decision's number and date when
/// the director approved without them; only then, only once, never for a proposal not approved. JSON and the staff
/// page's form (a 303 back to the page, which then shows the number and no longer offers the form).
/// </summary>
[Collection(StaffCollection.Name)]
public class DecisionNumberTests(LocalHostFixture fixture)
{
    private readonly StaffScenario scenario = new(fixture.Host);

    /// <summary>Approved by the director without a number: the approval stored and applied to the record, as the workflow does.</summary>
    private async Task<string> ApprovedWithoutNumberAsync()
    {
        var (id, _) = await scenario.CommittedAsync(180_000_000, ProposalStatus.Approved);
        Assert.True(await scenario.Cases.SaveApprovalAsync(id, new ApprovalRecord(1, DirectorOutcome.Approve, 180_000_000, null, null, null, "Giám đốc", DateTimeOffset.UtcNow), CancellationToken.None));
        var proposal = (await scenario.Proposals.GetAsync(id, CancellationToken.None))!;
        Assert.True(await scenario.Proposals.SaveFundingAsync(id, proposal.Funding with { ApprovedAmount = 180_000_000 }, CancellationToken.None));
        return id;
    }

    [Fact]
    public async Task DecisionNumber_ApprovedWithoutOne_IsRecordedOnceAndShownOnTheRecord()
    {
        var id = await ApprovedWithoutNumberAsync();

        using var response = await scenario.PostAsync($"/api/proposals/{id}/decision-number", new { decisionNumber = "125/QĐ-SCT", decisionDate = "15/03/2026" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var funding = (await scenario.Proposals.GetAsync(id, CancellationToken.None))!.Funding;
        Assert.Equal(("125/QĐ-SCT", new DateOnly(2026, 3, 15), 180_000_000L), (funding.DecisionNumber, funding.DecisionDate!.Value, funding.ApprovedAmount!.Value));
        var record = await scenario.GetProposalJsonAsync(id);
        Assert.Equal("2026-03-15", record.GetProperty("funding").GetProperty("decisionDate").GetString());

        using var again = await scenario.PostAsync($"/api/proposals/{id}/decision-number", new { decisionNumber = "126/QĐ-SCT", decisionDate = "2026-03-16" });
        var problem = await ProblemAssert.StatusAsync(again, HttpStatusCode.Conflict);
        Assert.Contains("125/QĐ-SCT", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("125/QĐ-SCT", (await scenario.Proposals.GetAsync(id, CancellationToken.None))!.Funding.DecisionNumber);
    }

    [Fact]
    public async Task DecisionNumber_NotApproved_Returns409AndStoresNothing()
    {
        var id = await scenario.InScreeningAsync();

        using var response = await scenario.PostAsync($"/api/proposals/{id}/decision-number", new { decisionNumber = "125/QĐ-SCT", decisionDate = "2026-03-15" });

        await ProblemAssert.StatusAsync(response, HttpStatusCode.Conflict);
        Assert.Null((await scenario.Proposals.GetAsync(id, CancellationToken.None))!.Funding.DecisionNumber);
    }

    [Theory]
    [InlineData("""{"decisionDate":"2026-03-15"}""", "decisionNumber")]
    [InlineData("""{"decisionNumber":"125/QĐ-SCT","decisionDate":"31/02/2026"}""", "decisionDate")]
    [InlineData("""{"decisionNumber":"125/QĐ-SCT","decisionDate":"2999-01-01"}""", "decisionDate")]
    [InlineData("""{"decisionNumber":"125/QĐ-SCT"}""", "decisionDate")]
    public async Task DecisionNumber_BadBody_Returns400NamingTheFieldAndStoresNothing(string body, string field)
    {
        var id = await ApprovedWithoutNumberAsync();

        using var response = await scenario.PostRawAsync($"/api/proposals/{id}/decision-number", body);

        await ProblemAssert.FieldAsync(response, HttpStatusCode.BadRequest, field, null);
        Assert.Null((await scenario.Proposals.GetAsync(id, CancellationToken.None))!.Funding.DecisionNumber);
    }

    [Fact]
    public async Task DecisionNumber_StaffPageForm_RedirectsBackAndThePageShowsTheNumber()
    {
        var id = await ApprovedWithoutNumberAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", LocalHostFactory.FunctionKey);
        var page = await client.GetStringAsync(new Uri($"/staff/proposals/{id}", UriKind.Relative));
        Assert.Contains("id=\"form-decision-number\"", page, StringComparison.Ordinal);
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"csrfToken\" value=\"([^\"]+)\"").Groups[1].Value);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/proposals/{id}/decision-number")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["csrfToken"] = token, ["decisionNumber"] = "77/QĐ-SCT", ["decisionDate"] = "2026-03-15" }),
        };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var after = await client.GetStringAsync(new Uri(response.Headers.Location!.OriginalString, UriKind.Relative));
        Assert.Contains("id=\"decision-number-recorded\"", after, StringComparison.Ordinal);
        Assert.Contains("77/QĐ-SCT", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"form-decision-number\"", after, StringComparison.Ordinal);
    }
}
