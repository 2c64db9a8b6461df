using System.Security.Cryptography;
using System.Text;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Reference;
using KhuyenCong.Domain.Sectors;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Statistics;

/// <summary>
/// What one proposal contributes to the statistics: its year (Vietnam time, never changes), status, kind and activity,
/// sector, funding source, today's province and commune, programme, and its figures, planned and actual. Two snapshots of one proposal are
/// compared, and the difference is applied to the aggregate cells (docs/storage.md, "Statistics").
/// </summary>
public sealed record StatisticsSnapshot
{
    public required int Year { get; init; }

    public required ProposalStatus Status { get; init; }

    public required ProposalKind Kind { get; init; }

    public required FundingSource FundingSource { get; init; }

    /// <summary>The sector as submitted (display).</summary>
    public required string Sector { get; init; }

    /// <summary>The sector's code in the controlled list; cells group listed sectors by code and "other" by its text (ignoring case and diacritics).</summary>
    public string SectorCode { get; init; } = SectorCatalog.Other;

    /// <summary>The activity code, or null for a record without one (the kind's default activity).</summary>
    public string? Activity { get; init; }

    /// <summary>Today's province: the code of a current province (after 1/7/2025), or the text as submitted when unknown.</summary>
    public required string Province { get; init; }

    /// <summary>Today's commune (display); cells group it ignoring case and diacritics.</summary>
    public required string Commune { get; init; }

    /// <summary>The programme the proposal counts towards, or "" for none.</summary>
    public required string ProgrammeId { get; init; }

    public required long Requested { get; init; }

    /// <summary>The approved amount, null until approved.</summary>
    public long? Approved { get; init; }

    public long Paid { get; init; }

    /// <summary>The establishment's own money (vốn đối ứng) as the proposal states it, 0 or more.</summary>
    public long OwnContribution { get; init; }

    /// <summary>Trainees planned in the proposal.</summary>
    public int Trainees { get; init; }

    /// <summary>Jobs planned in the proposal.</summary>
    public int Jobs { get; init; }

    /// <summary>The date of the approval decision, null until decided: the reporting periods count by it (ADR 0024).</summary>
    public DateOnly? DecisionDate { get; init; }

    /// <summary>
    /// Beneficiary establishments of the đề án, each counted once (distinct by tax code): 1 for an establishment's own
    /// proposal, the listed beneficiaries for a đề án nhóm, 0 for a đề án of the Centre without beneficiaries.
    /// </summary>
    public int Beneficiaries { get; init; } = 1;

    /// <summary>Trainees actually trained (recorded at acceptance); 0 until recorded.</summary>
    public int ActualTrainees { get; init; }

    /// <summary>Jobs actually created (recorded at acceptance).</summary>
    public int ActualJobs { get; init; }

    /// <summary>Demonstration models actually built (recorded at acceptance).</summary>
    public int Models { get; init; }

    /// <summary>Products certified as typical (recorded at acceptance).</summary>
    public int ProductsCertified { get; init; }

    /// <summary>
    /// The beneficiary establishments by entity type and place (their counts sum to <see cref="Beneficiaries"/>): the
    /// applicant at the proposal's place for its own proposal, the listed beneficiaries at their own communes for a đề án nhóm.
    /// </summary>
    public ValueList<BeneficiaryPlace> BeneficiaryPlaces { get; init; } = ValueList<BeneficiaryPlace>.Empty;

    /// <summary>The recorded payments summed by day, oldest first (an imported record's paid amount has no date and no entry).</summary>
    public ValueList<DatedPayment> Payments { get; init; } = ValueList<DatedPayment>.Empty;

    /// <summary>What was paid to the establishments themselves (ADR 0023, <see cref="DirectSupport"/>); 0 for other activities.</summary>
    public long PaidDirect => DirectSupport.IsPaidToEstablishment(Activity is { } code && ActivityCatalog.TryParse(code, out var a) ? a : ActivityCatalog.DefaultFor(Kind)) ? Paid : 0;

