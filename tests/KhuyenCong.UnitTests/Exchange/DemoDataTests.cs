using KhuyenCong.Application.Exchange;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;
using KhuyenCong.Infrastructure.Exchange;
using KhuyenCong.UnitTests.Deployment;

namespace KhuyenCong.UnitTests.Exchange;

/// <summary>
/// The demo file (data/demo) reproduces the Hưng Yên figures of 2014-2020 (DOMAIN.md): national money of nearly
/// 5.2 billion VND including the training of 400 industrial sewing workers; 10 national đề án of demonstration models
/// and machinery over 2.2 billion; local money over 5.8 billion of which 71.7% went directly to establishments. And it
/// could be real: every row within the caps of its decision's date, unique contracts, nothing after the article
/// (29/06/2020), the national programme that existed, national đề án approved in the Ministry's annual plan decisions.
/// </summary>
public class DemoDataTests
{
    private static readonly DateOnly Article = new(2020, 6, 29);

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
    public void DemoFile_NationalTraining_Trained400IndustrialSewingWorkersPlannedAndActual()
    {
        var training = Records.Value.Where(r => r.Submission.FundingSource == FundingSource.National && r.Submission.Kind == ProposalKind.Training).ToList();

        Assert.Equal(400, training.Sum(r => r.Submission.ExpectedTrainees ?? 0));
        Assert.Equal(400, training.Sum(r => r.Funding.Results?.Trainees ?? 0));
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

    // ADR 0023: one definition of "paid directly to establishments", the one StatisticsSnapshot uses (DirectSupport).
    [Fact]
    public void DemoFile_LocalFunding_IsOver5Point8BillionWith71Point7PercentPaidDirectlyToEstablishments()
    {
        var local = Records.Value.Where(r => r.Submission.FundingSource == FundingSource.Local).ToList();
        var total = Paid(local);
        var direct = Paid(local.Where(r => DirectSupport.IsPaidToEstablishment(ProposalActivity.Of(r.Submission))));

        Assert.True(total > 5_800_000_000, total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange((double)direct / total, 0.7165, 0.7175);
    }

    [Fact]
    public void DemoFile_Sectors_AreTheProvincesStrongOnesInTheControlledList()
    {
        var sectors = Records.Value.Select(r => r.Submission.Sector).ToHashSet();

        Assert.Equal(["Bao bì nhựa", "Chế biến nông sản", "Cơ khí chế tạo", "May mặc xuất khẩu"], sectors.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(Records.Value, r => r.Submission.SectorCode == "other");
    }

    // Every row within the caps in force on its decision's date (TTLT 26/2014 before 11/05/2018, TT 28/2018 after; the
    // example local caps of the former Hưng Yên), a per-establishment cap counting what the establishment got before.
    [Fact]
    public void DemoFile_EveryRow_IsWithinTheCapsOfItsDecisionDate()
    {
        foreach (var row in Records.Value)
        {
            var date = row.Funding.DecisionDate!.Value;
            var cap = CapCheck.Resolve(row.Submission, CapSeed.All, date);
            var already = cap is { Unit: CapUnit.PerEstablishment }
                ? Records.Value.Where(o => o != row && o.Submission.TaxCode == row.Submission.TaxCode && o.Submission.FundingSource == cap.FundingSource
                        && ProposalActivity.Of(o.Submission).Code == cap.Activity && o.Funding.DecisionDate < date && cap.IsEffectiveOn(o.Funding.DecisionDate!.Value))
                    .Sum(o => o.Funding.ApprovedAmount ?? 0)
                : 0;

            var result = CapCheck.Check(row.Submission, cap, Language.Vietnamese, already);

            Assert.True(result.IsWithinCap && result.Advisories.Count == 0,
                $"Row {row.Row} ({row.Submission.Title}, {date}): " + string.Join(" ", result.FieldErrors.Concat(result.Advisories).Select(e => e.Message)));
            if (row.Submission.FundingSource == FundingSource.National && row.Submission.Kind is ProposalKind.DemonstrationModel or ProposalKind.Machinery)
            {
                Assert.NotNull(cap);
            }
        }
    }

    [Fact]
    public void DemoFile_Dates_NoneAfterTheArticleOf29June2020()
    {
        Assert.All(Records.Value, r =>
        {
            var f = r.Funding;
            DateOnly?[] dates = [DateOnly.FromDateTime(r.SubmittedAt.ToOffset(VietnamTime.Offset).DateTime), r.Submission.StartDate, r.Submission.EndDate,
                f.DecisionDate, f.ContractDate, f.AcceptedOn, f.SettledOn];
            Assert.All(dates, d => Assert.True(d <= Article, $"Row {r.Row}: {d} is after 29/06/2020."));
            Assert.True(r.Submission.StartDate >= f.ContractDate, $"Row {r.Row} starts before its contract.");
        });
    }

    [Fact]
    public void DemoFile_ContractNumbers_AreUnique()
    {
        var numbers = Records.Value.Select(r => r.Funding.ContractNumber).ToList();

        Assert.Equal(numbers.Count, numbers.Distinct(StringComparer.Ordinal).Count());
    }

    // QĐ 1288/QĐ-TTg (01/8/2014): the national programme to 2020; national đề án are approved in the Ministry's annual plan decision (one per year).
    [Fact]
    public void DemoFile_NationalRows_BelongTo1288AndShareOnePlanDecisionPerYear()
    {
        var national = Records.Value.Where(r => r.Submission.FundingSource == FundingSource.National).ToList();

        Assert.All(national, r => Assert.Equal("1288/QĐ-TTg", r.ProgrammeId));
        Assert.All(national, r => Assert.EndsWith("/QĐ-BCT", r.Funding.DecisionNumber, StringComparison.Ordinal));
        Assert.All(national, r => Assert.True(r.Funding.DecisionDate >= new DateOnly(2014, 8, 1), "after QĐ 1288/QĐ-TTg of 01/8/2014"));
        Assert.All(national.GroupBy(r => r.SubmittedAt.Year), year => Assert.Single(year.Select(r => (r.Funding.DecisionNumber, r.Funding.DecisionDate)).Distinct()));
        Assert.DoesNotContain(Records.Value, r => r.ProgrammeId == "KCQG-2011-2015");
    }

    [Fact]
    public void DemoFile_EveryRow_HasAnEntityTypeThatFitsAndAnOfficialCommuneCode()
    {
        var official = ShippedCommunes.For("hung-yen").Select(c => c.CommuneCode).ToHashSet(StringComparer.Ordinal);

        Assert.All(Records.Value, r =>
        {
            Assert.NotEqual("unspecified", r.Submission.EntityType);
            Assert.Contains(r.Submission.CommuneCode!, official);
            Assert.All(r.Submission.Beneficiaries, b => Assert.True(KhuyenCong.Domain.Applicants.EntityTypes.TryParse(b.EntityType, out _)));
        });
        var group = Assert.Single(Records.Value, r => r.Submission.Beneficiaries.Count == 3 && r.SubmittedAt.Year == 2015);
        Assert.Equal("fair-participation", group.Submission.Activity);
    }
}
