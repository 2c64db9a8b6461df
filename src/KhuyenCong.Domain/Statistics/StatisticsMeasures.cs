using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Domain.Statistics;

/// <summary>
/// The additive figures of a cell (or of one proposal), by name: counts (total, per status, approved, beneficiary
/// establishments), money in VND (requested, approved, paid, paid directly to establishments, the establishments' own
/// counterpart funds of all and of approved proposals), planned people (trainees,
/// jobs) and actual results recorded at acceptance (trainees, jobs, models, products certified). Names are valid Table
/// Storage property names, so a cell stores each as an Int64 column.
/// </summary>
public sealed class StatisticsMeasures : IEquatable<StatisticsMeasures>
{
    public const string Count = "Count";
    public const string Requested = "Requested";
    public const string Approved = "Approved";
    public const string ApprovedCount = "ApprovedCount";
    public const string Paid = "Paid";
    public const string PaidDirect = "PaidDirect";
    public const string Trainees = "Trainees";
    public const string Jobs = "Jobs";
    public const string Beneficiaries = "Beneficiaries";
    public const string ActualTrainees = "ActualTrainees";
    public const string ActualJobs = "ActualJobs";
    public const string Models = "Models";
    public const string ProductsCertified = "ProductsCertified";

    /// <summary>The establishments' own money (vốn đối ứng) as the proposals state it, every proposal of the cell.</summary>
    public const string Counterpart = "Counterpart";

    /// <summary>The establishments' own money of the approved proposals only.</summary>
    public const string ApprovedCounterpart = "ApprovedCounterpart";
    public const string StatusPrefix = "S_";

    private readonly SortedDictionary<string, long> values = new(StringComparer.Ordinal);

    /// <summary>Every measure name a cell may hold.</summary>
    public static IReadOnlyList<string> Names { get; } =
        new[] { Count, Requested, Approved, ApprovedCount, Paid, PaidDirect, Trainees, Jobs, Beneficiaries, ActualTrainees, ActualJobs, Models, ProductsCertified, Counterpart, ApprovedCounterpart }
            .Concat(Enum.GetValues<ProposalStatus>().Select(StatusName))
            .ToList();

    /// <summary>The name of the count of one status: "S_needs_revision".</summary>
    public static string StatusName(ProposalStatus status) => StatusPrefix + status.ToCode().Replace('-', '_');

    public static bool IsName(string name) => Names.Contains(name, StringComparer.Ordinal);

    public long this[string name] => values.TryGetValue(name, out var v) ? v : 0;

    public bool IsZero => values.Values.All(v => v == 0);

    /// <summary>The non-zero measures, by name.</summary>
    public IEnumerable<KeyValuePair<string, long>> NonZero => values.Where(kv => kv.Value != 0);

    public void Add(string name, long value)
    {
        values[name] = this[name] + value;
    }

    public void Add(StatisticsMeasures other, int sign = 1)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (name, value) in other.values)
        {
            Add(name, sign * value);
        }
    }

    public long StatusCount(ProposalStatus status) => this[StatusName(status)];

    public bool Equals(StatisticsMeasures? other) =>
        other is not null && Names.All(n => this[n] == other[n]) && values.Keys.Concat(other.values.Keys).All(n => this[n] == other[n]);

    public override bool Equals(object? obj) => Equals(obj as StatisticsMeasures);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (name, value) in NonZero)
        {
            hash.Add(name);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(", ", NonZero.Select(kv => $"{kv.Key}={kv.Value}"));
}