    /// <summary>The aggregate cell this proposal falls in.</summary>
    public StatisticsCellKey Cell => new(FundingSource.ToCode(), Kind.ToCode(), Province, StatisticsCellKey.Fold(Commune), StatisticsCellKey.SectorKeyOf(SectorCode, Sector), ProgrammeId, DecisionDate);

    /// <summary>The measures this proposal adds to its cell: a count of one, one in its status, and its figures.</summary>
    public StatisticsMeasures Measures()
    {
        var m = new StatisticsMeasures();
        m.Add(StatisticsMeasures.Count, 1);
        m.Add(StatisticsMeasures.StatusName(Status), 1);
        m.Add(StatisticsMeasures.Requested, Requested);
        m.Add(StatisticsMeasures.Approved, Approved ?? 0);
        m.Add(StatisticsMeasures.ApprovedCount, Approved is null ? 0 : 1);
        m.Add(StatisticsMeasures.Paid, Paid);
        m.Add(StatisticsMeasures.PaidDirect, PaidDirect);
        m.Add(StatisticsMeasures.Trainees, Trainees);
        m.Add(StatisticsMeasures.Jobs, Jobs);
        m.Add(StatisticsMeasures.Beneficiaries, Beneficiaries);
        m.Add(StatisticsMeasures.ActualTrainees, ActualTrainees);
        m.Add(StatisticsMeasures.ActualJobs, ActualJobs);
        m.Add(StatisticsMeasures.Models, Models);
        m.Add(StatisticsMeasures.ProductsCertified, ProductsCertified);
        m.Add(StatisticsMeasures.Counterpart, OwnContribution);
        m.Add(StatisticsMeasures.ApprovedCounterpart, Approved is null ? 0 : OwnContribution);
        return m;
    }

    /// <summary>Every cell this proposal adds to: its own, one per beneficiary type and place, one per payment day (ADR 0029).</summary>
    public IEnumerable<StatisticsCellChange> Contributions()
    {
        var main = Cell;
        yield return new StatisticsCellChange(main, Commune, Sector, Measures());
        foreach (var place in BeneficiaryPlaces.Where(p => p.Count != 0))
        {
            var key = main with { Facet = StatisticsFacets.Beneficiaries, EntityType = place.EntityType, Province = place.Province, CommuneKey = StatisticsCellKey.Fold(place.Commune) };
            yield return new StatisticsCellChange(key, place.Commune, Sector, One(StatisticsMeasures.Beneficiaries, place.Count));
        }

        foreach (var payment in Payments.Where(p => p.Amount != 0))
        {
            var key = main with { Facet = StatisticsFacets.Payments, Decided = null, PaidOn = payment.Day };
            yield return new StatisticsCellChange(key, Commune, Sector, One(StatisticsMeasures.Paid, payment.Amount));
        }
    }

    private static StatisticsMeasures One(string name, long value)
    {
        var m = new StatisticsMeasures();
        m.Add(name, value);
        return m;
    }

