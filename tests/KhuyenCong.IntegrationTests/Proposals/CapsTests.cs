using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace KhuyenCong.IntegrationTests.Proposals;

/// <summary>The caps table: public list, officer edits, and submissions held to the cap in force for their province.</summary>
[Collection(IntakeCollection.Name)]
public class CapsTests(IntakeFixture fixture) : IntakeTestBase(fixture)
{
    private static readonly Uri CapsUri = new("/api/caps", UriKind.Relative);

    private async Task<int> CountCapsAsync()
    {
        try
        {
            var count = 0;
            await foreach (var _ in new TableClient(Fixture.StorageConnectionString, "SupportCaps").QueryAsync<TableEntity>(select: ["PartitionKey"]))
            {
                count++;
            }

            return count;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }

    private static HttpContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task ListCaps_Anonymous_ListsTheShippedVersionsWithTheirBasisAndConfidence()
    {
        using var client = Fixture.CreateClient();

        var caps = (await client.GetFromJsonAsync<List<JsonElement>>(CapsUri))!;

        JsonElement National(string activity, string from) => caps.Single(c => c.GetProperty("fundingSource").GetString() == "national"
            && c.GetProperty("activity").GetString() == activity && c.GetProperty("effectiveFrom").GetString() == from);

        // TT 28/2018/TT-BTC art. 8 cl. 4, in force from 11/05/2018; TTLT 26/2014 before it.
        var machinery = National("machinery", "2018-05-11");
        Assert.Equal((50m, 300_000_000L, "per-establishment"), (machinery.GetProperty("maxPercent").GetDecimal(), machinery.GetProperty("maxAmount").GetInt64(), machinery.GetProperty("unit").GetString()));
        Assert.Equal(JsonValueKind.Null, machinery.GetProperty("effectiveTo").ValueKind);
        Assert.Contains("28/2018/TT-BTC", machinery.GetProperty("basis").GetString(), StringComparison.Ordinal);
        Assert.Contains("64/2024/TT-BTC", machinery.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal("secondary", machinery.GetProperty("confidence").GetString());
        Assert.Equal("2018-05-11", National("machinery", "2014-04-08").GetProperty("effectiveTo").GetString());
        // The demonstration model spreading a new technology: 30% (not 100%), 1,000 million per model.
        var model = National("demonstration-model-new", "2018-05-11");
        Assert.Equal((30m, 1_000_000_000L), (model.GetProperty("maxPercent").GetDecimal(), model.GetProperty("maxAmount").GetInt64()));
        Assert.Equal(JsonValueKind.Null, National("technology-line", "2018-05-11").GetProperty("maxPercent").ValueKind);
        Assert.DoesNotContain(caps, c => c.GetProperty("activity").GetString() is "typical-product-voting" or "cluster-infrastructure"
            && c.GetProperty("fundingSource").GetString() == "national");
        Assert.Contains(caps, c => c.GetProperty("confidence").GetString() == "example" && c.GetProperty("territory").GetString() == "hung-yen");
    }

    [Fact]
    public async Task SaveCap_WithoutFunctionKey_Returns401AndChangesNothing()
    {
        using var client = Fixture.CreateClient();
        await client.GetAsync(CapsUri);
        var before = await CountCapsAsync();

        using var response = await client.PutAsync(CapsUri, Json("""
            {"fundingSource":"local","province":"hai-phong","kind":"machinery","effectiveFrom":"2025-01-01","maxPercent":100,"maxAmount":900000000,"basis":"thử"}
            """));

        await ProblemAssert.StatusAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(before, await CountCapsAsync());
    }

    [Theory]
    [InlineData(false, "Nguồn kinh phí không hợp lệ (national hoặc local).", "Tỷ lệ hỗ trợ tối đa phải lớn hơn 0 và không quá 100.")]
    [InlineData(true, "Unknown funding source (national or local).", "maxPercent must be above 0 and at most 100.")]
    public async Task SaveCap_BadValues_Returns400NamingEachFieldAndChangesNothing(bool english, string fundingSourceMessage, string maxPercentMessage)
    {
        using var client = Fixture.CreateClient(withFunctionKey: true);
        await client.GetAsync(CapsUri);
        var before = await CountCapsAsync();

        using var response = await client.PutAsync(new Uri(english ? "/api/caps?lang=en" : "/api/caps", UriKind.Relative), Json("""
            {"fundingSource":"federal","province":"atlantis","kind":"may-moc","effectiveFrom":"2025-13-01","effectiveTo":"31/12/2030",
             "maxPercent":150,"maxAmount":0,"basis":"  "}
            """));

        await ProblemAssert.StatusAsync(response, HttpStatusCode.BadRequest);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors");
        Assert.Equal(
            ["basis", "effectiveFrom", "effectiveTo", "fundingSource", "kind", "maxAmount", "maxPercent", "province"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(fundingSourceMessage, errors.GetProperty("fundingSource")[0].GetString());
        Assert.Equal(maxPercentMessage, errors.GetProperty("maxPercent")[0].GetString());
        Assert.Equal(before, await CountCapsAsync());
    }

    [Fact]
    public async Task SaveCap_EffectiveToNotAfterEffectiveFrom_Returns400EffectiveTo()
    {
        using var client = Fixture.CreateClient(withFunctionKey: true);
        await client.GetAsync(CapsUri);
        var before = await CountCapsAsync();

        using var response = await client.PutAsync(CapsUri, Json("""
            {"fundingSource":"local","province":"hai-phong","kind":"training","effectiveFrom":"2025-01-01","effectiveTo":"2025-01-01",
             "maxPercent":70,"maxAmount":100000000,"basis":"thử"}
            """));

        await ProblemAssert.FieldAsync(response, HttpStatusCode.BadRequest, "effectiveTo", "Ngày hết hiệu lực phải có dạng yyyy-MM-dd và sau ngày hiệu lực.");
        Assert.Equal(before, await CountCapsAsync());
    }

    [Fact]
    public async Task SaveCap_BodyNotJson_Returns400Body()
    {
        using var client = Fixture.CreateClient(withFunctionKey: true);

        using var response = await client.PutAsync(CapsUri, Json("mức trần"));

        await ProblemAssert.FieldAsync(response, HttpStatusCode.BadRequest, "body", "Nội dung phải là một mức trần dạng JSON.");
    }

    [Fact]
    public async Task SaveCap_ProvinceCap_Returns200AndThenHoldsThatProvincesSubmissionsToIt()
    {
        using var staff = Fixture.CreateClient(withFunctionKey: true);

        using var saved = await staff.PutAsync(CapsUri, Json("""
            {"fundingSource":"local","province":"hai-phong","kind":"machinery","effectiveFrom":"2025-01-01",
             "maxPercent":50,"maxAmount":250000000,"basis":"Nghị quyết của HĐND thành phố Hải Phòng (máy móc thiết bị)"}
            """));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using (var json = JsonDocument.Parse(await saved.Content.ReadAsStringAsync()))
        {
            Assert.Equal("hai-phong", json.RootElement.GetProperty("province").GetString());
            Assert.Equal(250_000_000L, json.RootElement.GetProperty("maxAmount").GetInt64());
        }

        var listed = (await staff.GetFromJsonAsync<List<JsonElement>>(CapsUri))!;
        Assert.Contains(listed, c => c.GetProperty("province").GetString() == "hai-phong" && c.GetProperty("fundingSource").GetString() == "local"
            && c.GetProperty("maxAmount").GetInt64() == 250_000_000L && c.GetProperty("effectiveFrom").GetString() == "2025-01-01");

        Dictionary<string, object?> HaiPhong(string total, string requested, string own, string source = "local") => ProposalForms.Valid()
            .With("province", "hai-phong").With("fundingSource", source)
            .With("totalCost", total).With("requestedSupport", requested).With("ownContribution", own);

        var overAmount = HaiPhong("600.000.000", "260.000.000", "340.000.000");
        var amountMessage = await RejectedAsync(() => ProposalForms.Json(overAmount), HttpStatusCode.BadRequest, "requestedSupport", null);
        Assert.Equal(
            "Kinh phí đề nghị hỗ trợ (260.000.000 đồng) vượt mức hỗ trợ tối đa 250.000.000 đồng (Nghị quyết của HĐND thành phố Hải Phòng (máy móc thiết bị)).",
            amountMessage);

        var overPercent = HaiPhong("400.000.000", "240.000.000", "160.000.000");
        var percentMessage = await RejectedAsync(() => ProposalForms.Json(overPercent), HttpStatusCode.BadRequest, "requestedSupport", null, english: true);
        Assert.Equal("The requested support is 60% of the total cost, above the maximum of 50% (Nghị quyết của HĐND thành phố Hải Phòng (máy móc thiết bị)).", percentMessage);

        await AcceptedAsync(ProposalForms.Json(HaiPhong("500.000.000", "250.000.000", "250.000.000")));

        // The province's local cap does not apply to national money, nor to local money elsewhere.
        await AcceptedAsync(ProposalForms.Json(HaiPhong("600.000.000", "280.000.000", "320.000.000", source: "national")));
        await AcceptedAsync(ProposalForms.Json(HaiPhong("600.000.000", "260.000.000", "340.000.000").With("province", "hung-yen")));
    }
}
