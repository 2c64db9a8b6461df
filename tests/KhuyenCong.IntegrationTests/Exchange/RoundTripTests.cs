using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Application.Exchange;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.IntegrationTests.Proposals;

namespace KhuyenCong.IntegrationTests.Exchange;

/// <summary>Export, then import: the exported file is a valid import file and gives back the same proposals.</summary>
[Collection(ExchangeCollection.Name)]
public class RoundTripTests(ExchangeFixture fixture)
{
    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task ExportThenImport_AfterDeletingTheOriginals_GivesBackTheSameFields(string format)
    {
        using var client = fixture.CreateClient();
        var marker = ProposalForms.NewTaxCode();
        var originals = new List<Proposal>();

        // An online proposal with awkward texts, and a historical one with its funding facts.
        var form = ProposalForms.Valid().With("taxCode", marker).With("organizationName", "=1+1 Cơ sở Đồng Tâm \"Hưng Yên\", số 2")
            .With("title", "-Đào tạo; nghề @mây tre đan").With("summary", "Dòng một.\nDòng hai: đủ dấu ắ ằ ẳ ẵ ặ.");
        using (var submitted = await client.PostAsync(ProposalForms.SubmitUri, ProposalForms.Json(form)))
        {
            Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
            var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            originals.Add((await fixture.Proposals.GetAsync(id, CancellationToken.None))!);
        }

        var thisYear = originals[0].Year;
        var historical = ImportFiles.SettledRow(thisYear - 1).With(ProposalColumns.TaxCode, marker);
        var (imported, body) = await PostAsync(client, ImportFiles.Csv(historical));
        Assert.Equal(HttpStatusCode.Created, imported);
        var code = body.GetProperty("proposals")[0].GetProperty("trackingCode").GetString()!;
        originals.Add((await fixture.Proposals.FindByTrackingCodeAsync(code, CancellationToken.None))!);

        using var export = await client.GetAsync(new Uri($"/api/proposals/export?format={format}&from={thisYear - 1}&to={thisYear}&q={marker}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var file = await export.Content.ReadAsByteArrayAsync();

        // Importing while the originals exist: every row is a duplicate (the imported one counts as already imported).
        var (duplicate, duplicateBody) = await PostAsync(client, file);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate);
        Assert.Single(duplicateBody.GetProperty("rowErrors").EnumerateArray());

        foreach (var original in originals)
        {
            await fixture.Proposals.DeleteAsync(original, CancellationToken.None);
        }

        var (status, result) = await PostAsync(client, file);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(2, result.GetProperty("imported").GetInt32());
        foreach (var original in originals)
        {
            var copy = await fixture.Proposals.FindByTrackingCodeAsync(original.TrackingCode, CancellationToken.None);
            Assert.NotNull(copy);
            Assert.Equal(original.Submission, copy.Submission);
            Assert.Equal(original.Status, copy.Status);
            Assert.Equal(original.SubmittedAt, copy.SubmittedAt);
            Assert.Equal(original.Funding, copy.Funding);
            Assert.Equal(original.ProgrammeId, copy.ProgrammeId);
            Assert.Equal(SubmissionChannel.Imported, copy.Channel);
            Assert.Equal(original.Status, Assert.Single(copy.History).To);
        }
    }

    private static async Task<(HttpStatusCode, JsonElement)> PostAsync(HttpClient client, byte[] file)
    {
        using var response = await client.PostAsync(ImportFiles.ImportUri, ImportFiles.Content(file, "application/octet-stream"));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
