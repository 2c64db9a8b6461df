using System.Net;
using System.Text;
using KhuyenCong.IntegrationTests.Staff;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Security;

/// <summary>
/// The forgery that was verified against a running LocalHost (issue 11, finding 1): a cross-site
/// <c>POST /api/proposals/{id}/screening</c> as text/plain JSON was stored. Here the same request is refused and stores
/// nothing, while the same decision sent from this site as JSON is recorded (so the refusal is the origin check, not the body).
/// </summary>
[Collection(StaffCollection.Name)]
public class CrossSiteDecisionTests(LocalHostFixture fixture)
{
    private readonly StaffScenario scenario = new(fixture.Host);

    [Fact]
    public async Task Screening_CrossSiteTextPlainWithKey_Returns403AndTheSameDecisionFromThisSiteIsRecorded()
    {
        var id = await scenario.InScreeningAsync();
        using var client = scenario.Staff();
        const string Decision = """{"decision":"reject","comment":"Hồ sơ giả mạo"}""";

        using (var forged = new HttpRequestMessage(HttpMethod.Post, $"/api/proposals/{id}/screening") { Content = new StringContent(Decision, Encoding.UTF8, "text/plain") })
        {
            forged.Headers.Add("Origin", "https://evil.example");
            forged.Headers.Add("Sec-Fetch-Site", "cross-site");
            using var refused = await client.SendAsync(forged);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var form = new HttpRequestMessage(HttpMethod.Post, $"/api/proposals/{id}/screening")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "reject", ["comment"] = "Hồ sơ giả mạo" }),
        })
        {
            using var refused = await client.SendAsync(form);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        Assert.Null((await scenario.Cases.GetAsync(id, CancellationToken.None)).CurrentScreening!.Outcome);

        using var fromThisSite = new HttpRequestMessage(HttpMethod.Post, $"/api/proposals/{id}/screening")
        {
            Content = new StringContent("""{"decision":"accept"}""", Encoding.UTF8, "application/json"),
        };
        fromThisSite.Headers.Add("Origin", fixture.Host.BaseAddress.GetLeftPart(UriPartial.Authority));
        fromThisSite.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var accepted = await client.SendAsync(fromThisSite);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(KhuyenCong.Application.Workflow.ScreeningOutcome.Accept, (await scenario.Cases.GetAsync(id, CancellationToken.None)).CurrentScreening!.Outcome);
    }
}
