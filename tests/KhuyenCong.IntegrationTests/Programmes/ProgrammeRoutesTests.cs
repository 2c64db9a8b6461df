using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.IntegrationTests.Proposals;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;
using static KhuyenCong.IntegrationTests.Programmes.ProgrammeTestSupport;

namespace KhuyenCong.IntegrationTests.Programmes;

/// <summary><c>/api/programmes</c> and <c>PUT /api/proposals/{id}/programme</c> through LocalHost on Azurite.</summary>
[Collection(ProgrammesCollection.Name)]
public class ProgrammeRoutesTests(LocalHostFixture fixture)
{
    private async Task<int> StoredProgrammesAsync()
    {
        var table = new TableClient(fixture.StorageConnectionString, "Programmes");
        await table.CreateIfNotExistsAsync();
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    private async Task<JsonElement> CreateAsync(HttpClient client, Dictionary<string, object?> body)
    {
        using var response = await client.PostAsync(Path("/api/programmes"), Json(body));
        var created = await JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal("/api/programmes/" + created.GetProperty("id").GetString(), response.Headers.Location?.OriginalString);
        return created;
    }

    [Fact]
    public async Task CreateProgramme_ValidBody_Returns201AndReadsBackWithTargetsAndVersion1()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);

        var created = await CreateAsync(client, Programme(2021, 2025));
        using var read = await client.GetAsync(Path(created.GetProperty("url").GetString()!));
        var programme = await JsonAsync(read, HttpStatusCode.OK);
        using var list = await client.GetAsync(Path("/api/programmes"));
        var all = await JsonAsync(list, HttpStatusCode.OK);

