using System.Net;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Staff;

/// <summary>
/// A staff action form posted without JavaScript and refused (issue 16 item 7) comes back on its own page over HTTP:
/// the values as sent, each message at its field and in the summary, the problem's status, nothing stored.
/// </summary>
[Collection(StaffCollection.Name)]
public class StaffFormAgainTests(LocalHostFixture fixture)
{
    private readonly StaffScenario scenario = new(fixture.Host);

    private async Task<(HttpStatusCode Status, string Html, HttpResponseMessage Response)> PostAsync(string path, params (string Name, string Value)[] fields)
    {
        using var client = scenario.Staff();
        var response = await client.PostAsync(new Uri(path, UriKind.Relative),
            new FormUrlEncodedContent([new("csrfToken", fixture.Host.StaffFormToken()), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    [Fact]
    public async Task ScreeningForm_RejectWithoutComment_ProposalPageAgainWithTheChoiceKeptAndTheMessageAtTheComment()
    {
        var id = await scenario.InScreeningAsync("Lò nung gốm " + Guid.NewGuid().ToString("N")[..6]);

        var (status, html, response) = await PostAsync($"/api/proposals/{id}/screening", ("decision", "reject"), ("comment", "  "));

        using (response)
        {
            Assert.True(status == HttpStatusCode.BadRequest, html);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        }

        Assert.Contains("<title>Lỗi: Lò nung gốm", html, StringComparison.Ordinal);
        Assert.Contains("id=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#screening-comment\">Vui lòng ghi ý kiến", html, StringComparison.Ordinal);
        Assert.Matches("id=\"screening-comment-error\"[^>]*>Vui lòng ghi ý kiến", html);
        Assert.Matches("<input[^>]*value=\"reject\"[^>]*checked|<input[^>]*checked[^>]*value=\"reject\"", html);
        Assert.Null((await scenario.Cases.GetAsync(id, CancellationToken.None)).CurrentScreening!.Outcome);
    }

    [Fact]
    public async Task ContractForm_BadDate_ProposalPageAgainWithEveryValueKeptAndTheMessageAtTheDate()
    {
        var id = await scenario.SubmitAsync();
        await scenario.SetStatusAsync(id, ProposalStatus.Approved);

        var (status, html, response) = await PostAsync($"/api/proposals/{id}/contract", ("contractNumber", "22/2026/HĐ"), ("contractDate", "hôm qua"),
            ("note", "Ghi chú <giữ lại>"));
        response.Dispose();

        Assert.True(status == HttpStatusCode.BadRequest, html);
        Assert.Contains("value=\"22/2026/HĐ\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"hôm qua\"", html, StringComparison.Ordinal);
        Assert.Contains("Ghi chú &lt;giữ lại&gt;</textarea>", html, StringComparison.Ordinal);
        Assert.Matches("id=\"contract-date\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"contract-date\"", html);
        Assert.Contains("<a href=\"#contract-date\">Vui lòng nhập ngày ký hợp đồng", html, StringComparison.Ordinal);
        Assert.Null((await scenario.Cases.GetAsync(id, CancellationToken.None)).Contract);
    }

    [Fact]
    public async Task ContractForm_NotApproved_ProposalPageAgainWithTheStageMessageInTheSummary()
    {
        var id = await scenario.InScreeningAsync();

        var (status, html, response) = await PostAsync($"/api/proposals/{id}/contract", ("contractNumber", "1/HĐ"), ("contractDate", "2026-10-01"));
        response.Dispose();

        Assert.True(status == HttpStatusCode.Conflict, html);
        Assert.Contains("id=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("chưa thể", html, StringComparison.Ordinal);
        Assert.Contains("id=\"form-screening\"", html, StringComparison.Ordinal);
        Assert.Null((await scenario.Cases.GetAsync(id, CancellationToken.None)).Contract);
    }

    [Fact]
    public async Task CancelForm_WithoutReason_CancelPageAgainWithTheMessageAtTheReasonInEnglish()
    {
        var id = await scenario.InScreeningAsync();

        var (status, html, response) = await PostAsync($"/api/proposals/{id}/cancel?lang=en", ("reason", ""));
        response.Dispose();

        Assert.True(status == HttpStatusCode.BadRequest, html);
        Assert.Contains("<title>Error: Confirm the cancellation", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#cancel-reason\">", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/staff/proposals/{id}/cancel?lang=vi\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"cancel-reason\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"cancel-reason\"", html);
        Assert.NotEqual(ProposalStatus.Cancelled, (await scenario.Proposals.GetAsync(id, CancellationToken.None))!.Status);
    }
}
