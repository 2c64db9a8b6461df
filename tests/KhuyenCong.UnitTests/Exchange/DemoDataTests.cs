using KhuyenCong.Application.Exchange;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Infrastructure.Exchange;
using KhuyenCong.UnitTests.Deployment;

namespace KhuyenCong.UnitTests.Exchange;

/// <summary>
/// The demo file (data/demo) reproduces the Hưng Yên figures of 2014-2020 (DOMAIN.md): national money of nearly
/// 5.2 billion VND including the training of 400 industrial sewing workers; 10 national đề án of demonstration models
/// and machinery over 2.2 billion; local money over 5.8 billion of which 71.7% went directly to establishments.
/// </summary>
public class DemoDataTests
{
    private static readonly Lazy<IReadOnlyList<ImportRecord>> Records = new(Load);

    private static IReadOnlyList<ImportRecord> Load()
    {
        var content = File.ReadAllBytes(BuildPaths.InRepo("data", "demo", "proposals-hung-yen-2014-2020.csv"));
        var files = new SpreadsheetFiles();
        Assert.Equal(SpreadsheetFormat.Csv, files.Detect(content));
        var parsed = ProposalImportParser.Parse(files.Read(content, SpreadsheetFormat.Csv, new SpreadsheetLimits(10_001, ProposalColumns.All.Count), CancellationToken.None).ToList(), new DateOnly(2026, 1, 1), Language.Vietnamese);
        Assert.True(parsed.IsValid, string.Join(Environment.NewLine, parsed.Errors.Select(e => $"{e.Row} {e.Column}: {e.Message}")));
        return parsed.Records;
    }

    private static long Paid(IEnumerable<ImportRecord> records) => records.Sum(r => r.Funding.PaidAmount);

    private static bool PaidDirectlyToEstablishments(ProposalKind kind) =>
        kind is ProposalKind.Machinery or ProposalKind.TechnologyLine or ProposalKind.DemonstrationModel;

    [Fact]
    public void DemoFile_EveryRow_IsASettledHungYenProposalOf2014To2020()
    {
        Assert.All(Records.Value, r =>
        {
            Assert.Equal(ProposalStatus.Settled, r.Status);
            Assert.Equal("hung-yen", r.Submission.Province);
            Assert.InRange(r.SubmittedAt.ToOffset(VietnamTime.Offset).Year, 2014, 2020);
            Assert.NotNull(r.Funding.ApprovedAmount);
            Assert.True(r.Funding.PaidAmount > 0);
            Assert.NotNull(r.Funding.SettledOn);
        });
        Assert.Equal(Records.Value.Count, Records.Value.Select(r => r.TrackingCode).Distinct().Count());
    }

    [Fact]
    public void DemoFile_NationalFunding_IsNearly5Point2Billion()
    {
        var national = Paid(Records.Value.Where(r => r.Submission.FundingSource == FundingSource.National));

        Assert.InRange(national, 5_100_000_000, 5_199_999_999);
    }

    [Fact]
    public void DemoFile_NationalTraining_Trained400IndustrialSewingWorkers()
    {
        var training = Records.Value.Where(r => r.Submission.FundingSource == FundingSource.National && r.Submission.Kind == ProposalKind.Training).ToList();

        Assert.Equal(400, training.Sum(r => r.Submission.ExpectedTrainees ?? 0));
        Assert.All(training, r => Assert.Contains("may công nghiệp", r.Submission.Title, StringComparison.Ordinal));
    }

    [Fact]
    public void DemoFile_NationalDemonstrationModelsAndMachinery_AreTenOverTwoPointTwoBillion()
    {
        var models = Records.Value.Where(r => r.Submission.FundingSource == FundingSource.National
            && r.Submission.Kind is ProposalKind.DemonstrationModel or ProposalKind.Machinery).ToList();

        Assert.Equal(10, models.Count);
        Assert.True(Paid(models) > 2_200_000_000, Paid(models).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void DemoFile_LocalFunding_IsOver5Point8BillionWith71Point7PercentPaidDirectlyToEstablishments()
    {
        var local = Records.Value.Where(r => r.Submission.FundingSource == FundingSource.Local).ToList();
        var total = Paid(local);
        var direct = Paid(local.Where(r => PaidDirectlyToEstablishments(r.Submission.Kind)));

        Assert.True(total > 5_800_000_000, total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange((double)direct / total, 0.7165, 0.7175);
    }

    [Fact]
    public void DemoFile_Sectors_AreTheProvincesStrongOnes()
    {
        var sectors = Records.Value.Select(r => r.Submission.Sector).ToHashSet();

        Assert.Equal(["Bao bì nhựa", "Chế biến nông sản", "Cơ khí chế tạo", "May mặc xuất khẩu"], sectors.Order(StringComparer.Ordinal));
    }
}