        Assert.Equal("Chương trình khuyến công tỉnh Hưng Yên giai đoạn 2021–2025", programme.GetProperty("name").GetString());
        Assert.Equal(1, programme.GetProperty("version").GetInt32());
        Assert.Equal("Khuyến công địa phương", programme.GetProperty("fundingSourceName").GetString());
        Assert.Equal(KhuyenCong.IntegrationTests.Proposals.IntakeFixture.LocalHostStaffActor, programme.GetProperty("createdBy").GetString());
        var targets = programme.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(["demonstration-models", "trainees", "approved-amount", "paid-amount", "proposals"], targets.Select(t => t.GetProperty("code").GetString()));
        Assert.Equal("Mô hình trình diễn kỹ thuật", targets[0].GetProperty("nameVi").GetString());
        Assert.Equal("mô hình", targets[0].GetProperty("unit").GetString());
        Assert.Equal("Lao động được đào tạo nghề may", targets[1].GetProperty("nameVi").GetString());
        Assert.All(targets, t => Assert.Equal(0, t.GetProperty("actual").GetInt64()));
        Assert.Contains(all.EnumerateArray(), p => p.GetProperty("id").GetString() == created.GetProperty("id").GetString());
    }

    [Fact]
    public async Task UpdateProgramme_CurrentThenStaleVersion_SavesOnceThen409AndKeepsTheFirstEdit()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var created = await CreateAsync(client, Programme(2026, 2030));
        var url = created.GetProperty("url").GetString()!;

        var first = Programme(2026, 2030);
        first["name"] = "Chương trình khuyến công địa phương 2026–2030";
        first["version"] = 1;
        using var saved = await client.PutAsync(Path(url), Json(first));
        var second = Programme(2026, 2030);
        second["name"] = "Bản sửa cũ";
        second["version"] = 1;
        using var stale = await client.PutAsync(Path(url), Json(second));
        using var read = await client.GetAsync(Path(url));

        Assert.Equal(2, (await JsonAsync(saved, HttpStatusCode.OK)).GetProperty("version").GetInt32());
        Assert.Equal("Dữ liệu đã được người khác thay đổi.", (await ProblemAsync(stale, HttpStatusCode.Conflict)).GetProperty("title").GetString());
        var current = await JsonAsync(read, HttpStatusCode.OK);
        Assert.Equal("Chương trình khuyến công địa phương 2026–2030", current.GetProperty("name").GetString());
        Assert.Equal(2, current.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task UpdateProgramme_ConcurrentEditsOfOneVersion_ExactlyOneWins()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var created = await CreateAsync(client, Programme(2036, 2040));
        var url = created.GetProperty("url").GetString()!;

        var edits = Enumerable.Range(0, 6).Select(async i =>
        {
            var body = Programme(2036, 2040);
            body["name"] = "Sửa đồng thời " + i;
            body["version"] = 1;
            using var response = await client.PutAsync(Path(url), Json(body));
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(edits);
        using var read = await client.GetAsync(Path(url));

        Assert.Single(statuses, s => s == HttpStatusCode.OK);
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(2, (await JsonAsync(read, HttpStatusCode.OK)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task CreateProgramme_InvalidFields_Returns400InVietnameseAndStoresNothing()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var before = await StoredProgrammesAsync();
        var body = Programme(2025, 2021);
        body["name"] = "  ";
        body["fundingSource"] = "provincial";
        body["targets"] = new object[] { new { code = "rockets", target = 1 }, new { code = "trainees", target = 0 } };

        using var response = await client.PostAsync(Path("/api/programmes"), Json(body));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Thông tin chương trình chưa hợp lệ.", problem.GetProperty("title").GetString());
        Assert.Equal(["Vui lòng nhập tên chương trình."], Messages(problem, "name"));
        Assert.Equal(["Năm kết thúc không được trước năm bắt đầu."], Messages(problem, "toYear"));
        Assert.Equal(["Nguồn kinh phí không hợp lệ (national hoặc local)."], Messages(problem, "fundingSource"));
        Assert.StartsWith("Chỉ tiêu \"rockets\" không hợp lệ", Messages(problem, "targets[0].code").Single(), StringComparison.Ordinal);
        Assert.Equal(["Giá trị chỉ tiêu phải là số nguyên lớn hơn 0."], Messages(problem, "targets[1].target"));
        Assert.Equal(before, await StoredProgrammesAsync());
    }

    [Fact]
    public async Task UpdateProgramme_InEnglishWithoutVersion_Returns400OnVersion()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var created = await CreateAsync(client, Programme(2027, 2028));

        using var response = await client.PutAsync(Path(created.GetProperty("url").GetString() + "?lang=en"), Json(Programme(2027, 2028)));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The programme has errors.", problem.GetProperty("title").GetString());
        Assert.Equal(["version"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task AssignProposalProgramme_UnknownProgrammeOrProposal_Returns404()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var created = await CreateAsync(client, Programme(2024, 2025));

        using var unknownProgramme = await client.PutAsync(Path("/api/proposals/0000/programme"), Json(new { programmeId = "ffffffffffffffffffffffffffffffff" }));
        using var unknownProposal = await client.PutAsync(Path("/api/proposals/0000/programme"), Json(new { programmeId = created.GetProperty("id").GetString() }));

        Assert.Equal("Không có chương trình này.", (await ProblemAsync(unknownProgramme, HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        Assert.Equal("Không có đề án này.", (await ProblemAsync(unknownProposal, HttpStatusCode.NotFound)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetProgramme_AssignedProposals_ProgressCountsApprovedOrLaterOnly()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var year = DateTimeOffset.UtcNow.ToOffset(VietnamTime.Offset).Year;
        var created = await CreateAsync(client, Programme(year - 1, year + 1));
        var programmeId = created.GetProperty("id").GetString()!;
        var repository = fixture.Host.Services.GetRequiredService<IProposalRepository>();

        // An approved demonstration model (nothing built yet), a settled one whose model was built, a settled machinery
        // đề án, one still in review. Targets of results count what was recorded at acceptance (issue 14, line 6).
        var approvedModel = await SubmitAsync(client, "demonstration-model", trainees: 20);
        var builtModel = await SubmitAsync(client, "demonstration-model", trainees: 30);
        var machinery = await SubmitAsync(client, "machinery", trainees: 10);
        var inReview = await SubmitAsync(client, "demonstration-model", trainees: 500);
        await SetStatusAsync(repository, approvedModel, ProposalStatus.Approved, approved: 200_000_000, paid: 0);
        await SetStatusAsync(repository, builtModel, ProposalStatus.Settled, approved: 250_000_000, paid: 100_000_000, new ActualResults(25, 4, 1, null));
        await SetStatusAsync(repository, machinery, ProposalStatus.Settled, approved: 150_000_000, paid: 150_000_000, new ActualResults(10, 2, null, null));
        await SetStatusAsync(repository, inReview, ProposalStatus.InReview, approved: null, paid: 0);
        foreach (var id in new[] { approvedModel, builtModel, machinery, inReview })
        {
            using var assigned = await client.PutAsync(Path($"/api/proposals/{id}/programme"), Json(new { programmeId }));
            Assert.Equal(programmeId, (await JsonAsync(assigned, HttpStatusCode.OK)).GetProperty("programmeId").GetString());
        }

        using var read = await client.GetAsync(Path($"/api/programmes/{programmeId}"));
        var programme = await JsonAsync(read, HttpStatusCode.OK);

        var actual = programme.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("code").GetString()!, t => t.GetProperty("actual").GetInt64());
        Assert.Equal(4, programme.GetProperty("proposalCount").GetInt32());
        Assert.Equal(1, actual["demonstration-models"]);
        Assert.Equal(35, actual["trainees"]);
        Assert.Equal(600_000_000, actual["approved-amount"]);
        Assert.Equal(250_000_000, actual["paid-amount"]);
        Assert.Equal(3, actual["proposals"]);
        var models = programme.GetProperty("targets").EnumerateArray().First(t => t.GetProperty("code").GetString() == "demonstration-models");
        Assert.Equal(6.7m, models.GetProperty("percent").GetDecimal());

        // The statistics carry the same progress towards each programme's targets.
        using var stats = await client.GetAsync(Path("/api/stats?include=programmeTargets"));
        var inStats = (await JsonAsync(stats, HttpStatusCode.OK)).GetProperty("programmeTargets").EnumerateArray()
            .Single(p => p.GetProperty("id").GetString() == programmeId);
        Assert.Equal(1, inStats.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("code").GetString() == "demonstration-models").GetProperty("actual").GetInt64());

        using var plain = await client.GetAsync(Path("/api/stats"));
        Assert.Equal(0, (await JsonAsync(plain, HttpStatusCode.OK)).GetProperty("programmeTargets").GetArrayLength());

        // Clearing the assignment takes the proposal out of the count.
        using var cleared = await client.PutAsync(Path($"/api/proposals/{machinery}/programme"), Json("{\"programmeId\":null}"));
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        using var again = await client.GetAsync(Path($"/api/programmes/{programmeId}"));
        Assert.Equal(3, (await JsonAsync(again, HttpStatusCode.OK)).GetProperty("proposalCount").GetInt32());
    }

    private static async Task<string> SubmitAsync(HttpClient client, string kind, int trainees)
    {
        // 150 of 600 million: within the national caps of machinery (50%) and demonstration models (30%, TT 28/2018/TT-BTC art. 8).
        var form = ProposalForms.Valid().With("kind", kind).With("expectedTrainees", trainees.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("requestedSupport", "150.000.000").With("ownContribution", "450.000.000");
        using var response = await client.PostAsync(ProposalForms.SubmitUri, ProposalForms.Json(form));
        return (await JsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private static async Task SetStatusAsync(IProposalRepository repository, string id, ProposalStatus status, long? approved, long paid, ActualResults? results = null)
    {
        // A high sequence: the running workflow's own early changes (lower sequences) never overwrite it.
        await repository.ChangeStatusAsync(id, 90, new StatusChange(DateTimeOffset.UtcNow, null, status, "tester", null), CancellationToken.None);
        await repository.SaveFundingAsync(id, new ProposalFunding { ApprovedAmount = approved, PaidAmount = paid, Results = results }, CancellationToken.None);
    }
}

/// <summary>The staff pages for programmes and plans: Vietnamese first, English with ?lang=en, every value encoded.</summary>
[Collection(ProgrammesCollection.Name)]
public class PlanningPagesTests(LocalHostFixture fixture)
{
    [Fact]
    public async Task ProgrammePages_WithKey_ListAndShowTheProgrammeWithTextEncoded()
    {
        using var client = fixture.CreateClient(withFunctionKey: true);
        var body = Programme(2031, 2035);
        body["name"] = "Chương trình <script>alert(1)</script> & \"đặc biệt\"";
        using var created = await client.PostAsync(Path("/api/programmes"), Json(body));
        var id = (await JsonAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString();

        var list = await client.GetStringAsync(Path("/staff/programmes"));
        var page = await client.GetStringAsync(Path($"/staff/programmes/{id}?lang=en"));

        Assert.Contains("<h1>Chương trình khuyến công</h1>", list, StringComparison.Ordinal);
        Assert.Contains("Chương trình &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;đặc biệt&quot;", list, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", list, StringComparison.Ordinal);
        Assert.Contains("Progress towards the targets", page, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlansPage_WithKeyAndWithout_ShowsBudgetLinesOr401()
    {
        using var staff = fixture.CreateClient(withFunctionKey: true);
        using var anonymous = fixture.CreateClient();

        var page = await staff.GetStringAsync(Path("/staff/plans?year=2095"));
        using var refused = await anonymous.GetAsync(Path("/staff/plans"));

        Assert.Contains("Kế hoạch khuyến công năm 2095", page, StringComparison.Ordinal);
        Assert.Contains("Đã cam kết cho đề án được duyệt", page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"/api/plans/2095/national\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
