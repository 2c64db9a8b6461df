using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Domain.Statistics;

/// <summary>An aggregate cell as stored: one year, one combination of the dimensions, and its measures.</summary>
public sealed record StatisticsCell(int Year, StatisticsCellKey Key, string Commune, string Sector, StatisticsMeasures Measures);

/// <summary>A group of the report (a kind, a sector, a commune, ...) with its display label and summed measures.</summary>
public sealed record StatisticsGroup(string Key, string Label, StatisticsMeasures Measures)
{
    public long Count => Measures[StatisticsMeasures.Count];
}

/// <summary>
/// The statistics of the cells matching a filter, summed: totals, and the same by year, status, kind, funding source,
/// sector, commune (with its province) and programme. Pure: the cells are read elsewhere.
/// </summary>
public sealed class StatisticsReport
{
    private StatisticsReport(StatisticsMeasures total, IReadOnlyList<StatisticsGroup> byYear, IReadOnlyList<StatisticsGroup> byKind,
        IReadOnlyList<StatisticsGroup> byFundingSource, IReadOnlyList<StatisticsGroup> bySector, IReadOnlyList<StatisticsGroup> byCommune,
        IReadOnlyList<StatisticsGroup> byProgramme, int cellsRead)
    {
        Total = total;
        ByYear = byYear;
        ByKind = byKind;
        ByFundingSource = byFundingSource;
        BySector = bySector;
        ByCommune = byCommune;
        ByProgramme = byProgramme;
        CellsRead = cellsRead;
    }

    public StatisticsMeasures Total { get; }

    /// <summary>Key: the year ("2026"), ascending.</summary>
    public IReadOnlyList<StatisticsGroup> ByYear { get; }

    /// <summary>Key: the kind's code; catalogue order.</summary>
    public IReadOnlyList<StatisticsGroup> ByKind { get; }

    /// <summary>Key: the funding source's code; catalogue order.</summary>
    public IReadOnlyList<StatisticsGroup> ByFundingSource { get; }

    /// <summary>Key: the folded sector; most proposals first.</summary>
    public IReadOnlyList<StatisticsGroup> BySector { get; }

    /// <summary>Key: "{province}|{folded commune}"; label: the commune as first recorded; most proposals first.</summary>
    public IReadOnlyList<StatisticsGroup> ByCommune { get; }

    /// <summary>Key: the programme id ("" for proposals without one).</summary>
    public IReadOnlyList<StatisticsGroup> ByProgramme { get; }

    /// <summary>How many cells were summed (the cost of the read, bounded by the dimensions, not by the proposals).</summary>
    public int CellsRead { get; }

    public long Count => Total[StatisticsMeasures.Count];

    /// <summary>The measures of one funding source (its code), all zero when no proposal of it is counted.</summary>
    public StatisticsMeasures OfSource(string code) => ByFundingSource.FirstOrDefault(g => g.Key == code)?.Measures ?? new StatisticsMeasures();

    /// <summary>Beneficiary establishments by entity type (key: the type's code; catalogue order), from the beneficiary cells (ADR 0029).</summary>
    public IReadOnlyList<StatisticsGroup> ByEntityType { get; private set; } = [];

    /// <summary>Beneficiary establishments by their own commune (key: "{province}|{folded commune}"); most first.</summary>
    public IReadOnlyList<StatisticsGroup> ByBeneficiaryPlace { get; private set; } = [];

    /// <summary>Money paid within the filter's payment period (<see cref="StatisticsFilter.PaidIn"/>), by funding source (key: its code).</summary>
    public IReadOnlyList<StatisticsGroup> PaidInPeriodBySource { get; private set; } = [];

    /// <summary>Beneficiary establishments counted in the beneficiary cells (equals <see cref="StatisticsMeasures.Beneficiaries"/> of the total).</summary>
    public long BeneficiaryCount => ByEntityType.Sum(g => g.Measures[StatisticsMeasures.Beneficiaries]);

    /// <summary>Money paid within the payment period, every source.</summary>
    public long PaidInPeriod => PaidInPeriodBySource.Sum(g => g.Measures[StatisticsMeasures.Paid]);

    /// <summary>Paid directly to establishments ÷ paid, null when nothing was paid.</summary>
    public decimal? DirectShare => Ratio(Total[StatisticsMeasures.PaidDirect], Total[StatisticsMeasures.Paid]);

    /// <summary>Paid ÷ approved (disbursement rate), null when nothing was approved.</summary>
    public decimal? DisbursementRate => Ratio(Total[StatisticsMeasures.Paid], Total[StatisticsMeasures.Approved]);

    public static decimal? Ratio(long part, long whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);

