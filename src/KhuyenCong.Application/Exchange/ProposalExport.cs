using System.Globalization;
using KhuyenCong.Application.Export;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Exchange;

/// <summary>
/// Which proposals to export: the years <see cref="FromYear"/> to <see cref="ToYear"/> (Vietnam time, inclusive) and
/// the filters of the staff list; <see cref="Terms"/> are folded search words that must all occur.
/// </summary>
public sealed record ProposalExportQuery(int FromYear, int ToYear, ProposalStatus? Status, ProposalKind? Kind, FundingSource? FundingSource, IReadOnlyList<string> Terms)
{
    /// <summary>The widest range of years one export may cover.</summary>
    public const int MaxYears = 30;
}

/// <summary>
/// Exports proposals in the exchange file's columns (<see cref="ProposalColumns"/>), oldest first: one query of the
/// year index per year, then the record of each match. Every text cell goes through <see cref="SpreadsheetCells.Safe"/>;
/// amounts and counts are written as numbers, dates as yyyy-MM-dd and the submission time as ISO 8601 in Vietnam time.
/// </summary>
public sealed partial class ProposalExport(IProposalRepository proposals, ISpreadsheetFiles files, ILogger<ProposalExport> logger)
{
    private const int ReadConcurrency = 8;

    /// <summary>The header row of an export: the Vietnamese headers.</summary>
    public static IReadOnlyList<string> Header { get; } = ProposalColumns.All.Select(c => c.Vietnamese).ToList();

