using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
    string? ProgrammeId);

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
public static class ProposalImportParser
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

        var records = new List<ImportRecord>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1))
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

        return new ImportParseResult(errors.Count == 0 ? records : [], errors.Take(MaxErrors).ToList(), rows.Count - 1);
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

    /// <summary>Reads one row, adding its errors to the shared list.</summary>
    private sealed class RowReader(SpreadsheetRow row, IReadOnlyDictionary<string, (int Index, string Header)> columns, Language language, List<ImportRowError> errors)
    {
        private readonly HashSet<string> failed = new(StringComparer.Ordinal);

        public string? Get(string code) =>
            columns.TryGetValue(code, out var c) && c.Index < row.Cells.Count ? CellText(row.Cells[c.Index]) : null;

        public void Error(string code, string message)
        {
            if (failed.Add(code))
            {
                var header = columns.TryGetValue(code, out var c) ? c.Header : ProposalColumns.All.First(x => x.Code == code).Header(language);
                errors.Add(new ImportRowError(row.Number, header, code, message));
            }
        }

        public ImportRecord? Read(DateOnly today)
        {
            var summary = Get(ProposalColumns.Summary);
            var form = ProposalForm.FromFields(field => field switch
            {
                ProposalFields.Summary => summary ?? Get(ProposalColumns.Title),
                ProposalFields.StartDate or ProposalFields.EndDate => IsoDate(Get(field)),
                _ => Get(field),
            });
            var validation = ProposalValidator.Validate(form, language);
            foreach (var error in validation.FieldErrors)
            {
                if (error.Field == ProposalFields.Summary && summary is null)
                {
                    continue; // the title stands in for a missing summary; its own error is reported on the title
                }

                Error(error.Field, error.Message);
            }

            string? trackingCode = null;
            if (Get(ProposalColumns.TrackingCode) is { } codeText)
            {
                if (TrackingCode.TryParse(codeText, out var code))
                {
                    trackingCode = code.Value;
                }
                else
                {
                    Error(ProposalColumns.TrackingCode, T(language,
                        "Mã hồ sơ không hợp lệ (dạng KC-XXXX-XXXX-XXXX-XXXX-XX); để trống nếu đề án chưa có mã.",
                        "The tracking code is not valid (KC-XXXX-XXXX-XXXX-XXXX-XX); leave it empty when the proposal has none."));
                }
            }

            ProposalStatus? status = null;
            var statusText = Get(ProposalColumns.Status);
            if (statusText is null)
            {
                Error(ProposalColumns.Status, T(language, "Vui lòng nhập tình trạng của đề án (ví dụ settled hoặc Đã quyết toán).",
                    "Enter the proposal's status (for example settled)."));
            }
            else if (TryStatus(statusText, out var parsedStatus))
            {
                status = parsedStatus;
            }
            else
            {
                Error(ProposalColumns.Status, T(language,
                    "Tình trạng không hợp lệ; dùng một trong các mã: " + string.Join(", ", Enum.GetValues<ProposalStatus>().Select(s => s.ToCode())) + ".",
                    "Unknown status; use one of: " + string.Join(", ", Enum.GetValues<ProposalStatus>().Select(s => s.ToCode())) + "."));
            }

            var submittedAt = SubmittedAt(today);
            var approved = Amount(ProposalColumns.ApprovedAmount, "Kinh phí được duyệt", "The approved amount");
            var paid = Amount(ProposalColumns.PaidAmount, "Kinh phí đã thanh toán", "The paid amount");
            var decisionDate = Date(ProposalColumns.DecisionDate, "Ngày quyết định", "The decision date", today);
            var contractDate = Date(ProposalColumns.ContractDate, "Ngày hợp đồng", "The contract date", today);
            var acceptedOn = Date(ProposalColumns.AcceptedOn, "Ngày nghiệm thu", "The acceptance date", today);
            var settledOn = Date(ProposalColumns.SettledOn, "Ngày quyết toán", "The settlement date", today);
            var decisionNumber = Reference(ProposalColumns.DecisionNumber, "Số quyết định", "The decision number");
            var contractNumber = Reference(ProposalColumns.ContractNumber, "Số hợp đồng", "The contract number");
            var programmeId = Reference(ProposalColumns.ProgrammeId, "Mã chương trình", "The programme id");

            if (status is { } s)
            {
                if (approved.Value is not null && NeverApproved(s))
                {
                    Error(ProposalColumns.ApprovedAmount, T(language,
                        $"Đề án ở tình trạng \"{ProposalStatusLabels.Label(s, language)}\" chưa được phê duyệt nên không có kinh phí được duyệt.",
                        $"A proposal with status \"{ProposalStatusLabels.Label(s, language)}\" was never approved, so it has no approved amount."));
                }
                else if (approved is (true, null) && MustBeApproved(s))
                {
                    Error(ProposalColumns.ApprovedAmount, T(language,
                        $"Đề án ở tình trạng \"{ProposalStatusLabels.Label(s, language)}\" cần có kinh phí được duyệt.",
                        $"A proposal with status \"{ProposalStatusLabels.Label(s, language)}\" needs its approved amount."));
                }

                if (acceptedOn is (true, null) && s is ProposalStatus.Accepted or ProposalStatus.Settled)
                {
                    Error(ProposalColumns.AcceptedOn, T(language, "Đề án đã nghiệm thu cần có ngày nghiệm thu.", "An accepted proposal needs its acceptance date."));
                }
                else if (acceptedOn.Value is not null && s is not (ProposalStatus.Accepted or ProposalStatus.Settled))
                {
                    Error(ProposalColumns.AcceptedOn, T(language, "Chỉ đề án đã nghiệm thu hoặc đã quyết toán mới có ngày nghiệm thu.",
                        "Only an accepted or settled proposal has an acceptance date."));
                }

                if (settledOn is (true, null) && s == ProposalStatus.Settled)
                {
                    Error(ProposalColumns.SettledOn, T(language, "Đề án đã quyết toán cần có ngày quyết toán.", "A settled proposal needs its settlement date."));
                }
                else if (settledOn.Value is not null && s != ProposalStatus.Settled)
                {
                    Error(ProposalColumns.SettledOn, T(language, "Chỉ đề án đã quyết toán mới có ngày quyết toán.", "Only a settled proposal has a settlement date."));
                }
            }

            if (approved.Value is { } a && validation.Submission is { } sub && a > sub.RequestedSupport)
            {
                Error(ProposalColumns.ApprovedAmount, T(language, "Kinh phí được duyệt không được lớn hơn kinh phí đề nghị hỗ trợ.",
                    "The approved amount cannot exceed the requested support."));
            }

            if (paid.Value is { } p && p > 0 && approved is (true, null))
            {
                Error(ProposalColumns.PaidAmount, T(language, "Chưa có kinh phí được duyệt thì không thể có kinh phí đã thanh toán.",
                    "There can be no payment without an approved amount."));
            }
            else if (paid.Value is { } p2 && approved.Value is { } a2 && p2 > a2)
            {
                Error(ProposalColumns.PaidAmount, T(language, "Kinh phí đã thanh toán không được lớn hơn kinh phí được duyệt.",
                    "The paid amount cannot exceed the approved amount."));
            }

            // submitted ≤ decision ≤ contract ≤ acceptance ≤ settlement, each compared with the latest earlier date given
            (DateOnly Date, string Vi, string En)? previous = submittedAt is { } at
                ? (DateOnly.FromDateTime(at.ToOffset(VietnamTime.Offset).DateTime), "ngày nộp", "the submission date")
                : null;
            foreach (var (code, date, vi, en) in new[]
            {
                (ProposalColumns.DecisionDate, decisionDate.Value, "Ngày quyết định", "The decision date"),
                (ProposalColumns.ContractDate, contractDate.Value, "Ngày hợp đồng", "The contract date"),
                (ProposalColumns.AcceptedOn, acceptedOn.Value, "Ngày nghiệm thu", "The acceptance date"),
                (ProposalColumns.SettledOn, settledOn.Value, "Ngày quyết toán", "The settlement date"),
            })
            {
                if (date is not { } d)
                {
                    continue;
                }

                if (previous is { } prev && d < prev.Date)
                {
                    Error(code, T(language, $"{vi} không được trước {prev.Vi}.", $"{en} cannot be before {prev.En}."));
                }

                previous = (d, vi.ToLowerInvariant(), en.ToLowerInvariant());
            }

            if (failed.Count > 0 || validation.Submission is null || status is null || submittedAt is null)
            {
                return null;
            }

            var funding = new ProposalFunding
            {
                ApprovedAmount = approved.Value,
                DecisionNumber = decisionNumber,
                DecisionDate = decisionDate.Value,
                ContractNumber = contractNumber,
                ContractDate = contractDate.Value,
                PaidAmount = paid.Value ?? 0,
                AcceptedOn = acceptedOn.Value,
                SettledOn = settledOn.Value,
            };
            return new ImportRecord(row.Number, trackingCode ?? DerivedTrackingCode(validation.Submission, submittedAt.Value),
                validation.Submission, status.Value, submittedAt.Value, funding, programmeId);
        }

        private DateTimeOffset? SubmittedAt(DateOnly today)
        {
            var text = Get(ProposalColumns.SubmittedAt);
            if (text is null)
            {
                Error(ProposalColumns.SubmittedAt, T(language, "Vui lòng nhập thời điểm nộp đề án (ví dụ 2019-03-15).",
                    "Enter when the proposal was submitted (for example 2019-03-15)."));
                return null;
            }

            DateTimeOffset value;
            if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            {
                value = withOffset;
            }
            else if (DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                value = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), VietnamTime.Offset);
            }
            else
            {
                Error(ProposalColumns.SubmittedAt, T(language,
                    "Thời điểm nộp không hợp lệ: nhập theo dạng năm-tháng-ngày (2019-03-15), có thể kèm giờ (2019-03-15T08:30:00+07:00).",
                    "The submission time is not valid: write it year-month-day (2019-03-15), optionally with a time (2019-03-15T08:30:00+07:00)."));
                return null;
            }

            var day = DateOnly.FromDateTime(value.ToOffset(VietnamTime.Offset).DateTime);
            if (day < ProposalFieldRules.MinDate || day > today)
            {
                Error(ProposalColumns.SubmittedAt, T(language,
                    $"Thời điểm nộp phải từ {DisplayFormat.Date(ProposalFieldRules.MinDate, language)} đến hôm nay.",
                    $"The submission time must be between {DisplayFormat.Date(ProposalFieldRules.MinDate, language)} and today."));
                return null;
            }

            return value;
        }

        private (bool Ok, long? Value) Amount(string code, string vi, string en)
        {
            var text = Get(code);
            if (text is null)
            {
                return (true, null);
            }

            if (ProposalValidator.TryParseAmount(text, out var amount))
            {
                return (true, amount);
            }

            Error(code, T(language, $"{vi} phải là số tiền nguyên không âm tính bằng đồng, ví dụ 250000000.",
                $"{en} must be a whole, non-negative amount in VND, for example 250000000."));
            return (false, null);
        }

        private (bool Ok, DateOnly? Value) Date(string code, string vi, string en, DateOnly today)
        {
            var text = Get(code);
            if (text is null)
            {
                return (true, null);
            }

            if (!DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Error(code, T(language, $"{vi} không hợp lệ: nhập theo dạng năm-tháng-ngày, ví dụ 2019-10-31.",
                    $"{en} is not valid: write it year-month-day, for example 2019-10-31."));
                return (false, null);
            }

            if (date < ProposalFieldRules.MinDate || date > today)
            {
                Error(code, T(language, $"{vi} phải từ {DisplayFormat.Date(ProposalFieldRules.MinDate, language)} đến hôm nay.",
                    $"{en} must be between {DisplayFormat.Date(ProposalFieldRules.MinDate, language)} and today."));
                return (false, null);
            }

            return (true, date);
        }

        private string? Reference(string code, string vi, string en)
        {
            var text = Get(code);
            if (text is null)
            {
                return null;
            }

            if (VietnameseText.HasForbiddenCharacters(text))
            {
                Error(code, T(language, $"{vi} chứa ký tự không được phép.", $"{en} contains characters that are not allowed."));
                return null;
            }

            var value = VietnameseText.Normalize(text);
            if (value.Length > MaxReferenceLength)
            {
                Error(code, T(language, $"{vi} không được dài quá {MaxReferenceLength} ký tự.", $"{en} must be at most {MaxReferenceLength} characters long."));
                return null;
            }

            return value;
        }

        private static string? IsoDate(string? text) =>
            text is not null && DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : text;
    }

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
