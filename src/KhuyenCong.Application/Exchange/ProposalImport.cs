using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KhuyenCong.Application.Options;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Exchange;

public abstract record ImportOutcome;

/// <summary>The file is neither a CSV (UTF-8 text) nor a ZIP archive (nothing more is known of it).</summary>
public sealed record ImportUnsupportedFile : ImportOutcome;

/// <summary>The file is larger than <see cref="ExchangeOptions.MaxImportBytes"/>.</summary>
public sealed record ImportTooLarge(long MaxBytes) : ImportOutcome;

/// <summary>
/// The file was refused before its rows were checked (<see cref="SpreadsheetLimits"/>): a ZIP that is no workbook,
/// text that is not UTF-8, a damaged file, a DTD, or a limit broken (rows, blank ones included; columns; entries;
/// unpacked size; compression ratio; cell length).
/// </summary>
public sealed record ImportFileRefused(SpreadsheetProblem Problem) : ImportOutcome;

/// <summary>Some rows (or the header) are wrong: nothing was stored.</summary>
public sealed record ImportRejected(IReadOnlyList<ImportRowError> Errors, int DataRows) : ImportOutcome;

/// <summary>Another import wrote one of the file's đề án at the same time: nothing of this import stayed.</summary>
public sealed record ImportConflict(string TrackingCode) : ImportOutcome;

/// <summary>One stored đề án of an import.</summary>
public sealed record ImportedProposal(int Row, string Id, string TrackingCode);

/// <summary>
/// The import went through: <see cref="Imported"/> new đề án were stored; <see cref="AlreadyImported"/> rows were
/// identical to đề án an earlier import stored, and were left as they are.
/// </summary>
public sealed record ImportCompleted(SpreadsheetFormat Format, IReadOnlyList<ImportedProposal> Imported, IReadOnlyList<ImportedProposal> AlreadyImported) : ImportOutcome;