    public async Task<IReadOnlyList<Proposal>> FindAsync(ProposalExportQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var summaries = new List<ProposalSummary>();
        for (var year = query.FromYear; year <= query.ToYear; year++)
        {
            var list = await proposals.ListAsync(new ProposalListQuery(year, query.Status, query.Kind, query.FundingSource), cancellationToken);
            summaries.AddRange(list.Where(p => query.Terms.All(t => p.SearchText.Contains(t, StringComparison.Ordinal))));
        }

        var found = new Proposal?[summaries.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, summaries.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ReadConcurrency, CancellationToken = cancellationToken },
            async (i, ct) => found[i] = await proposals.GetAsync(summaries[i].Id, ct));
        return found.OfType<Proposal>().OrderBy(p => p.SubmittedAt).ThenBy(p => p.TrackingCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>Writes the matching proposals to <paramref name="output"/>; returns how many.</summary>
    public async Task<int> WriteAsync(Stream output, SpreadsheetFormat format, ProposalExportQuery query, CancellationToken cancellationToken)
    {
        var found = await FindAsync(query, cancellationToken);
        await files.WriteAsync(output, format, Header, found.Select(Cells), cancellationToken);
        LogExported(logger, format, found.Count, query.FromYear, query.ToYear);
        return found.Count;
    }

    /// <summary>The cells of one proposal, in <see cref="ProposalColumns.All"/> order: safe texts, numbers as numbers.</summary>
    public static IReadOnlyList<object?> Cells(Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return ProposalColumns.All
            .Select(c => RecordCell(c.Code, proposal) ?? ApplicantCell(c.Code, proposal.Submission) ?? ProjectCell(c.Code, proposal.Submission)
                ?? FundingCell(c.Code, proposal.Funding))
            .ToList();
    }

    /// <summary>A cell of the record: its codes, status, submission time, programme, plan year and call; null for another column (or an empty cell).</summary>
    private static object? RecordCell(string column, Proposal proposal) => column switch
    {
        ProposalColumns.TrackingCode => Text(proposal.TrackingCode),
        ProposalColumns.Status => Text(proposal.Status.ToCode()),
        ProposalColumns.SubmittedAt => proposal.SubmittedAt.ToOffset(VietnamTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        ProposalColumns.ProgrammeId => Text(proposal.ProgrammeId),
        ProposalColumns.PlanYear => proposal.PlanYear,
        ProposalColumns.CallId => Text(proposal.CallId),
        _ => null,
    };

    /// <summary>A cell of who proposes: the establishment, its people, where it is, its priorities and beneficiaries; null for another column (or an empty cell).</summary>
    private static object? ApplicantCell(string column, ProposalSubmission s) => column switch
    {
        ProposalColumns.OrganizationName => Text(s.OrganizationName),
        ProposalColumns.TaxCode => Text(s.TaxCode),
        ProposalColumns.Representative => Text(s.Representative),
        ProposalColumns.Email => Text(s.Email),
        ProposalColumns.Phone => Text(s.Phone),
        ProposalColumns.Address => Text(s.Address),
        ProposalColumns.Commune => Text(s.Commune),
        ProposalColumns.Province => Text(s.Province),
        ProposalColumns.EntityType => Text(s.EntityType),
        ProposalColumns.CommuneCode => Text(s.CommuneCode),
        ProposalColumns.Priorities => Text(s.Priorities.Count == 0 ? null : string.Join(',', s.Priorities)),
        ProposalColumns.Beneficiaries => Text(s.Beneficiaries.Count == 0 ? null : BeneficiaryJson.ToJson(s.Beneficiaries.Select(b => b with { CommuneCode = null }))),
        _ => null,
    };

    /// <summary>A cell of what is proposed: the title, kind, activity, sector, money, dates and expected results; null for another column (or an empty cell).</summary>
    private static object? ProjectCell(string column, ProposalSubmission s) => column switch
    {
        ProposalColumns.Title => Text(s.Title),
        ProposalColumns.Kind => Text(s.Kind.ToCode()),
        ProposalColumns.Sector => Text(s.Sector),
        ProposalColumns.FundingSource => Text(s.FundingSource.ToCode()),
        ProposalColumns.TotalCost => s.TotalCost,
        ProposalColumns.RequestedSupport => s.RequestedSupport,
        ProposalColumns.OwnContribution => s.OwnContribution,
        ProposalColumns.StartDate => Date(s.StartDate),
        ProposalColumns.EndDate => Date(s.EndDate),
        ProposalColumns.ExpectedJobs => s.ExpectedJobs,
        ProposalColumns.ExpectedTrainees => s.ExpectedTrainees,
        ProposalColumns.Summary => Text(s.Summary),
        ProposalColumns.Activity => Text(ProposalActivity.Of(s).Code),
        ProposalColumns.SectorCode => Text(s.SectorCode),
        ProposalColumns.RoundLevel => Text(s.RoundLevel),
        _ => null,
    };

    /// <summary>A cell of what was decided and paid, and the results recorded at acceptance; null for another column (or an empty cell).</summary>
    private static object? FundingCell(string column, ProposalFunding f) => column switch
    {
        ProposalColumns.ApprovedAmount => f.ApprovedAmount,
        ProposalColumns.DecisionNumber => Text(f.DecisionNumber),
        ProposalColumns.DecisionDate => Date(f.DecisionDate),
        ProposalColumns.ContractNumber => Text(f.ContractNumber),
        ProposalColumns.ContractDate => Date(f.ContractDate),
        ProposalColumns.PaidAmount => f.PaidAmount,
        ProposalColumns.AcceptedOn => Date(f.AcceptedOn),
        ProposalColumns.SettledOn => Date(f.SettledOn),
        ProposalColumns.ActualTrainees => f.Results?.Trainees,
        ProposalColumns.ActualJobs => f.Results?.Jobs,
        ProposalColumns.ModelsBuilt => f.Results?.Models,
        ProposalColumns.ProductsCertified => f.Results?.ProductsCertified,
        _ => null,
    };

    /// <summary>A safe file name: <c>de-an-khuyen-cong-{from}[-{to}].{csv|xlsx}</c> (ASCII only).</summary>
    public static string FileName(ProposalExportQuery query, SpreadsheetFormat format)
    {
        ArgumentNullException.ThrowIfNull(query);
        var years = query.FromYear == query.ToYear
            ? query.FromYear.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{query.FromYear}-{query.ToYear}");
        return $"de-an-khuyen-cong-{years}.{(format == SpreadsheetFormat.Xlsx ? "xlsx" : "csv")}";
    }

    private static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : SpreadsheetCells.Safe(value);

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 2411, Level = LogLevel.Information, Message = "Exported {Count} proposals ({Format}, {FromYear}-{ToYear})")]
    private static partial void LogExported(ILogger logger, SpreadsheetFormat format, int count, int fromYear, int toYear);
}
