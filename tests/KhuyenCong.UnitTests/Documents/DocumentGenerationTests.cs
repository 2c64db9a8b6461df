using KhuyenCong.Application.Common;
using KhuyenCong.Application.Documents;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.UnitTests.Documents;

/// <summary>
/// The officer's number and date, as the use case checks them whatever the entry point (a JSON body, the staff page's
/// form): an invalid order is answered before the proposal is read, so nothing is gathered, numbered or stored (these
/// tests have no storage: a store touched would fail them). Generation itself is proven over HTTP on Azurite
/// (ProposalDocumentRoutesTests).
/// </summary>
public sealed class DocumentGenerationTests : IDisposable
{
    /// <summary>Azurite's published development account at a port nothing listens on: a store used would throw.</summary>
    private const string NoStorage = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + "BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1";

    private readonly ServiceProvider services = DocumentsTestServices.Create(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = NoStorage });

    private DocumentGeneration Generation => services.GetRequiredService<DocumentGeneration>();

    public void Dispose() => services.Dispose();

    private Task<Decision<GeneratedDocument>> GenerateAsync(DocumentOrder order) =>
        Generation.GenerateAsync(services.Kind("receipt"), "p1", order, "Nguyễn Văn A", CancellationToken.None);

    [Fact]
    public async Task GenerateAsync_NumberTooLongAndDateNotIso_IsInvalidNamingBothInBothLanguages()
    {
        var decision = await GenerateAsync(new DocumentOrder(FieldInput.Of(new string('9', DocumentGeneration.MaxNumber + 1)), FieldInput.Of("05/03/2026")));

        Assert.Equal(DecisionKind.Invalid, decision.Kind);
        Assert.Equal(["number", "date"], decision.Errors!.Fields);
        Assert.Equal("Số văn bản tối đa 50 ký tự, ví dụ 07/BB-TTKC.", decision.Errors.In(Language.Vietnamese)["number"].Single());
        Assert.Equal("Enter the document's date as yyyy-MM-dd, at most a year ahead.", decision.Errors.In(Language.English)["date"].Single());
    }

    [Fact]
    public async Task GenerateAsync_FieldsThatAreNotText_AreInvalid()
    {
        var decision = await GenerateAsync(new DocumentOrder(new FieldInput(null, WrongType: true), new FieldInput("2026-03-05", WrongType: true)));

        Assert.Equal(["number", "date"], decision.Errors!.Fields);
    }

    [Theory]
    [InlineData("1999-12-31")]
    [InlineData("2026-02-30")]
    public async Task GenerateAsync_DateBefore2000OrNoDay_IsInvalid(string date) =>
        Assert.Equal(["date"], (await GenerateAsync(new DocumentOrder(FieldInput.Absent, FieldInput.Of(date)))).Errors!.Fields);

    [Fact]
    public async Task GenerateAsync_DateMoreThanAYearAhead_IsInvalid()
    {
        var later = VietnamTime.Today(TimeProvider.System).AddYears(1).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(["date"], (await GenerateAsync(new DocumentOrder(FieldInput.Absent, FieldInput.Of(later)))).Errors!.Fields);
    }

    [Theory]
    [InlineData("07/BB\u0000-TTKC")]
    [InlineData("\u200B")]
    public async Task GenerateAsync_NumberWithHiddenCharactersOrNothingVisible_IsInvalid(string number) =>
        Assert.Equal(["number"], (await GenerateAsync(new DocumentOrder(FieldInput.Of(number), FieldInput.Absent))).Errors!.Fields);
}