    public static StatisticsReport From(IEnumerable<StatisticsCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var total = new StatisticsMeasures();
        var years = new Groups();
        var kinds = new Groups();
        var sources = new Groups();
        var sectors = new Groups();
        var communes = new Groups();
        var programmes = new Groups();
        var read = 0;
        var facets = new FacetGroups();
        foreach (var cell in cells)
        {
            read++;
            if (facets.Add(cell))
            {
                continue;
            }

            var k = cell.Key;
            total.Add(cell.Measures);
            years.Add(cell.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), null, cell.Measures);
            kinds.Add(k.Kind, null, cell.Measures);
            sources.Add(k.FundingSource, null, cell.Measures);
            sectors.Add(k.SectorKey, cell.Sector, cell.Measures);
            communes.Add(k.Province + "|" + k.CommuneKey, cell.Commune, cell.Measures);
            programmes.Add(k.ProgrammeId, k.ProgrammeId, cell.Measures);
        }

        var (kindOrder, sourceOrder) = (KindOrder, SourceOrder);
        var report = new StatisticsReport(
            total,
            years.List().OrderBy(g => g.Key, StringComparer.Ordinal).ToList(),
            kinds.List().OrderBy(g => Order(kindOrder, g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal).ToList(),
            sources.List().OrderBy(g => Order(sourceOrder, g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal).ToList(),
            sectors.List().OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).ToList(),
            communes.List().OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).ToList(),
            programmes.List().OrderBy(g => g.Key, StringComparer.Ordinal).ToList(),
            read);
        facets.Into(report);
        return report;
    }

    private static List<string> KindOrder => ProposalKinds.All.Select(e => e.Code).ToList();

    private static List<string> SourceOrder => FundingSources.All.Select(e => e.Code).ToList();

    private static List<string> EntityTypeOrder => Applicants.EntityTypes.All.Select(t => t.Code).ToList();

    /// <summary>The facet cells' groups (ADR 0029): beneficiaries by type and place, payments in the period by source.</summary>
    private sealed class FacetGroups
    {
        public Groups EntityTypes { get; } = new();

        public Groups Places { get; } = new();

        public Groups Paid { get; } = new();

        /// <summary>Sets the report's facet groups, ordered: entity types and sources as their catalogues, places by most beneficiaries.</summary>
        public void Into(StatisticsReport report)
        {
            report.ByEntityType = EntityTypes.List().OrderBy(g => Order(EntityTypeOrder, g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
            report.ByBeneficiaryPlace = Places.List().OrderByDescending(g => g.Measures[StatisticsMeasures.Beneficiaries]).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
            report.PaidInPeriodBySource = Paid.List().OrderBy(g => Order(SourceOrder, g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        }

        /// <summary>Adds a facet cell to its groups; false for a main cell (left to the totals).</summary>
        public bool Add(StatisticsCell cell)
        {
            var k = cell.Key;
            switch (k.Facet)
            {
                case StatisticsFacets.Beneficiaries:
                    EntityTypes.Add(k.EntityType, null, cell.Measures);
                    Places.Add(k.Province + "|" + k.CommuneKey, cell.Commune, cell.Measures);
                    return true;
                case StatisticsFacets.Payments:
                    Paid.Add(k.FundingSource, null, cell.Measures);
                    return true;
                default:
                    return false;
            }
        }
    }

    private static int Order(List<string> order, string key)
    {
        var i = order.IndexOf(key);
        return i < 0 ? int.MaxValue : i;
    }

    private sealed class Groups
    {
        private readonly Dictionary<string, (string Label, StatisticsMeasures Measures)> groups = new(StringComparer.Ordinal);

        public void Add(string key, string? label, StatisticsMeasures measures)
        {
            var candidate = label ?? key;
            if (!groups.TryGetValue(key, out var g))
            {
                g = (candidate, new StatisticsMeasures());
            }
            else if (Better(candidate, g.Label))
            {
                g = (candidate, g.Measures);
            }

            groups[key] = g;
            g.Measures.Add(measures);
        }

        /// <summary>
        /// Spellings of one group differ ("Xã Tân Hưng", "xa tan hung"): show the one with the most capitals and
        /// diacritics, then the first in ordinal order, so the label does not depend on the order cells are read.
        /// </summary>
        private static bool Better(string candidate, string current)
        {
            static int Score(string text) => text.Count(c => char.IsUpper(c) || c > '\u007f');
            var (a, b) = (Score(candidate), Score(current));
            return a > b || (a == b && string.CompareOrdinal(candidate, current) < 0);
        }

        public IEnumerable<StatisticsGroup> List() =>
            groups.Where(g => !g.Value.Measures.IsZero).Select(g => new StatisticsGroup(g.Key, g.Value.Label, g.Value.Measures));
    }
}
