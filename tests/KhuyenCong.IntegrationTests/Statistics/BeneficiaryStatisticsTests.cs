using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Statistics;

/// <summary>
/// Issue 14 line 2 over HTTP: a đề án the Centre carries out for several establishments (đề án nhóm) counts each
/// beneficiary once (distinct by tax code, duplicates being refused), beside an establishment's own đề án, which counts
/// its establishment; line 6: actual results recorded with the acceptance stand beside the planned figures.
/// </summary>
[Collection(StatisticsCollection.Name)]
public class BeneficiaryStatisticsTests(LocalHostFixture fixture)
{
    [Fact]
    public async Task Stats_GroupProposalWithThreeBeneficiaries_CountsOncePerBeneficiary()
    {
        // A free-text sector only this test uses isolates its cells.
        var sector = "Thử nghiệm thụ hưởng " + Guid.NewGuid().ToString("N")[..8];
        var year = DateTimeOffset.UtcNow.ToOffset(VietnamTime.Offset).Year;
        using var client = fixture.CreateClient();
        var group = ProposalForms.Valid().With("organizationName", "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp").With("entityType", "service-provider")
            .Without("kind").With("activity", "fair-participation").With("fundingSource", "local").With("sector", sector)
            .With("totalCost", "300.000.000").With("requestedSupport", "150.000.000").With("ownContribution", "150.000.000")
            .With("beneficiaries", JsonDocument.Parse("""
                [{"name":"HTX Mây tre Phú Vinh","taxCode":"0101234567","entityType":"cooperative","commune":"Xã Tân Hưng"},
                 {"name":"Hộ kinh doanh Nguyễn Văn Bình","taxCode":"001089012345","entityType":"household-business","commune":"Phường Mỹ Hào"},
                 {"name":"Công ty TNHH Nhựa Lạc Đạo","taxCode":"0900480825","entityType":"sme","commune":"Xã Lạc Đạo"}]
                """).RootElement.Clone());
        using (var created = await client.PostAsync("/api/proposals", ProposalForms.Json(group)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var own = await client.PostAsync("/api/proposals", ProposalForms.Json(ProposalForms.Valid().With("sector", sector))))
        {
            Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        }

        var query = $"from={year}&to={year}&sector={Uri.EscapeDataString(sector)}";
        var stats = await Eventually.GetAsync(async () => (JsonElement?)await fixture.StatsAsync(query), s => s is { } v && v.Long("count") == 2);

        Assert.Equal(4, stats!.Value.Long("beneficiaries"));
        var local = await fixture.StatsAsync(query + "&fundingSource=local");
        Assert.Equal((1L, 3L), (local.Long("count"), local.Long("beneficiaries")));
    }
}
