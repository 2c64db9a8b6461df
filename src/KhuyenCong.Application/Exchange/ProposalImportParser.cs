using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Domain.Tracking;

namespace KhuyenCong.Application.Exchange;

/// <summary>One problem of an import file: the row number in the file (1 is the header row), the column as headed in
/// the file, the column's code and a message in the user's language.</summary>
public sealed record ImportRowError(int Row, string Column, string Field, string Message);

/// <summary>A valid row of an import file: a historical đề án ready to be stored.</summary>
public sealed record ImportRecord(
    int Row,
    string TrackingCode,
    ProposalSubmission Submission,
    ProposalStatus Status,
    DateTimeOffset SubmittedAt,
    ProposalFunding Funding,
    string? ProgrammeId)
{
    /// <summary>The plan year given in the file (<see cref="ProposalColumns.PlanYear"/>), or null: the year submitted (ADR 0020).</summary>
    public int? PlanYear { get; init; }

    /// <summary>The call the đề án was submitted to, as given in the file, or null.</summary>
    public string? CallId { get; init; }
}

/// <summary>What <see cref="ProposalImportParser.Parse"/> found: the valid rows, or the errors (then nothing may be stored).</summary>
public sealed record ImportParseResult(IReadOnlyList<ImportRecord> Records, IReadOnlyList<ImportRowError> Errors, int DataRows)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads the rows of a proposal exchange file (<see cref="ProposalColumns"/>) into historical đề án. Pure: no clock
/// (today is given), no storage. Every row is checked: the proposal form's rules (<see cref="ProposalValidator"/>),
/// a known status, a submission time, non-negative amounts with approved ≤ requested and paid ≤ approved, dates in
/// order (submitted ≤ decision ≤ contract ≤ acceptance ≤ settlement, none after today), and tracking codes unique in
/// the file. A row without a tracking code gets one derived from its content, so importing the same file again gives
/// the same codes.
/// </summary>
public static partial class ProposalImportParser
{
    /// <summary>At most this many errors are reported (the file is refused either way).</summary>
    public const int MaxErrors = 500;

