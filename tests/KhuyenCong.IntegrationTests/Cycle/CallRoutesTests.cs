using System.Net;
using Azure.Data.Tables;
using KhuyenCong.Testing;
using static KhuyenCong.IntegrationTests.Cycle.CycleTestSupport;
using static KhuyenCong.IntegrationTests.Programmes.ProgrammeTestSupport;

namespace KhuyenCong.IntegrationTests.Cycle;

/// <summary><c>/api/calls</c> through LocalHost on Azurite: the public list, officers' creation and edits, bad input.</summary>
[Collection(CycleCollection.Name)]
public class CallRoutesTests(LocalHostFixture fixture)
{
    private async Task<int> StoredCallsAsync()
    {
        var table = new TableClient(fixture.StorageConnectionString, "Calls");
        await table.CreateIfNotExistsAsync();
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task CreateCall_ValidBody_Returns201AndThePublicListShowsItOpenWithItsPlanYear()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        using var anyone = fixture.CreateClient();

        var created = await CreateCallAsync(officer, Call("Đợt đăng ký KCQG — danh sách công khai"));
        using var list = await anyone.GetAsync(Path("/api/calls"));
        var calls = await JsonAsync(list, HttpStatusCode.OK);

        var call = Assert.Single(calls.EnumerateArray(), c => c.GetProperty("id").GetString() == created.GetProperty("id").GetString());
        Assert.Equal(Today.Year + 1, call.GetProperty("planYear").GetInt32());
        Assert.Equal("national", call.GetProperty("fundingSource").GetString());
        Assert.Equal("open", call.GetProperty("status").GetString());
        Assert.Equal(Day(Today.AddDays(-1)), call.GetProperty("opensOn").GetString());
        Assert.Equal(Day(Today.AddDays(10)), call.GetProperty("closesOn").GetString());
        Assert.Equal(["machinery", "training"], call.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("Báo giá thiết bị", call.GetProperty("requiredDocuments").GetProperty("machinery")[0].GetString());
        Assert.Equal(1, call.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task ListCalls_UpcomingAndClosedCalls_StatusByVietnamDate()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        var upcoming = await CreateCallAsync(officer, Call("Đợt sắp mở", opensIn: 5, closesIn: 20));
        var closed = await CreateCallAsync(officer, Call("Đợt đã đóng", opensIn: -30, closesIn: -1));

        using var list = await fixture.CreateClient().GetAsync(Path("/api/calls"));
        var calls = (await JsonAsync(list, HttpStatusCode.OK)).EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("status").GetString());

        Assert.Equal("upcoming", calls[upcoming.GetProperty("id").GetString()!]);
        Assert.Equal("closed", calls[closed.GetProperty("id").GetString()!]);
    }

    [Fact]
    public async Task CreateCall_ClosingBeforeOpening_Returns400NamingClosesOnInBothLanguagesAndStoresNothing()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        var before = await StoredCallsAsync();
        var body = Call("Đợt sai ngày", opensIn: 10, closesIn: 2);

        using var vi = await officer.PostAsync(Path("/api/calls"), Json(body));
        using var en = await officer.PostAsync(Path("/api/calls?lang=en"), Json(body));

        var problem = await ProblemAsync(vi, HttpStatusCode.BadRequest);
        Assert.Equal("Thông tin đợt đăng ký chưa hợp lệ.", problem.GetProperty("title").GetString());
        Assert.StartsWith("Ngày kết thúc nhận hồ sơ (", Messages(problem, "closesOn")[0], StringComparison.Ordinal);
        Assert.Contains("cannot be before the opening day", Messages(await ProblemAsync(en, HttpStatusCode.BadRequest), "closesOn")[0], StringComparison.Ordinal);
        Assert.Equal(before, await StoredCallsAsync());
    }

    [Fact]
    public async Task CreateCall_PlanYearInThePast_Returns400NamingPlanYear()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        var body = Call("Đợt năm cũ");
        body["planYear"] = Today.Year - 1;
        body["closesOn"] = Day(new DateOnly(Today.Year - 1, 12, 31));
        body["opensOn"] = Day(new DateOnly(Today.Year - 1, 6, 1));

        using var response = await officer.PostAsync(Path("/api/calls"), Json(body));

        Assert.Contains("đã qua", Messages(await ProblemAsync(response, HttpStatusCode.BadRequest), "planYear")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCall_WrongTypesAndUnknownKind_Returns400NamingEachField()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        var body = Call("Đợt sai kiểu");
        body["kinds"] = new[] { "machinery", "flying-cars" };
        body["requiredDocuments"] = "Báo giá";
        body["fundingSource"] = "central";
        body["title"] = 42;

        using var response = await officer.PostAsync(Path("/api/calls"), Json(body));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.Contains("flying-cars", Messages(problem, "kinds")[0], StringComparison.Ordinal);
        Assert.NotEmpty(Messages(problem, "requiredDocuments"));
        Assert.NotEmpty(Messages(problem, "fundingSource"));
        Assert.NotEmpty(Messages(problem, "title"));
    }

    [Fact]
    public async Task CreateCall_NotSignedIn_Returns401AndStoresNothing()
    {
        var before = await StoredCallsAsync();
        using var anyone = fixture.CreateClient();

        using var response = await anyone.PostAsync(Path("/api/calls"), Json(Call("Đợt không đăng nhập")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await StoredCallsAsync());
    }

    [Fact]
    public async Task UpdateCall_SameVersionTwice_SavesTheFirstThen409()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        var created = await CreateCallAsync(officer, Call("Đợt để sửa"));
        var url = created.GetProperty("url").GetString()!;
        var first = Call("Đợt đã sửa lần một");
        first["version"] = 1;
        var second = Call("Đợt sửa trên bản cũ");
        second["version"] = 1;

        var answers = await Task.WhenAll(officer.PutAsync(Path(url), Json(first)), officer.PutAsync(Path(url), Json(second)));
        using var read = await officer.GetAsync(Path(url));
        var stored = await JsonAsync(read, HttpStatusCode.OK);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Equal(2, stored.GetProperty("version").GetInt64());
        var winner = answers.Single(a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal((await JsonAsync(winner, HttpStatusCode.OK)).GetProperty("title").GetString(), stored.GetProperty("title").GetString());
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task UpdateCall_UnknownIdOrNoVersion_Returns404Or400NamingVersion()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        var created = await CreateCallAsync(officer, Call("Đợt thiếu phiên bản"));
        var body = Call("Đợt thiếu phiên bản");

        using var unknown = await officer.PutAsync(Path("/api/calls/doesnotexist"), Json(body));
        using var noVersion = await officer.PutAsync(Path(created.GetProperty("url").GetString()!), Json(body));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.NotEmpty(Messages(await ProblemAsync(noVersion, HttpStatusCode.BadRequest), "version"));
    }
}
