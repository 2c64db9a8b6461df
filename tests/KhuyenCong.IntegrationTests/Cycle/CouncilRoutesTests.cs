using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.IntegrationTests.Links;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;
using static KhuyenCong.IntegrationTests.Cycle.CycleTestSupport;
using static KhuyenCong.IntegrationTests.Programmes.ProgrammeTestSupport;

namespace KhuyenCong.IntegrationTests.Cycle;

/// <summary>
/// <c>/api/councils</c> through LocalHost on Azurite: a council set up by decision for a call, its session with the
/// quorum, and the <c>CouncilConcluded</c> event raised on each proposal in review (read from the task hub's history).
/// </summary>
[Collection(CycleCollection.Name)]
public class CouncilRoutesTests(LocalHostFixture fixture)
{
    private readonly LinkTestKit kit = new(fixture);

    private IReviewerRoster Roster => fixture.Host.Services.GetRequiredService<IReviewerRoster>();

    private async Task<string[]> ReviewersAsync(int count)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = "hd" + Guid.NewGuid().ToString("N")[..10];
            await Roster.CreateAsync(new Reviewer(ids[i], "Thành viên " + (i + 1), $"hoi.dong+{ids[i]}@example.vn", null, "Sở Công Thương Hưng Yên",
                [ProposalKind.Machinery], ["Cơ khí"], [], [], true), "test", CancellationToken.None);
        }

        return ids;
    }

    private static Dictionary<string, object?> Council(string callId, string[] members, int quorum) => new(StringComparer.Ordinal)
    {
        ["callIds"] = new[] { callId },
        ["decisionNumber"] = "215/QĐ-SCT",
        ["decisionDate"] = Day(Today.AddDays(-1)),
        ["chairId"] = members[0],
        ["secretaryId"] = members[1],
        ["memberIds"] = members[2..],
        ["quorum"] = quorum,
    };

    private async Task<int> StoredRowsAsync()
    {
        var table = new TableClient(fixture.StorageConnectionString, "Councils");
        await table.CreateIfNotExistsAsync();
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    private async Task<(string CallId, JsonElement Council, string[] Members)> CouncilForNewCallAsync(HttpClient officer, int quorum = 3)
    {
        var call = await CreateCallAsync(officer, Call("Đợt có hội đồng " + Guid.NewGuid().ToString("N")[..6]));
        var members = await ReviewersAsync(5);
        using var response = await officer.PostAsync(Path("/api/councils"), Json(Council(call.GetProperty("id").GetString()!, members, quorum)));
        return (call.GetProperty("id").GetString()!, await JsonAsync(response, HttpStatusCode.Created), members);
    }

    /// <summary>A proposal submitted to the call, put in review with the members' score sheets (<paramref name="shortOf"/> points below the maximum on each criterion).</summary>
    private async Task<string> InReviewAsync(HttpClient client, string callId, string[] scorers, int shortOf)
    {
        using var response = await SubmitAsync(client, f => f["callId"] = callId);
        var id = (await JsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        foreach (var reviewer in scorers)
        {
            var rubric = await kit.InviteAsync(id, reviewer);
            var review = (await kit.Cases.GetReviewAsync(id, 1, reviewer, CancellationToken.None))!;
            await kit.Cases.DecideReviewAsync(review with
            {
                State = ReviewState.Submitted,
                Points = rubric.Criteria.ToDictionary(c => c.Code, c => Math.Max(0, c.MaxPoints - shortOf)),
                Recommendation = Recommendation.Approve,
                DecidedAt = DateTimeOffset.UtcNow,
                DecidedBy = reviewer,
            }, CancellationToken.None);
        }

        await kit.SetStatusAsync(id, ProposalStatus.InReview);
        return id;
    }

    [Fact]
    public async Task CreateCouncil_ValidDecision_Returns201AndASecondCouncilForTheSameCallIs409()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        var (callId, council, members) = await CouncilForNewCallAsync(officer);
        var before = await StoredRowsAsync();

        using var again = await officer.PostAsync(Path("/api/councils"), Json(Council(callId, members, 3)));
        using var read = await officer.GetAsync(Path(council.GetProperty("url").GetString()!));
        var stored = await JsonAsync(read, HttpStatusCode.OK);

        Assert.Contains("đã có hội đồng thẩm định", (await ProblemAsync(again, HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await StoredRowsAsync());
        Assert.Equal("215/QĐ-SCT", stored.GetProperty("decisionNumber").GetString());
        Assert.Equal(members[0], stored.GetProperty("chairId").GetString());
        Assert.Equal(3, stored.GetProperty("quorum").GetInt32());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("session").ValueKind);
    }

    [Fact]
    public async Task CreateCouncil_TwoAtOnceForOneCall_StoresOne()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        var call = await CreateCallAsync(officer, Call("Đợt hai hội đồng cùng lúc"));
        var members = await ReviewersAsync(3);
        var body = Council(call.GetProperty("id").GetString()!, members, 2);

        var answers = await Task.WhenAll(officer.PostAsync(Path("/api/councils"), Json(body)), officer.PostAsync(Path("/api/councils"), Json(body)));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task CreateCouncil_UnknownMemberQuorumAboveMembersAndUnknownCall_Returns400NamingEachFieldAndStoresNothing()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        var call = await CreateCallAsync(officer, Call("Đợt hội đồng sai"));
        var members = await ReviewersAsync(3);
        var before = await StoredRowsAsync();
        var unknownMember = Council(call.GetProperty("id").GetString()!, [.. members, "nobody123"], 2);
        var tooHighQuorum = Council(call.GetProperty("id").GetString()!, members, 4);
        var unknownCall = Council("0123456789abcdef", members, 2);
        unknownCall["decisionDate"] = Day(Today.AddDays(3));

        using var a = await officer.PostAsync(Path("/api/councils"), Json(unknownMember));
        using var b = await officer.PostAsync(Path("/api/councils?lang=en"), Json(tooHighQuorum));
        using var c = await officer.PostAsync(Path("/api/councils"), Json(unknownCall));

        Assert.Contains("nobody123", Messages(await ProblemAsync(a, HttpStatusCode.BadRequest), "memberIds")[0], StringComparison.Ordinal);
        Assert.Contains("(1 to 3)", Messages(await ProblemAsync(b, HttpStatusCode.BadRequest), "quorum")[0], StringComparison.Ordinal);
        var third = await ProblemAsync(c, HttpStatusCode.BadRequest);
        Assert.NotEmpty(Messages(third, "callIds"));
        Assert.NotEmpty(Messages(third, "decisionDate"));
        Assert.Equal(before, await StoredRowsAsync());
    }

    [Fact]
    public async Task RecordSession_WithoutQuorum_Returns400NamingPresentMemberIdsAndRaisesNothing()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        var (callId, council, members) = await CouncilForNewCallAsync(officer, quorum: 4);
        var proposal = await InReviewAsync(fixture.CreateClient(), callId, members[..3], 2);
        var url = council.GetProperty("url").GetString()!;

        using var response = await officer.PostAsync(Path(url + "/session"), Json(new { heldOn = Day(Today), presentMemberIds = members[..3] }));
        using var stranger = await officer.PostAsync(Path(url + "/session"), Json(new { heldOn = Day(Today), presentMemberIds = new[] { members[0], "nobody123" } }));
        using var read = await officer.GetAsync(Path(url));

        Assert.Contains("cần ít nhất 4", Messages(await ProblemAsync(response, HttpStatusCode.BadRequest), "presentMemberIds")[0], StringComparison.Ordinal);
        Assert.Contains("nobody123", Messages(await ProblemAsync(stranger, HttpStatusCode.BadRequest), "presentMemberIds")[0], StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(read, HttpStatusCode.OK)).GetProperty("session").ValueKind);
        Assert.Empty(await kit.RaisedEventsAsync(proposal, CycleEvents.CouncilConcluded));
    }

    [Fact]
    public async Task RecordSession_WithQuorum_ConcludesEachProposalInReviewAndRaisesCouncilConcludedOnce()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        using var applicant = fixture.CreateClient();
        var (callId, council, members) = await CouncilForNewCallAsync(officer);
        var passing = await InReviewAsync(applicant, callId, members[..3], 0);
        var failing = await InReviewAsync(applicant, callId, members[..3], 100);
        var url = council.GetProperty("url").GetString()!;
        var session = new { heldOn = Day(Today), presentMemberIds = members[..4] };

        using var response = await officer.PostAsync(Path(url + "/session"), Json(session));
        var recorded = await JsonAsync(response, HttpStatusCode.OK);
        using var again = await officer.PostAsync(Path(url + "/session"), Json(session));

        var conclusions = recorded.GetProperty("session").GetProperty("conclusions").EnumerateArray().ToDictionary(c => c.GetProperty("proposalId").GetString()!);
        Assert.True(conclusions[passing].GetProperty("passed").GetBoolean());
        Assert.False(conclusions[failing].GetProperty("passed").GetBoolean());
        Assert.Contains("thấp hơn điểm đạt", conclusions[failing].GetProperty("reasonVi").GetString(), StringComparison.Ordinal);
        Assert.Contains("đã được ghi nhận", (await ProblemAsync(again, HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await kit.ExpectRaisedAsync(passing, CycleEvents.CouncilConcluded);
        await kit.ExpectRaisedAsync(failing, CycleEvents.CouncilConcluded);
        var input = (await kit.RaisedEventsAsync(failing, CycleEvents.CouncilConcluded))[0].GetString("Input");
        Assert.Contains("\"passed\":false", input, StringComparison.OrdinalIgnoreCase);
        var page = await officer.GetStringAsync(Path("/staff/councils/" + council.GetProperty("id").GetString()));
        Assert.Contains("Kết luận của hội đồng", page, StringComparison.Ordinal);
        Assert.Contains("Không đạt: Điểm trung bình", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"session-form\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordSession_NoProposalInReviewOrUnknownCouncil_Returns409Or404()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        var (_, council, members) = await CouncilForNewCallAsync(officer);
        var session = new { heldOn = Day(Today), presentMemberIds = members };

        using var empty = await officer.PostAsync(Path(council.GetProperty("url").GetString()! + "/session"), Json(session));
        using var unknown = await officer.PostAsync(Path("/api/councils/doesnotexist/session"), Json(session));

        Assert.Contains("Đang thẩm định", (await ProblemAsync(empty, HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Proposal_InACallWithACouncil_IsScoredByTheCouncilsMembers()
    {
        using var officer = fixture.CreateClient(withFunctionKey: true);
        var (callId, _, members) = await CouncilForNewCallAsync(officer);
        var assigner = fixture.Host.Services.GetRequiredService<IReviewerAssigner>();

        var choice = await assigner.ChooseAsync(new ProposalFacts("p1", ProposalKind.Machinery, "Cơ khí", "0100000001", "Công ty A") { CallId = callId }, 3, [], CancellationToken.None);

        Assert.Equal(members, choice.Chosen.Select(c => c.ReviewerId));
    }
}