    private const int MaxReferenceLength = 100;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "dd/MM/yyyy", "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss",
    ];

    private static readonly string[] OffsetFormats = ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mmzzz"];

    public static ImportParseResult Parse(IReadOnlyList<SpreadsheetRow> rows, DateOnly today, Language language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var errors = new List<ImportRowError>();
        if (rows.Count == 0)
        {
            errors.Add(new ImportRowError(1, string.Empty, string.Empty, T(language,
                "Tệp trống: dòng đầu tiên phải là dòng tiêu đề cột (xem mẫu trong tệp xuất).",
                "The file is empty: its first row must be the column headers (see an exported file).")));
            return new ImportParseResult([], errors, 0);
        }

        var header = rows[0];
        var columns = ReadHeader(header, language, errors);
        if (errors.Count > 0)
        {
            return new ImportParseResult([], errors, rows.Count - 1);
        }

        if (rows.Count == 1)
        {
            errors.Add(new ImportRowError(header.Number, string.Empty, string.Empty, T(language,
                "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.", "The file has no data rows under the header row.")));
            return new ImportParseResult([], errors, 0);
        }

        var records = ReadRecords(rows.Skip(1), columns, today, language, errors, cancellationToken);
        return new ImportParseResult(errors.Count == 0 ? records : [], errors.Take(MaxErrors).ToList(), rows.Count - 1);
    }

    /// <summary>The header row's columns by code (their index and heading); unknown, repeated and missing required
    /// columns go to <paramref name="errors"/>.</summary>
    private static Dictionary<string, (int Index, string Header)> ReadHeader(SpreadsheetRow header, Language language, List<ImportRowError> errors)
    {
        var columns = new Dictionary<string, (int Index, string Header)>(StringComparer.Ordinal);
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var text = header.Cells[i]?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var column = ProposalColumns.Find(text);
            if (column is null)
            {
                errors.Add(new ImportRowError(header.Number, text, string.Empty, T(language,
                    $"Cột \"{text}\" không có trong mẫu tệp đề án.",
                    $"Column \"{text}\" is not a column of the proposal file.")));
            }
            else if (columns.TryGetValue(column.Code, out var first))
            {
                errors.Add(new ImportRowError(header.Number, text, column.Code, T(language,
                    $"Cột \"{text}\" bị lặp (đã có cột \"{first.Header}\").",
                    $"Column \"{text}\" appears twice (already as \"{first.Header}\").")));
            }
            else
            {
                columns[column.Code] = (i, text);
            }
        }

        foreach (var missing in ProposalColumns.All.Where(c => c.RequiredOnImport && !columns.ContainsKey(c.Code)))
        {
            errors.Add(new ImportRowError(header.Number, missing.Header(language), missing.Code, T(language,
                $"Thiếu cột bắt buộc \"{missing.Vietnamese}\".",
                $"The required column \"{missing.English}\" is missing.")));
        }

        return columns;
    }

    /// <summary>The data rows read into records; a row's problems, and a tracking code already on an earlier row, go to
    /// <paramref name="errors"/>. Stops once <see cref="MaxErrors"/> errors are found.</summary>
    private static List<ImportRecord> ReadRecords(IEnumerable<SpreadsheetRow> dataRows, Dictionary<string, (int Index, string Header)> columns,
        DateOnly today, Language language, List<ImportRowError> errors, CancellationToken cancellationToken)
    {
        var records = new List<ImportRecord>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in dataRows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var reader = new RowReader(row, columns, language, errors);
            var record = reader.Read(today);
            if (record is null)
            {
                continue;
            }

            if (seen.TryGetValue(record.TrackingCode, out var firstRow))
            {
                reader.Error(ProposalColumns.TrackingCode, T(language,
                    $"Mã hồ sơ {record.TrackingCode} trùng với dòng {firstRow.ToString(CultureInfo.InvariantCulture)}.",
                    $"Tracking code {record.TrackingCode} is already on row {firstRow.ToString(CultureInfo.InvariantCulture)}."));
                continue;
            }

            seen[record.TrackingCode] = row.Number;
            records.Add(record);
            if (errors.Count >= MaxErrors)
            {
                break;
            }
        }

        return records;
    }

    /// <summary>
    /// A cell's text as written by an export: the apostrophe that <see cref="Export.SpreadsheetCells.Safe"/> puts before
    /// a formula-like text is removed again ("'=A1" → "=A1"); anything else is only trimmed. Blank gives null.
    /// </summary>
    public static string? CellText(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return null;
        }

        var text = cell.Trim();
        return text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? text[1..] : text;
    }

    /// <summary>The tracking code given to a row without one: derived from its content, so it is the same on every import.</summary>
    public static string DerivedTrackingCode(ProposalSubmission submission, DateTimeOffset submittedAt)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var seed = string.Join('|', submission.TaxCode, submission.Kind.ToCode(), submission.FundingSource.ToCode(),
            submittedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), VietnameseText.Fold(submission.Title));
        using var random = new SeededRandom(Encoding.UTF8.GetBytes(seed));
        return TrackingCode.New(random).Value;
    }

    private static string T(Language language, string vietnamese, string english) => language == Language.English ? english : vietnamese;

    private static bool TryStatus(string text, out ProposalStatus status)
    {
        if (ProposalStatusCodes.TryParse(text.ToLowerInvariant(), out status))
        {
            return true;
        }

        var folded = VietnameseText.Fold(text);
        foreach (var candidate in Enum.GetValues<ProposalStatus>())
        {
            if (VietnameseText.Fold(ProposalStatusLabels.Label(candidate, Language.Vietnamese)) == folded
                || VietnameseText.Fold(ProposalStatusLabels.Label(candidate, Language.English)) == folded)
            {
                status = candidate;
                return true;
            }
        }

        return false;
    }

    private static bool NeverApproved(ProposalStatus s) =>
        s is ProposalStatus.Submitted or ProposalStatus.Screening or ProposalStatus.NeedsRevision or ProposalStatus.InReview
            or ProposalStatus.AwaitingApproval or ProposalStatus.Rejected;

    private static bool MustBeApproved(ProposalStatus s) =>
        s is ProposalStatus.Approved or ProposalStatus.InProgress or ProposalStatus.Accepted or ProposalStatus.Settled;

    /// <summary>Deterministic bytes (SHA-256 in counter mode over a seed), to derive a tracking code from a row's content.</summary>
    private sealed class SeededRandom(byte[] seed) : RandomNumberGenerator
    {
        private int counter;

        public override void GetBytes(byte[] data)
        {
            ArgumentNullException.ThrowIfNull(data);
            var offset = 0;
            while (offset < data.Length)
            {
                var block = SHA256.HashData([.. seed, .. BitConverter.GetBytes(counter++)]);
                var take = Math.Min(block.Length, data.Length - offset);
                block.AsSpan(0, take).CopyTo(data.AsSpan(offset));
                offset += take;
            }
        }
    }
}
