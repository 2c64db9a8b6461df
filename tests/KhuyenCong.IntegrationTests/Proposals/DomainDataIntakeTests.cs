using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace KhuyenCong.IntegrationTests.Proposals;

/// <summary>
/// Issue 14 over HTTP: applicants as Decree 45/2012 art. 1 cl. 2 (as amended by Decree 235/2025) defines them, with the
/// tax-code formats that fit; the commune from the official list of the chosen province (NQ 1666/NQ-UBTVQH15 for Hưng
/// Yên); the caps of TT 28/2018/TT-BTC art. 8; đề án nhóm with beneficiaries; the document checklist per kind.
/// </summary>
[Collection(IntakeCollection.Name)]
public sealed class DomainDataIntakeTests(IntakeFixture fixture) : IntakeTestBase(fixture)
{
    private const string ThreeBeneficiaries = """
        [{"name":"HTX Mây tre Phú Vinh","taxCode":"0101234567","entityType":"cooperative","commune":"Xã Tân Hưng"},
         {"name":"Hộ kinh doanh Nguyễn Văn Bình","taxCode":"001089012345","entityType":"household-business","commune":"Mỹ Hào"},
         {"name":"Công ty TNHH Nhựa Lạc Đạo","taxCode":"0900480825","entityType":"sme","commune":"xa lac dao"}]
        """;

    private static Dictionary<string, object?> HouseholdBusiness() => ProposalForms.Valid()
        .With("organizationName", "Hộ kinh doanh Trần Thị Mai").With("entityType", "household-business")
        .With("taxCode", "0" + ProposalForms.NewTaxCode() + "1");

    [Fact]
    public async Task Submit_HouseholdBusinessWithA12DigitNumber_Returns201AndRecordsTheEntityType()
    {
        var form = HouseholdBusiness();
        var taxCode = (string)form["taxCode"]!;
        Assert.Equal(12, taxCode.Length);

        var (id, _) = await AcceptedAsync(ProposalForms.Json(form));

        var submission = (await GetProposalAsync(id)).GetProperty("submission");
        Assert.Equal("household-business", submission.GetProperty("entityType").GetString());
        Assert.Equal(taxCode, submission.GetProperty("taxCode").GetString());
        Assert.Equal("machinery", submission.GetProperty("activity").GetString());
    }

    [Fact]
    public Task Submit_EnterpriseWithA12DigitNumber_Returns400NamingTaxCodeAndEntityTypeAndStoresNothing() =>
        RejectedWithFieldsAsync(ProposalForms.Valid().With("taxCode", "001089012345"), ["taxCode", "entityType"]);

