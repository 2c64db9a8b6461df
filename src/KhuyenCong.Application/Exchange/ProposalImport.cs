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

/// <summary>No file was sent (an empty body or an empty file).</summary>
public sealed record ImportNoFile : ImportOutcome;

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
        if (FileRefusal(content, limits, out var format) is { } refusal)
        {
            return refusal;
        }

        var (rows, refused) = Read(content, format, limits, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var parsed = ProposalImportParser.Parse(rows, VietnamTime.Today(time), language, cancellationToken);
        if (!parsed.IsValid)
        {
            LogRejected(logger, format, parsed.DataRows, parsed.Errors.Count);
            return new ImportRejected(parsed.Errors, parsed.DataRows);
        }

        var (placed, placeErrors) = await PlaceAsync(parsed.Records, language, cancellationToken);
        if (placeErrors.Count > 0)
        {
            LogRejected(logger, format, parsed.DataRows, placeErrors.Count);
            return new ImportRejected(placeErrors.Take(ProposalImportParser.MaxErrors).ToList(), parsed.DataRows);
        }

        var (toWrite, already, errors) = await SortAgainstStoredAsync(placed, rows, language, cancellationToken);
        if (errors.Count > 0)
        {
            LogRejected(logger, format, parsed.DataRows, errors.Count);
            return new ImportRejected(errors.Take(ProposalImportParser.MaxErrors).ToList(), parsed.DataRows);
        }

        return await WriteAsync(content, format, toWrite, already, importedBy, cancellationToken);
    }

    /// <summary>The file refused before it is read: none sent, too large, or not a spreadsheet we read; else null and its format.</summary>
    private ImportOutcome? FileRefusal(ReadOnlyMemory<byte> content, ExchangeOptions limits, out SpreadsheetFormat format)
    {
        format = default;
        if (content.Length == 0)
        {
            return new ImportNoFile();
        }

        if (content.Length > limits.MaxImportBytes)
        {
            return new ImportTooLarge(limits.MaxImportBytes);
        }

        if (files.Detect(content) is not { } detected)
        {
            return new ImportUnsupportedFile();
        }

        format = detected;
        return null;
    }

    /// <summary>
    /// The rows, read within the limits (every row and column number, blank rows included; the archive's entries and
    /// sizes): a hostile file is refused as soon as it breaks one, and a cancelled request stops the read.
    /// </summary>
    private (List<SpreadsheetRow> Rows, ImportFileRefused? Refused) Read(ReadOnlyMemory<byte> content, SpreadsheetFormat format, ExchangeOptions limits,
        CancellationToken cancellationToken)
    {
        try
        {
            return (files.Read(content, format, SpreadsheetLimits.ForImport(limits), cancellationToken).ToList(), null);
        }
        catch (SpreadsheetFormatException ex)
        {
            LogRefused(logger, format, ex.Problem.Code, ex.Problem.Part, ex.Problem.Row);
            return ([], new ImportFileRefused(ex.Problem));
        }
    }

    /// <summary>
    /// Places against the official commune lists: a given commune code must be in the province's list (an error on that
    /// row otherwise); without one, the code is filled in when the name places the commune without doubt (old names keep
    /// the name they had).
    /// </summary>
    private async Task<(List<ImportRecord> Placed, List<ImportRowError> Errors)> PlaceAsync(IReadOnlyList<ImportRecord> records, Language language,
        CancellationToken cancellationToken)
    {
        var (placed, errors) = (new List<ImportRecord>(), new List<ImportRowError>());
        var column = ProposalColumns.All.First(c => c.Code == ProposalColumns.CommuneCode).Header(language);
        foreach (var record in records)
        {
            var (submission, known) = await places.PlaceHistoricalAsync(record.Submission, cancellationToken);
            if (!known)
            {
                errors.Add(new ImportRowError(record.Row, column, ProposalColumns.CommuneCode, new Bilingual(
                    $"Mã xã {record.Submission.CommuneCode} không có trong danh sách chính thức hiện nay của tỉnh.",
                    $"Commune code {record.Submission.CommuneCode} is not in today's official list of the province.").In(language)));
            }

            placed.Add(record with { Submission = submission });
        }

        return (placed, errors);
    }

    /// <summary>
    /// Each record against what is stored (a point read of the tracking-code index per row): new, already imported with
    /// the same content, or a tracking code already taken (an error on that row).
    /// </summary>
    private async Task<(List<ImportRecord> ToWrite, List<ImportedProposal> Already, List<ImportRowError> Errors)> SortAgainstStoredAsync(
        IReadOnlyList<ImportRecord> records, IReadOnlyList<SpreadsheetRow> rows, Language language, CancellationToken cancellationToken)
    {
        var existing = new Proposal?[records.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, records.Count),
            new ParallelOptions { MaxDegreeOfParallelism = LookupConcurrency, CancellationToken = cancellationToken },
            async (i, ct) => existing[i] = await proposals.FindByTrackingCodeAsync(records[i].TrackingCode, ct));

        var (toWrite, already, errors) = (new List<ImportRecord>(), new List<ImportedProposal>(), new List<ImportRowError>());
        string Column() => rows[0].Cells.Select(c => c?.Trim()).FirstOrDefault(c => ProposalColumns.Find(c)?.Code == ProposalColumns.TrackingCode)
            ?? ProposalColumns.All[0].Header(language);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
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
                errors.Add(new ImportRowError(record.Row, Column(), ProposalColumns.TrackingCode, new Bilingual(
                    $"Đề án có mã hồ sơ {record.TrackingCode} đã có trong hệ thống.", $"A proposal with tracking code {record.TrackingCode} is already stored.").In(language)));
            }
        }

        return (toWrite, already, errors);
    }

    /// <summary>Writes the new records one after another; if one fails, removes what this import wrote before answering.</summary>
    private async Task<ImportOutcome> WriteAsync(ReadOnlyMemory<byte> content, SpreadsheetFormat format, List<ImportRecord> toWrite, List<ImportedProposal> already,
        string importedBy, CancellationToken cancellationToken)
    {
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
                if (await UndoAsync(proposal, created))
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

    /// <summary>
    /// After a failed write of <paramref name="failed"/>: removes what this import wrote (that one too, if the write went
    /// through after all). True when another import wrote that đề án meanwhile (a conflict, not a failure).
    /// </summary>
    private async Task<bool> UndoAsync(Proposal failed, List<Proposal> created)
    {
        var stored = await TryGetAsync(failed.Id);
        var writtenByUs = stored is not null && stored.History.FirstOrDefault()?.Comment == failed.History[0].Comment;
        if (writtenByUs)
        {
            created.Add(failed);
        }

        await CompensateAsync(created);
        return stored is not null && !writtenByUs;
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
        AssignedPlanYear = record.PlanYear,
        CallId = record.CallId,
    };

    private static bool SameContent(Proposal stored, ImportRecord record) =>
        stored.Submission == record.Submission
        && stored.Status == record.Status
        && stored.SubmittedAt == record.SubmittedAt
        && stored.Funding == record.Funding
        && string.Equals(stored.ProgrammeId, record.ProgrammeId, StringComparison.Ordinal)
        && stored.PlanYear == (record.PlanYear ?? stored.Year)
        && string.Equals(stored.CallId, record.CallId, StringComparison.Ordinal);

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

    [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "Import {ImportId} ({Format}): {Imported} proposals stored, {AlreadyImported} already imported")]
    private static partial void LogImported(ILogger logger, string importId, SpreadsheetFormat format, int imported, int alreadyImported);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Information, Message = "Import refused ({Format}, {Rows} data rows): {ErrorCount} errors")]
    private static partial void LogRejected(ILogger logger, SpreadsheetFormat format, int rows, int errorCount);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Error, Message = "Import {ImportId} failed while writing; {Written} proposals written were removed")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string importId, int written);

    [LoggerMessage(EventId = 2404, Level = LogLevel.Warning, Message = "Import {ImportId} met a concurrent import of the same proposal; what it wrote was removed")]
    private static partial void LogConflict(ILogger logger, string importId);

    [LoggerMessage(EventId = 2406, Level = LogLevel.Information, Message = "Import refused ({Format}) before its rows were checked: {Problem} (part {Part}, row {Row})")]
    private static partial void LogRefused(ILogger logger, SpreadsheetFormat format, string problem, string? part, int? row);

    [LoggerMessage(EventId = 2405, Level = LogLevel.Error, Message = "Removing imported proposal {ProposalId} after a failed import failed")]
    private static partial void LogCompensationFailed(ILogger logger, Exception exception, string proposalId);
}
