using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Application.Exchange;
using KhuyenCong.Infrastructure.Exchange;
using KhuyenCong.IntegrationTests.Workflow;
using KhuyenCong.Testing;
using static KhuyenCong.IntegrationTests.Workflow.WorkflowProbe;

namespace KhuyenCong.IntegrationTests.Security;

/// <summary>
/// One proposal whose texts carry markup, script, spreadsheet formulas and hidden Unicode (bidi override, zero-width),
/// followed through every place it is shown: the tracking page, the staff pages, the review link page, the emails and
/// the CSV/Excel exports. Each shows it escaped or neutralised.
/// </summary>
[Collection(FastWorkflowCollection.Name)]
public sealed class HostileTextTests(FastWorkflowFixture fixture)
{
    private const string Script = "<script>alert('kc')</script>";
    private const string Bidi = "\u202E";
    private const string ZeroWidth = "\u200B";

    [Fact]
    public async Task HostileText_EveryPageEmailAndExport_ShowsItEscapedOrNeutralised()
    {
        using var web = fixture.CreateClient();
        using var staff = fixture.CreateClient(withFunctionKey: true);
        var sector = "Mây tre " + Guid.NewGuid().ToString("N")[..6];
        var reviewer = $"phan.bien+{Guid.NewGuid():N}@khuyencong.test";
        await AddReviewerAsync(staff, "Người phản biện", reviewer, "trade-promotion", sector);
        var email = $"doc.hai+{Guid.NewGuid():N}@example.vn";
        var body = new Dictionary<string, object>
        {
            ["organizationName"] = "=HYPERLINK(\"http://evil.example\",\"Bấm\")",
            ["taxCode"] = "0108" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture), ["entityType"] = "service-provider",
            ["representative"] = "+84 Lê" + ZeroWidth + " Văn Tèo",
            ["email"] = email,
            ["phone"] = "0912 345 678",
            ["address"] = "@SUM(A1:A9) thôn Bắc",
            ["commune"] = "Xã Tân Hưng",
            ["province"] = "hung-yen",
            ["kind"] = "trade-promotion",
            ["sector"] = sector,
            ["fundingSource"] = "local",
            ["title"] = "Hội chợ " + Script + " mây" + Bidi + "tre" + ZeroWidth,
            ["summary"] = "<img src=x onerror=alert(1)> -2+3",
            ["totalCost"] = 300_000_000,
            ["requestedSupport"] = 100_000_000,
            ["ownContribution"] = 200_000_000,
            ["startDate"] = "2027-04-01",
            ["endDate"] = "2027-10-31",
        };

        // A bidirectional override could make a title read differently from what it is: refused at the door.
        using (var disguised = await web.PostAsJsonAsync("/api/proposals", body))
        {
            Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
            var problem = await disguised.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _), "the refusal names the title");
        }

        body["title"] = "Hội chợ " + Script + " mây tre" + ZeroWidth;
        using var submitted = await web.PostAsJsonAsync("/api/proposals", body);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var created = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        var code = created.GetProperty("trackingCode").GetString()!;
        await WaitForStatusAsync(staff, id, "screening");

        var pages = new List<(string Where, string Html)>
        {
            ("tracking page", await web.GetStringAsync(new Uri($"/track/{code}", UriKind.Relative))),
            ("staff list", await staff.GetStringAsync(new Uri($"/staff/proposals?q={Uri.EscapeDataString("mây")}", UriKind.Relative))),
            ("staff record page", await staff.GetStringAsync(new Uri($"/staff/proposals/{id}", UriKind.Relative))),
        };

        using (var accept = await staff.PostAsJsonAsync($"/api/proposals/{id}/screening", new { decision = "accept" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, accept.StatusCode);
        }

        var invitation = (await WaitForMessagesAsync(web, m => m.To(reviewer) && m.Subject().Contains(code, StringComparison.Ordinal), what: "the invitation")).Single();
        var reviewPath = new Uri(WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(invitation.GetProperty("html").GetString()!, "href=\"([^\"]*/links/[^\"?]+)\"").Groups[1].Value)).PathAndQuery;
        pages.Add(("review page", await web.GetStringAsync(new Uri(reviewPath, UriKind.Relative))));
        foreach (var message in (await MessagesAsync(web)).Where(m => m.Subject().Contains(code, StringComparison.Ordinal) || m.To(email)))
        {
            pages.Add(("email " + message.Subject(), message.GetProperty("html").GetString()!));
        }

        Assert.True(pages.Count >= 7, "the pages and at least the acknowledgement, screening and invitation emails");
        foreach (var (where, html) in pages)
        {
            Assert.False(html.Contains(Script, StringComparison.Ordinal), where + " shows the script unescaped");
            Assert.False(html.Contains("<img src=x", StringComparison.Ordinal), where + " shows the markup unescaped");
            Assert.False(html.Contains(Bidi, StringComparison.Ordinal), where + " carries a bidi override");
            Assert.True(html.Contains("&lt;script&gt;", StringComparison.Ordinal) || where.StartsWith("email", StringComparison.Ordinal) && !html.Contains("Hội chợ", StringComparison.Ordinal),
                where + " does not show the title escaped");
        }

        // Exports: the formula-looking texts are text, not formulas, in CSV and Excel alike.
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year;
        var files = new SpreadsheetFiles();
        foreach (var format in new[] { "csv", "xlsx" })
        {
            using var export = await staff.GetAsync(new Uri($"/api/proposals/export?format={format}&year={year}&q={Uri.EscapeDataString(code)}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            var bytes = await export.Content.ReadAsByteArrayAsync();
            var rows = files.Read(bytes, format == "csv" ? SpreadsheetFormat.Csv : SpreadsheetFormat.Xlsx, new SpreadsheetLimits(11, ProposalColumns.All.Count), CancellationToken.None).ToList();
            var cells = Assert.Single(rows.Skip(1)).Cells;
            Assert.Contains("'=HYPERLINK(\"http://evil.example\",\"Bấm\")", cells);
            Assert.Contains("'@SUM(A1:A9) thôn Bắc", cells);
            Assert.Contains(cells, c => c?.StartsWith("'+84 Lê", StringComparison.Ordinal) == true);
            Assert.DoesNotContain(cells, c => c is not null && (c.StartsWith('=') || c.StartsWith('+') || c.StartsWith('@') || c.Contains(Bidi, StringComparison.Ordinal) || c.Contains(ZeroWidth, StringComparison.Ordinal)));
        }
    }
}
