using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Domain.Programmes;

/// <summary>
/// A khuyến công programme (chương trình khuyến công): a multi-year set of tasks with targets, for one funding source,
/// adopted by a numbered decision. Proposals count towards it once staff assign them (<see cref="Proposal.ProgrammeId"/>).
/// </summary>
/// <param name="Id">Time-ordered GUID ("N" format).</param>
/// <param name="Name">Vietnamese name.</param>
/// <param name="FromYear">First year of the period (e.g. 2021).</param>
/// <param name="ToYear">Last year of the period (e.g. 2025), at most <see cref="ProgrammeRules.MaxPeriodYears"/> years after.</param>
/// <param name="FundingSource">National or local money.</param>
/// <param name="DecisionNumber">The decision that adopted it ("1881/QĐ-TTg").</param>
/// <param name="Targets">What it must achieve, each counted by its <see cref="ProgrammeTarget.Code"/> (see <see cref="ProgrammeMeasures"/>).</param>
public sealed record Programme(
    string Id,
    string Name,
    int FromYear,
    int ToYear,
    FundingSource FundingSource,
    string DecisionNumber,
    IReadOnlyList<ProgrammeTarget> Targets)
{
    /// <summary>The years of the period, first to last.</summary>
    public IEnumerable<int> Years => Enumerable.Range(FromYear, ToYear - FromYear + 1);
}

/// <summary>One target of a programme: the measure it counts, its names, its unit and the value to reach.</summary>
/// <param name="Code">A measure code of <see cref="ProgrammeMeasures"/> ("demonstration-models", "trainees", …), unique in the programme.</param>
/// <param name="NameVi">Vietnamese name ("Mô hình trình diễn kỹ thuật").</param>
/// <param name="NameEn">English name.</param>
/// <param name="Unit">Unit as shown ("mô hình", "người", "đồng").</param>
/// <param name="Target">The value to reach (above 0).</param>
public sealed record ProgrammeTarget(string Code, string NameVi, string NameEn, string Unit, long Target);

/// <summary>A stored programme with its audit fields and its version (optimistic concurrency: edits name the version they started from).</summary>
public sealed record ProgrammeRecord(Programme Programme, int Version, string CreatedBy, DateTimeOffset CreatedAt, string ChangedBy, DateTimeOffset ChangedAt);
