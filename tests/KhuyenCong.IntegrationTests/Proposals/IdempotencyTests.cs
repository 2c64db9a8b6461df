using System.Net;

namespace KhuyenCong.IntegrationTests.Proposals;

/// <summary>Idempotency-Key: a retried submission is answered as the first one and recorded once.</summary>
[Collection(IntakeCollection.Name)]
public class IdempotencyTests(IntakeFixture fixture) : IntakeTestBase(fixture)
{
    private async Task<(HttpStatusCode Status, string Body, string? Location)> SubmitAsync(HttpContent content, string key)
    {
        using var client = Fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, ProposalForms.SubmitUri) { Content = content };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Submit_SameIdempotencyKeyTwice_ReplaysTheFirstAnswerAndStoresOneProposal()
    {
        var form = ProposalForms.Valid();
        var key = Guid.NewGuid().ToString();

        var first = await SubmitAsync(ProposalForms.Multipart(form).File("ho-so.pdf", SampleFiles.Pdf()).Build(), key);
        var afterFirst = await StorageCounts.TakeAsync(Fixture.StorageConnectionString);
        var second = await SubmitAsync(ProposalForms.Multipart(form).File("ho-so.pdf", SampleFiles.Pdf()).Build(), key);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(first, second);
        Assert.Contains("\"trackingCode\":\"KC-", second.Body, StringComparison.Ordinal);
        Assert.Equal(afterFirst, await StorageCounts.TakeAsync(Fixture.StorageConnectionString));
        Assert.Equal(1, await StorageCounts.CountProposalRecordsAsync(Fixture.StorageConnectionString, (string)form["taxCode"]!));
    }

    [Fact]
    public async Task Submit_SameIdempotencyKeyConcurrently_StoresOneProposal()
    {
        var form = ProposalForms.Valid();
        var key = Guid.NewGuid().ToString();
        using var start = new SemaphoreSlim(0);

        var requests = Enumerable.Range(0, 4).Select(async _ =>
        {
            var content = ProposalForms.Multipart(form).File("ho-so.pdf", SampleFiles.Pdf(200_000)).Build();
            await start.WaitAsync();
            return await SubmitAsync(content, key);
        }).ToList();
        start.Release(requests.Count);
        var answers = await Task.WhenAll(requests);

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)a.Status}: {a.Body}"));
        var created = answers.Where(a => a.Status == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(created);
        Assert.Single(created.Select(a => a.Body).Distinct());
        Assert.Equal(1, await StorageCounts.CountProposalRecordsAsync(Fixture.StorageConnectionString, (string)form["taxCode"]!));
    }

    [Fact]
    public async Task Submit_KeyOfARejectedRequest_CanBeUsedAgainForTheCorrectedProposal()
    {
        var form = ProposalForms.Valid();
        var key = Guid.NewGuid().ToString();

        var rejected = await SubmitAsync(ProposalForms.Json(new Dictionary<string, object?>(form).With("phone", "12345")), key);
        var accepted = await SubmitAsync(ProposalForms.Json(form), key);

        Assert.Equal(HttpStatusCode.BadRequest, rejected.Status);
        Assert.Equal(HttpStatusCode.Created, accepted.Status);
        Assert.Equal(1, await StorageCounts.CountProposalRecordsAsync(Fixture.StorageConnectionString, (string)form["taxCode"]!));
    }

    [Fact]
    public async Task Submit_SameKeyWithAnotherBody_Returns422AndStoresNothingMore()
    {
        var form = ProposalForms.Valid();
        var key = Guid.NewGuid().ToString();
        var first = await SubmitAsync(ProposalForms.Multipart(form).File("ho-so.pdf", SampleFiles.Pdf()).Build(), key);
        var afterFirst = await StorageCounts.TakeAsync(Fixture.StorageConnectionString);
        var other = ProposalForms.Valid();

        var withOtherFields = await SubmitAsync(ProposalForms.Multipart(other).File("ho-so.pdf", SampleFiles.Pdf()).Build(), key);
        var withOtherFile = await SubmitAsync(ProposalForms.Multipart(form).File("ho-so.pdf", SampleFiles.Pdf(50_000)).Build(), key);
        var asJson = await SubmitAsync(ProposalForms.Json(form), key);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        foreach (var (answer, what) in new[] { (withOtherFields, "other fields"), (withOtherFile, "another file"), (asJson, "JSON") })
        {
            Assert.True(answer.Status == HttpStatusCode.UnprocessableEntity, $"{what}: {(int)answer.Status} {answer.Body}");
            Assert.Contains("\"Idempotency-Key\"", answer.Body, StringComparison.Ordinal);
            Assert.Contains("đã được dùng cho một đề án khác", answer.Body, StringComparison.Ordinal);
        }

        Assert.Equal(afterFirst, await StorageCounts.TakeAsync(Fixture.StorageConnectionString));
        Assert.Equal(0, await StorageCounts.CountProposalRecordsAsync(Fixture.StorageConnectionString, (string)other["taxCode"]!));
    }

    [Fact]
    public async Task Submit_SameKeyAndSameJsonBody_ReplaysTheFirstAnswer()
    {
        var form = ProposalForms.Valid();
        var key = Guid.NewGuid().ToString();

        var first = await SubmitAsync(ProposalForms.Json(form), key);
        var again = await SubmitAsync(ProposalForms.Json(form), key);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(first, again);
    }
}