/// <summary>
/// Imports historical đề án from a file in the export's own columns (CSV or XLSX, recognised by content). All or
/// nothing: every row is checked first (<see cref="ProposalImportParser"/>) and against what is stored (a tracking code
/// already stored is refused, unless that đề án came from an earlier import with exactly the same content: then the
/// row counts as already imported, which makes importing the same file twice harmless); only then are the đề án
/// written, one after another through <see cref="IProposalRepository.CreateAsync"/> (record, history, funding and the
/// year, tracking-code and tax-code index rows). If a write fails, everything this import wrote is removed before the
/// error goes up. Imported đề án have channel <see cref="SubmissionChannel.Imported"/>, their status, one history
/// entry ("imported", to their status) and no workflow.
/// </summary>
public sealed partial class ProposalImport(
    IProposalRepository proposals,
    Places.ProposalPlaces places,
    ISpreadsheetFiles files,
    IOptions<ExchangeOptions> options,
    TimeProvider time,
    ILogger<ProposalImport> logger)
{
    /// <summary>The comment of the one history entry of an imported đề án starts with this.</summary>
    public const string HistoryComment = "imported";

    private const int LookupConcurrency = 8;

    public ExchangeOptions Limits => options.Value;

    public async Task<ImportOutcome> ImportAsync(ReadOnlyMemory<byte> content, string importedBy, Language language, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(importedBy);
        var limits = options.Value;
        if (content.Length > limits.MaxImportBytes)
        {
            return new ImportTooLarge(limits.MaxImportBytes);
        }

        if (files.Detect(content) is not { } format)
        {
            return new ImportUnsupportedFile();
        }

        // Read within the limits (every row and column number, blank rows included; the archive's entries and sizes):
        // a hostile file is refused as soon as it breaks one, and a cancelled request stops the read.
        var rows = new List<SpreadsheetRow>();
        try
        {
            rows.AddRange(files.Read(content, format, SpreadsheetLimits.ForImport(limits), cancellationToken));
        }
        catch (SpreadsheetFormatException ex)
        {
            LogRefused(logger, format, ex.Problem.Code, ex.Problem.Part, ex.Problem.Row);
            return new ImportFileRefused(ex.Problem);
        }

        var parsed = ProposalImportParser.Parse(rows, VietnamTime.Today(time), language, cancellationToken);
        if (!parsed.IsValid)
        {
            LogRejected(logger, format, parsed.DataRows, parsed.Errors.Count);
            return new ImportRejected(parsed.Errors, parsed.DataRows);
        }

        // Places against the official commune lists: a given commune code must be in the province's list; otherwise the
        // code is filled in when the name places the commune without doubt (old names keep the name they had).
        var placed = new List<ImportRecord>();
        var placeErrors = new List<ImportRowError>();
        foreach (var record in parsed.Records)
        {
            var (submission, known) = await places.PlaceHistoricalAsync(record.Submission, cancellationToken);
            if (!known)
            {
                placeErrors.Add(new ImportRowError(record.Row, ProposalColumns.All.First(c => c.Code == ProposalColumns.CommuneCode).Header(language), ProposalColumns.CommuneCode,
                    language == Language.English
                        ? $"Commune code {record.Submission.CommuneCode} is not in today's official list of the province."
                        : $"Mã xã {record.Submission.CommuneCode} không có trong danh sách chính thức hiện nay của tỉnh."));
            }

            placed.Add(record with { Submission = submission });
        }

        if (placeErrors.Count > 0)
        {
            LogRejected(logger, format, parsed.DataRows, placeErrors.Count);
            return new ImportRejected(placeErrors.Take(ProposalImportParser.MaxErrors).ToList(), parsed.DataRows);
        }

        parsed = parsed with { Records = placed };

        // Against what is stored: a point read of the tracking-code index per row.
        var existing = new Proposal?[parsed.Records.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, parsed.Records.Count),
            new ParallelOptions { MaxDegreeOfParallelism = LookupConcurrency, CancellationToken = cancellationToken },
            async (i, ct) => existing[i] = await proposals.FindByTrackingCodeAsync(parsed.Records[i].TrackingCode, ct));

        var errors = new List<ImportRowError>();
        var toWrite = new List<ImportRecord>();
        var already = new List<ImportedProposal>();
        for (var i = 0; i < parsed.Records.Count; i++)
        {
            var record = parsed.Records[i];
            if (existing[i] is not { } stored)
            {
                toWrite.Add(record);
            }
            else if (stored.Channel == SubmissionChannel.Imported && SameContent(stored, record))
            {
                already.Add(new ImportedProposal(record.Row, stored.Id, stored.TrackingCode));
            }
            else
            {
                var header = rows[0].Cells.Select(c => c?.Trim()).FirstOrDefault(c => ProposalColumns.Find(c)?.Code == ProposalColumns.TrackingCode)
                    ?? ProposalColumns.All[0].Header(language);
                errors.Add(new ImportRowError(record.Row, header, ProposalColumns.TrackingCode, language == Language.English
                    ? $"A proposal with tracking code {record.TrackingCode} is already stored."
                    : $"Đề án có mã hồ sơ {record.TrackingCode} đã có trong hệ thống."));
            }
        }

        if (errors.Count > 0)
        {
            LogRejected(logger, format, parsed.DataRows, errors.Count);
            return new ImportRejected(errors.Take(ProposalImportParser.MaxErrors).ToList(), parsed.DataRows);
        }

        var importId = ImportId(content, time.GetUtcNow());
        var now = time.GetUtcNow();
        var created = new List<Proposal>();
        foreach (var record in toWrite)
        {
            var proposal = ToProposal(record, importedBy, importId, now);
            try
            {
                await proposals.CreateAsync(proposal, cancellationToken);
                created.Add(proposal);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var ours = await TryGetAsync(proposal.Id);
                var writtenByUs = ours is not null && ours.History.FirstOrDefault()?.Comment == proposal.History[0].Comment;
                if (writtenByUs)
                {
                    created.Add(proposal);
                }

                await CompensateAsync(created);
                if (ours is not null && !writtenByUs)
                {
                    LogConflict(logger, importId);
                    return new ImportConflict(record.TrackingCode);
                }

                LogWriteFailed(logger, ex, importId, created.Count);
                throw;
            }
        }

        LogImported(logger, importId, format, created.Count, already.Count);
        return new ImportCompleted(format, created.Select((p, i) => new ImportedProposal(toWrite[i].Row, p.Id, p.TrackingCode)).ToList(), already);
    }

    /// <summary>The proposal id of an imported đề án: derived from its tracking code, so two imports of one đề án at once collide on the record (one wins).</summary>
    public static string ProposalId(string trackingCode)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("khuyencong-import/" + trackingCode));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }

    private static Proposal ToProposal(ImportRecord record, string importedBy, string importId, DateTimeOffset now) => new()
    {
        Id = ProposalId(record.TrackingCode),
        TrackingCode = record.TrackingCode,
        Submission = record.Submission,
        Status = record.Status,
        SubmittedAt = record.SubmittedAt,
        Channel = SubmissionChannel.Imported,
        EnteredBy = importedBy,
        History = [new StatusChange(now, null, record.Status, importedBy, $"{HistoryComment} ({importId})")],
        Funding = record.Funding,
        ProgrammeId = record.ProgrammeId,
    };

    private static bool SameContent(Proposal stored, ImportRecord record) =>
        stored.Submission == record.Submission
        && stored.Status == record.Status
        && stored.SubmittedAt == record.SubmittedAt
        && stored.Funding == record.Funding
        && string.Equals(stored.ProgrammeId, record.ProgrammeId, StringComparison.Ordinal);

    private static string ImportId(ReadOnlyMemory<byte> content, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{at:yyyyMMddHHmmss}-{Convert.ToHexStringLower(SHA256.HashData(content.Span).AsSpan(0, 4))}-{Guid.NewGuid().ToString("N")[..6]}");

    private async Task<Proposal?> TryGetAsync(string proposalId)
    {
        try
        {
            return await proposals.GetAsync(proposalId, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogCompensationFailed(logger, ex, proposalId);
            return null;
        }
    }

    private async Task CompensateAsync(List<Proposal> created)
    {
        foreach (var proposal in created)
        {
            try
            {
                await proposals.DeleteAsync(proposal, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogCompensationFailed(logger, ex, proposal.Id);
            }
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Import {ImportId} ({Format}): {Imported} proposals stored, {AlreadyImported} already imported")]
    private static partial void LogImported(ILogger logger, string importId, SpreadsheetFormat format, int imported, int alreadyImported);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Import refused ({Format}, {Rows} data rows): {ErrorCount} errors")]
    private static partial void LogRejected(ILogger logger, SpreadsheetFormat format, int rows, int errorCount);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "Import {ImportId} failed while writing; {Written} proposals written were removed")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string importId, int written);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "Import {ImportId} met a concurrent import of the same proposal; what it wrote was removed")]
    private static partial void LogConflict(ILogger logger, string importId);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Information, Message = "Import refused ({Format}) before its rows were checked: {Problem} (part {Part}, row {Row})")]
    private static partial void LogRefused(ILogger logger, SpreadsheetFormat format, string problem, string? part, int? row);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Error, Message = "Removing imported proposal {ProposalId} after a failed import failed")]
    private static partial void LogCompensationFailed(ILogger logger, Exception exception, string proposalId);
}
