using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Programmes;

/// <summary>
/// What the year index knows of one proposal assigned to a programme: enough to count every measure without reading
/// the proposal itself.
/// </summary>
public sealed record ProgrammeProposalFacts(
    string ProposalId,
    ProposalKind Kind,
    ProposalStatus Status,
    long RequestedSupport,
    long? ApprovedAmount,
    long PaidAmount,
    int ExpectedTrainees,
    int ExpectedJobs)
{
    /// <summary>Trainees actually trained, recorded at acceptance (0 when not recorded).</summary>
    public int ActualTrainees { get; init; }

    /// <summary>Jobs actually created, recorded at acceptance.</summary>
    public int ActualJobs { get; init; }

    /// <summary>Demonstration models built, recorded at acceptance.</summary>
    public int ModelsBuilt { get; init; }

    /// <summary>Products certified as typical, recorded at acceptance.</summary>
    public int ProductsCertified { get; init; }
}

/// <summary>A measure a target can count: its stable code, default names and unit, and how it counts proposals.</summary>
public sealed record ProgrammeMeasure(string Code, string NameVi, string NameEn, string UnitVi, string DescriptionVi, string DescriptionEn, Func<IEnumerable<ProgrammeProposalFacts>, long> Count);

/// <summary>The progress of one target: the value reached so far and the share of the target (percent, 0 decimals, may exceed 100).</summary>
public sealed record TargetProgress(ProgrammeTarget Target, long Actual)
{
    public decimal Percent => Target.Target <= 0 ? 0 : Math.Round(Actual * 100m / Target.Target, 1, MidpointRounding.AwayFromZero);
}

/// <summary>
/// How each programme target counts, defined in code so that every report counts the same way.
/// "Approved or later" means status approved, in-progress, accepted or settled: proposals that were rejected,
/// withdrawn, cancelled or are still being screened or appraised count for nothing but <c>paid-amount</c>. Targets of
/// results (models, products, trainees, jobs) count the actual results recorded at acceptance (issue 14, line 6), not
/// what proposals planned: a đề án counts once accepted and its results recorded.
/// </summary>
public static class ProgrammeMeasures
{
    /// <summary>The measures, in the order forms list them.</summary>
    public static IReadOnlyList<ProgrammeMeasure> All { get; } =
    [
        new("demonstration-models", "Mô hình trình diễn kỹ thuật", "Technical demonstration models", "mô hình",
            "Số mô hình đã xây dựng, ghi khi nghiệm thu.", "Models built, as recorded at acceptance.",
            facts => Accepted(facts).Sum(f => (long)f.ModelsBuilt)),
        new("typical-products", "Sản phẩm công nghiệp nông thôn tiêu biểu", "Typical rural industrial products", "sản phẩm",
            "Số sản phẩm được công nhận, ghi khi nghiệm thu.", "Products certified, as recorded at acceptance.",
            facts => Accepted(facts).Sum(f => (long)f.ProductsCertified)),
        new("machinery", "Ứng dụng máy móc thiết bị, dây chuyền công nghệ", "Machinery and technology lines", "đề án",
            "Số đề án máy móc thiết bị hoặc dây chuyền công nghệ đã được phê duyệt trở đi.", "Approved-or-later proposals of kind machinery or technology-line.",
            facts => ApprovedOrLater(facts).Count(f => f.Kind is ProposalKind.Machinery or ProposalKind.TechnologyLine)),
        new("trainees", "Người được đào tạo", "Trainees", "người",
            "Tổng số người thực tế được đào tạo, ghi khi nghiệm thu.", "Trainees actually trained, as recorded at acceptance.",
            facts => Accepted(facts).Sum(f => (long)f.ActualTrainees)),
        new("jobs", "Việc làm tạo ra", "Jobs created", "việc làm",
            "Tổng số việc làm thực tế tạo ra, ghi khi nghiệm thu.", "Jobs actually created, as recorded at acceptance.",
            facts => Accepted(facts).Sum(f => (long)f.ActualJobs)),
        new("proposals", "Đề án được phê duyệt", "Approved proposals", "đề án",
            "Số đề án (mọi nội dung) đã được phê duyệt trở đi.", "Approved-or-later proposals of any kind.",
            facts => ApprovedOrLater(facts).Count()),
        new("approved-amount", "Kinh phí được phê duyệt", "Approved amount", "đồng",
            "Tổng kinh phí được phê duyệt của các đề án đã được phê duyệt trở đi.", "Sum of approved amounts of approved-or-later proposals.",
            facts => ApprovedOrLater(facts).Sum(f => f.ApprovedAmount ?? 0)),
        new("paid-amount", "Kinh phí đã thanh toán", "Amount paid", "đồng",
            "Tổng số tiền đã thanh toán (tạm ứng và thanh toán) cho các đề án.", "Sum of what was paid (advances and final payments) to the proposals.",
            facts => facts.Sum(f => f.PaidAmount)),
    ];

    /// <summary>True for approved, in-progress, accepted and settled.</summary>
    public static bool IsApprovedOrLater(ProposalStatus status) =>
        status is ProposalStatus.Approved or ProposalStatus.InProgress or ProposalStatus.Accepted or ProposalStatus.Settled;

    /// <summary>The measure with this code (exact, lower case), or null.</summary>
    public static ProgrammeMeasure? Find(string? code) => All.FirstOrDefault(m => string.Equals(m.Code, code, StringComparison.Ordinal));

    /// <summary>The progress of every target of <paramref name="programme"/> over the facts of its proposals.</summary>
    public static IReadOnlyList<TargetProgress> Progress(Programme programme, IReadOnlyCollection<ProgrammeProposalFacts> facts)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(facts);
        return programme.Targets.Select(t => new TargetProgress(t, Find(t.Code)?.Count(facts) ?? 0)).ToList();
    }

    /// <summary>The codes as a comma-separated list, for messages.</summary>
    public static string CodeList => string.Join(", ", All.Select(m => m.Code));

    /// <summary>A measure's name in a language.</summary>
    public static string Name(this ProgrammeMeasure measure, Language language)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return language == Language.English ? measure.NameEn : measure.NameVi;
    }

    private static IEnumerable<ProgrammeProposalFacts> ApprovedOrLater(IEnumerable<ProgrammeProposalFacts> facts) =>
        facts.Where(f => IsApprovedOrLater(f.Status));

    private static IEnumerable<ProgrammeProposalFacts> Accepted(IEnumerable<ProgrammeProposalFacts> facts) =>
        facts.Where(f => f.Status is ProposalStatus.Accepted or ProposalStatus.Settled);
}