    /// <summary>
    /// The change to the cells when a proposal's contribution goes from <paramref name="from"/> to
    /// <paramref name="to"/> (null: no contribution). Cells whose change nets to zero are left out.
    /// </summary>
    public static IReadOnlyList<StatisticsCellChange> Delta(StatisticsSnapshot? from, StatisticsSnapshot? to)
    {
        var changes = new Dictionary<StatisticsCellKey, (StatisticsCellChange Labels, StatisticsMeasures Measures)>();
        void Apply(StatisticsSnapshot s, int sign)
        {
            foreach (var contribution in s.Contributions())
            {
                if (!changes.TryGetValue(contribution.Key, out var entry))
                {
                    entry = (contribution, new StatisticsMeasures());
                    changes[contribution.Key] = entry;
                }

                entry.Measures.Add(contribution.Measures, sign);
            }
        }

        if (from is not null)
        {
            Apply(from, -1);
        }

        if (to is not null)
        {
            Apply(to, +1);
        }

        return changes
            .Where(c => !c.Value.Measures.IsZero)
            .Select(c => new StatisticsCellChange(c.Key, c.Value.Labels.Commune, c.Value.Labels.Sector, c.Value.Measures))
            .OrderBy(c => c.Key.RowKey, StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>One cell's change: its key, display labels (for a new cell) and the measures to add.</summary>
public sealed record StatisticsCellChange(StatisticsCellKey Key, string Commune, string Sector, StatisticsMeasures Measures);

/// <summary>
/// The dimensions of an aggregate cell within a year: funding source, kind, today's province, commune and sector
/// (folded: no case, no diacritics), programme, and the approval decision's date (null while undecided; ADR 0024);
/// for the facet cells (ADR 0029) the facet, the beneficiaries' entity type (their province and commune are then the
/// beneficiaries' own) or the payment day (a payment cell has no decision date). The filters of <c>GET /api/stats</c>
/// are these dimensions.
/// </summary>
public sealed record StatisticsCellKey(string FundingSource, string Kind, string Province, string CommuneKey, string SectorKey, string ProgrammeId,
    DateOnly? Decided = null, string Facet = StatisticsFacets.Main, string EntityType = "", DateOnly? PaidOn = null)
{
    /// <summary>Row keys of cells start with this.</summary>
    public const string Prefix = "cell-";

    /// <summary>A stable row key (Table Storage forbids / \ # ? and control characters, so the dimensions are hashed).</summary>
    public string RowKey
    {
        get
        {
            // The decision date joins the hash only when set: the cells of undecided proposals keep their keys (ADR 0024).
            var text = string.Join('\u001f', FundingSource, Kind, Province, CommuneKey, SectorKey, ProgrammeId);
            if (Decided is { } day)
            {
                text += '\u001f' + DecidedCode(day);
            }

            // So does the facet (ADR 0029): the main cells keep their keys.
            if (Facet.Length > 0)
            {
                text += '\u001f' + Facet + '\u001f' + EntityType + '\u001f' + (PaidOn is { } paid ? DecidedCode(paid) : string.Empty);
            }

            return Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
        }
    }

    /// <summary>The stored form of a decision date: yyyy-MM-dd (sorts as the date does).</summary>
    public static string DecidedCode(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Folded for grouping and filtering: lower case, no diacritics, single spaces.</summary>
    public static string Fold(string? text) => VietnameseText.Fold(text ?? string.Empty).Trim();

    /// <summary>
    /// The sector dimension: a listed sector's code, or for "other" the folded free text ("che bien che"), the key every
    /// sector had before the list existed, so cells of older records keep their keys.
    /// </summary>
    public static string SectorKeyOf(string? sectorCode, string? text) =>
        SectorCatalog.TryParse(sectorCode, out var sector) && !sector.FreeText ? sector.Code : Fold(text);

    /// <summary>The sector dimension a filter value names: a listed sector's code or words, otherwise the folded text.</summary>
    public static string SectorKeyOf(string filterText)
    {
        var code = SectorCatalog.TryParse(filterText, out var sector) ? sector.Code : SectorCatalog.Match(filterText);
        return code == SectorCatalog.Other ? SectorKeyOf(null, filterText) : code;
    }
}

/// <summary>
/// "Paid directly to establishments" (hỗ trợ trực tiếp cho cơ sở), one definition for the statistics, the dashboard,
/// the API and the demo (docs/decisions/0023-domain-reference-data.md): the paid amount of đề án whose
/// activity buys production equipment or technology for the beneficiary establishments themselves, the activities
/// marked <c>directSupport</c> in data/reference/activities.json: advanced machinery and technology transfer, technology
/// lines, and demonstration models of both types. The article's sentence ("71.7% ... went directly to establishments that
/// renewed production with advanced machinery") is the source; no legal definition was found.
/// </summary>
public static class DirectSupport
{
    /// <summary>The activities that count, from the catalogue.</summary>
    public static IReadOnlyList<Activity> Activities => ActivityCatalog.All.Where(a => a.DirectSupport).ToList();

    public static bool IsPaidToEstablishment(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.DirectSupport;
    }

    /// <summary>For a proposal known only by its kind: the kind's default activity decides.</summary>
    public static bool IsPaidToEstablishment(ProposalKind kind) => ActivityCatalog.DefaultFor(kind).DirectSupport;
}