    [Fact]
    public async Task Submit_NationalDemonstrationModelAt35Percent_Returns400NamingTheCap()
    {
        var form = ProposalForms.Valid().With("kind", "demonstration-model")
            .With("totalCost", "1.000.000.000").With("requestedSupport", "350.000.000").With("ownContribution", "650.000.000");

        var message = await RejectedAsync(() => ProposalForms.Json(form), HttpStatusCode.BadRequest, "requestedSupport", null);

        Assert.StartsWith("Kinh phí đề nghị hỗ trợ bằng 35% tổng kinh phí, vượt mức tối đa 30% (Thông tư 28/2018/TT-BTC Điều 8 khoản 2", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_CommuneWithoutItsKindOrDiacritics_IsRecordedByItsOfficialNameAndCode()
    {
        var (withKind, _) = await AcceptedAsync(ProposalForms.Json(ProposalForms.Valid().With("commune", "Phường Mỹ Hào")));
        var (bare, _) = await AcceptedAsync(ProposalForms.Json(ProposalForms.Valid().With("commune", "my hao")));

        foreach (var id in new[] { withKind, bare })
        {
            var submission = (await GetProposalAsync(id)).GetProperty("submission");
            Assert.Equal("Phường Mỹ Hào", submission.GetProperty("commune").GetString());
            Assert.Equal("12103", submission.GetProperty("communeCode").GetString());
        }
    }

    [Fact]
    public Task Submit_CommuneOutsideTheChosenProvince_Returns400NamingCommune() =>
        RejectedInBothLanguagesAsync(() => ProposalForms.Json(ProposalForms.Valid().With("commune", "Phường Ba Đình")), HttpStatusCode.BadRequest, "commune",
            "\"Phường Ba Đình\" không phải xã, phường, đặc khu hiện nay của tỉnh Hưng Yên: vui lòng chọn trong danh sách chính thức.",
            "\"Phường Ba Đình\" is not a commune, ward or special zone of Hung Yen today: choose one from the official list (GET /api/geography/communes).");

    [Fact]
    public async Task Submit_CentreGroupProposal_StoresEachBeneficiaryPlacedInTheOfficialList()
    {
        var (id, _) = await AcceptedAsync(ProposalForms.Json(CentreForm("fair-participation", ThreeBeneficiaries)));

        var beneficiaries = (await GetProposalAsync(id)).GetProperty("submission").GetProperty("beneficiaries").EnumerateArray().ToList();
        Assert.Equal(["11977", "12103", "11992"], beneficiaries.Select(b => b.GetProperty("communeCode").GetString()));
        Assert.Equal("Phường Mỹ Hào", beneficiaries[1].GetProperty("commune").GetString());
    }

    [Fact]
    public Task Submit_BeneficiaryListedTwice_Returns400NamingBeneficiariesAndStoresNothing() =>
        RejectedAsync(() => ProposalForms.Json(CentreForm("fair-participation", """
            [{"name":"A","taxCode":"0101234567","entityType":"sme","commune":"Xã Tân Hưng"},{"name":"B","taxCode":"0101234567","entityType":"sme","commune":"Xã Tân Hưng"}]
            """)), HttpStatusCode.BadRequest, "beneficiaries",
            "Cơ sở thụ hưởng có mã số thuế 0101234567 được kê khai nhiều lần: mỗi cơ sở chỉ kê khai một lần.");

    [Fact]
    public Task Submit_BeneficiaryOutsideTheProvince_Returns400NamingBeneficiaries() =>
        RejectedAsync(() => ProposalForms.Json(CentreForm("fair-participation", """
            [{"name":"A","taxCode":"0101234567","entityType":"sme","commune":"Phường Hoàn Kiếm"}]
            """)), HttpStatusCode.BadRequest, "beneficiaries", null);

    [Fact]
    public Task Submit_TypicalProductRoundFromThePublicForm_Returns400NamingKind() =>
        RejectedAsync(() => ProposalForms.Json(CentreForm("typical-product-voting", null).With("roundLevel", "province").With("fundingSource", "local")),
            HttpStatusCode.BadRequest, "activity", null);

    [Fact]
    public async Task Submit_TypicalProductRoundByAnOfficer_Returns201WithItsLevel()
    {
        var (id, _) = await AcceptedAsync(ProposalForms.Json(CentreForm("typical-product-voting", null).With("roundLevel", "province").With("fundingSource", "local")
            .With("totalCost", "200.000.000").With("requestedSupport", "140.000.000").With("ownContribution", "60.000.000")), withFunctionKey: true);

        Assert.Equal("province", (await GetProposalAsync(id)).GetProperty("submission").GetProperty("roundLevel").GetString());
    }

    [Fact]
    public async Task Submit_MachineryAboveWhatIsLeftOfThePerEstablishmentCap_Returns400CountingTheEarlierApproval()
    {
        // TT 28/2018/TT-BTC art. 8 cl. 4: at most 300 million per establishment; 200 million were approved earlier under the same cap.
        var taxCode = ProposalForms.NewTaxCode();
        await ImportApprovedMachineryAsync(taxCode, 200_000_000);

        var message = await RejectedAsync(() => ProposalForms.Json(ProposalForms.Valid().With("taxCode", taxCode)), HttpStatusCode.BadRequest, "requestedSupport", null);

        Assert.Contains("200.000.000 đồng cơ sở đã được hỗ trợ theo cùng mức này", message, StringComparison.Ordinal);
        await AcceptedAsync(ProposalForms.Json(ProposalForms.Valid().With("taxCode", taxCode).With("requestedSupport", "100.000.000").With("ownContribution", "500.000.000")));
    }

    [Fact]
    public async Task Kinds_Anonymous_ListEachActivityWithItsDocumentChecklist()
    {
        using var client = Fixture.CreateClient();

        var kinds = (await client.GetFromJsonAsync<List<JsonElement>>("/api/kinds"))!;

        Assert.Equal(16, kinds.Count);
        var machinery = kinds.Single(k => k.GetProperty("code").GetString() == "machinery").GetProperty("activities")[0];
        Assert.Equal("TT 28/2018/TT-BTC art. 8 cl. 4", machinery.GetProperty("clause").GetString());
        var documents = machinery.GetProperty("documents").GetProperty("establishment").EnumerateArray().ToList();
        Assert.Contains(documents, d => d.GetProperty("code").GetString() == "bao-gia" && d.GetProperty("name").GetString() == "Báo giá máy móc, thiết bị của nhà cung cấp");
        Assert.All(documents, d => Assert.Equal(JsonValueKind.Null, d.GetProperty("template").ValueKind));
        var model = kinds.Single(k => k.GetProperty("code").GetString() == "demonstration-model").GetProperty("activities").EnumerateArray()
            .Select(a => a.GetProperty("code").GetString()).ToList();
        Assert.Equal(["demonstration-model-new", "demonstration-model-replication"], model);
        var english = (await client.GetFromJsonAsync<List<JsonElement>>("/api/kinds?lang=en"))!;
        Assert.Equal("Advanced machinery and technology transfer", english.Single(k => k.GetProperty("code").GetString() == "machinery").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Submit_FilesMarkedAsDocuments_AreRecordedAndAnUnknownMarkIsRefused()
    {
        var (id, _) = await AcceptedAsync(ProposalForms.Multipart(ProposalForms.Valid())
            .File("de-an.pdf", SampleFiles.Pdf()).File("du-toan.pdf", SampleFiles.Pdf())
            .Field("attachmentDocuments", "thuyet-minh").Field("attachmentDocuments", "du-toan").Build());

        var attachments = (await GetProposalAsync(id)).GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(["thuyet-minh", "du-toan"], attachments.Select(a => a.GetProperty("document").GetString()).Order(StringComparer.Ordinal).Reverse());

        await RejectedAsync(() => ProposalForms.Multipart(ProposalForms.Valid()).File("de-an.pdf", SampleFiles.Pdf()).Field("attachmentDocuments", "giay-phep-bay").Build(),
            HttpStatusCode.BadRequest, "attachmentDocuments", null);
    }

    private static Dictionary<string, object?> CentreForm(string activity, string? beneficiaries) => ProposalForms.Valid()
        .With("organizationName", "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp").With("entityType", "service-provider")
        .Without("kind").With("activity", activity).With("beneficiaries", beneficiaries is null ? null : JsonDocument.Parse(beneficiaries).RootElement.Clone())
        .With("commune", "Phường Phố Hiến").With("fundingSource", "local")
        .With("totalCost", "300.000.000").With("requestedSupport", "150.000.000").With("ownContribution", "150.000.000");

    private async Task RejectedWithFieldsAsync(Dictionary<string, object?> form, string[] fields)
    {
        var before = await StorageCounts.TakeAsync(Fixture.StorageConnectionString);
        using var client = Fixture.CreateClient();
        using var response = await client.PostAsync(ProposalForms.SubmitUri, ProposalForms.Json(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(fields.Order(StringComparer.Ordinal), problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(before, await StorageCounts.TakeAsync(Fixture.StorageConnectionString));
    }

    private async Task ImportApprovedMachineryAsync(string taxCode, long approved)
    {
        const string header = "Tên đề án,\"Tên tổ chức, cơ sở\",Mã số thuế,Loại hình cơ sở,Người đại diện,Email,Số điện thoại,Địa chỉ,\"Xã, phường, đặc khu\","
            + "\"Tỉnh, thành phố\",Loại đề án,\"Ngành nghề, lĩnh vực\",Nguồn kinh phí,Tổng kinh phí (đồng),Kinh phí đề nghị hỗ trợ (đồng),Vốn đối ứng (đồng),"
            + "Ngày bắt đầu,Ngày kết thúc,Tình trạng,Thời điểm nộp,Kinh phí được duyệt (đồng),Ngày quyết định";
        var row = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Máy ép nhựa đợt 1,Công ty TNHH Nhựa A,{taxCode},sme,Nguyễn Văn A,a@example.vn,0912345678,Thôn A,Xã Tân Hưng,hung-yen,machinery,Bao bì nhựa,national,600000000,{approved},{600_000_000 - approved},2025-01-01,2025-06-30,approved,2025-01-02,{approved},2025-02-01");
        using var client = Fixture.CreateClient(withFunctionKey: true);
        using var response = await client.PostAsync("/api/import/proposals", new StringContent(header + "\n" + row + "\n", System.Text.Encoding.UTF8, "text/csv"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
