using System.Globalization;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Domain.Tracking;

namespace KhuyenCong.Application.Exchange;

/// <summary>The checks of one row of an import file (<see cref="ProposalImportParser"/>).</summary>
public static partial class ProposalImportParser
{
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
            var validation = Validate();
            var trackingCode = TrackingCodeCell();
            var status = StatusCell();
            var submittedAt = SubmittedAt(today);
            var cells = FundingCells(today);
            var planYear = PlanYear();
            var callId = Reference(ProposalColumns.CallId, "Mã đợt đăng ký", "The call id");
            if (status is { } s)
            {
                CheckAgainstStatus(s, cells);
            }

            CheckAmounts(cells, validation.Submission);
            CheckDateOrder(submittedAt, cells);
            if (failed.Count > 0 || validation.Submission is null || status is null || submittedAt is null)
            {
                return null;
            }

            var submission = validation.Submission with { CommuneCode = cells.CommuneCode };
            return new ImportRecord(row.Number, trackingCode ?? DerivedTrackingCode(submission, submittedAt.Value),
                submission, status.Value, submittedAt.Value, cells.Funding(), cells.ProgrammeId) { PlanYear = planYear, CallId = callId };
        }

        /// <summary>The proposal's own fields, checked as a đề án of the past (ValidationMode.Historical).</summary>
        private ProposalValidationResult Validate()
        {
            var summary = Get(ProposalColumns.Summary);
            var form = ProposalForm.FromFields(field => field switch
            {
                ProposalFields.Summary => summary ?? Get(ProposalColumns.Title),
                ProposalFields.StartDate or ProposalFields.EndDate => IsoDate(Get(field)),
                _ => Get(field),
            });
            // A đề án of the past: a missing entity type is given by the documented rule, rules newer than the record do not apply.
            var validation = ProposalValidator.Validate(form, language, ValidationMode.Historical);
            foreach (var error in validation.FieldErrors)
            {
                if (error.Field == ProposalFields.Summary && summary is null)
                {
                    continue; // the title stands in for a missing summary; its own error is reported on the title
                }

                Error(error.Field, error.Message);
            }

            return validation;
        }

        private string? TrackingCodeCell()
        {
            if (Get(ProposalColumns.TrackingCode) is not { } codeText)
            {
                return null;
            }

            if (TrackingCode.TryParse(codeText, out var code))
            {
                return code.Value;
            }

            Error(ProposalColumns.TrackingCode, T(language,
                "Mã hồ sơ không hợp lệ (dạng KC-XXXX-XXXX-XXXX-XXXX-XX); để trống nếu đề án chưa có mã.",
                "The tracking code is not valid (KC-XXXX-XXXX-XXXX-XXXX-XX); leave it empty when the proposal has none."));
            return null;
        }

        private ProposalStatus? StatusCell()
        {
            var statusText = Get(ProposalColumns.Status);
            if (statusText is null)
            {
                Error(ProposalColumns.Status, T(language, "Vui lòng nhập tình trạng của đề án (ví dụ settled hoặc Đã quyết toán).",
                    "Enter the proposal's status (for example settled)."));
                return null;
            }

            if (TryStatus(statusText, out var status))
            {
                return status;
            }

            var codes = string.Join(", ", Enum.GetValues<ProposalStatus>().Select(s => s.ToCode()));
            Error(ProposalColumns.Status, T(language, "Tình trạng không hợp lệ; dùng một trong các mã: " + codes + ".", "Unknown status; use one of: " + codes + "."));
            return null;
        }

        private RowFunding FundingCells(DateOnly today)
        {
            var approved = Amount(ProposalColumns.ApprovedAmount, "Kinh phí được duyệt", "The approved amount");
            var paid = Amount(ProposalColumns.PaidAmount, "Kinh phí đã thanh toán", "The paid amount");
            var decisionDate = Date(ProposalColumns.DecisionDate, "Ngày quyết định", "The decision date", today);
            var contractDate = Date(ProposalColumns.ContractDate, "Ngày hợp đồng", "The contract date", today);
            var acceptedOn = Date(ProposalColumns.AcceptedOn, "Ngày nghiệm thu", "The acceptance date", today);
            var settledOn = Date(ProposalColumns.SettledOn, "Ngày quyết toán", "The settlement date", today);
            var decisionNumber = Reference(ProposalColumns.DecisionNumber, "Số quyết định", "The decision number");
            var contractNumber = Reference(ProposalColumns.ContractNumber, "Số hợp đồng", "The contract number");
            var programmeId = Reference(ProposalColumns.ProgrammeId, "Mã chương trình", "The programme id");
            var communeCode = Reference(ProposalColumns.CommuneCode, "Mã xã, phường, đặc khu", "The commune code");
            var results = new ActualResults(
                Count(ProposalColumns.ActualTrainees, "Số người thực tế được đào tạo", "The actual trainees"),
                Count(ProposalColumns.ActualJobs, "Số việc làm thực tế", "The actual jobs"),
                Count(ProposalColumns.ModelsBuilt, "Số mô hình đã xây dựng", "The models built"),
                Count(ProposalColumns.ProductsCertified, "Số sản phẩm được công nhận", "The products certified"));
            return new RowFunding(approved, paid, decisionDate, contractDate, acceptedOn, settledOn, decisionNumber, contractNumber,
                programmeId, communeCode, results);
        }

        /// <summary>What the status implies: an approved amount once approved, an acceptance or settlement date once there, actual results once accepted.</summary>
        private void CheckAgainstStatus(ProposalStatus s, RowFunding cells)
        {
            var label = ProposalStatusLabels.Label(s, language);
            var accepted = s is ProposalStatus.Accepted or ProposalStatus.Settled;
            if (!cells.Results.IsEmpty && !accepted)
            {
                Error(ProposalColumns.ActualTrainees, T(language, "Kết quả thực tế chỉ ghi cho đề án đã nghiệm thu hoặc đã quyết toán.",
                    "Actual results are recorded only for an accepted or settled proposal."));
            }

            if (cells.Approved.Value is not null && NeverApproved(s))
            {
                Error(ProposalColumns.ApprovedAmount, T(language,
                    $"Đề án ở tình trạng \"{label}\" chưa được phê duyệt nên không có kinh phí được duyệt.",
                    $"A proposal with status \"{label}\" was never approved, so it has no approved amount."));
            }
            else if (cells.Approved is (true, null) && MustBeApproved(s))
            {
                Error(ProposalColumns.ApprovedAmount, T(language, $"Đề án ở tình trạng \"{label}\" cần có kinh phí được duyệt.",
                    $"A proposal with status \"{label}\" needs its approved amount."));
            }

            CheckDatePresence(ProposalColumns.AcceptedOn, cells.AcceptedOn, accepted,
                ("Đề án đã nghiệm thu cần có ngày nghiệm thu.", "An accepted proposal needs its acceptance date."),
                ("Chỉ đề án đã nghiệm thu hoặc đã quyết toán mới có ngày nghiệm thu.", "Only an accepted or settled proposal has an acceptance date."));
            CheckDatePresence(ProposalColumns.SettledOn, cells.SettledOn, s == ProposalStatus.Settled,
                ("Đề án đã quyết toán cần có ngày quyết toán.", "A settled proposal needs its settlement date."),
                ("Chỉ đề án đã quyết toán mới có ngày quyết toán.", "Only a settled proposal has a settlement date."));
        }

        private void CheckDatePresence(string code, (bool Ok, DateOnly? Value) cell, bool expected, (string Vi, string En) missing, (string Vi, string En) unexpected)
        {
            if (cell is (true, null) && expected)
            {
                Error(code, T(language, missing.Vi, missing.En));
            }
            else if (cell.Value is not null && !expected)
            {
                Error(code, T(language, unexpected.Vi, unexpected.En));
            }
        }

        private void CheckAmounts(RowFunding cells, ProposalSubmission? submission)
        {
            if (cells.Approved.Value is { } a && submission is { } sub && a > sub.RequestedSupport)
            {
                Error(ProposalColumns.ApprovedAmount, T(language, "Kinh phí được duyệt không được lớn hơn kinh phí đề nghị hỗ trợ.",
                    "The approved amount cannot exceed the requested support."));
            }

            if (cells.Paid.Value is { } p && p > 0 && cells.Approved is (true, null))
            {
                Error(ProposalColumns.PaidAmount, T(language, "Chưa có kinh phí được duyệt thì không thể có kinh phí đã thanh toán.",
                    "There can be no payment without an approved amount."));
            }
            else if (cells.Paid.Value is { } p2 && cells.Approved.Value is { } a2 && p2 > a2)
            {
                Error(ProposalColumns.PaidAmount, T(language, "Kinh phí đã thanh toán không được lớn hơn kinh phí được duyệt.",
                    "The paid amount cannot exceed the approved amount."));
            }
        }

        /// <summary>submitted ≤ decision ≤ contract ≤ acceptance ≤ settlement, each compared with the latest earlier date given.</summary>
        private void CheckDateOrder(DateTimeOffset? submittedAt, RowFunding cells)
        {
            (DateOnly Date, string Vi, string En)? previous = submittedAt is { } at
                ? (DateOnly.FromDateTime(at.ToOffset(VietnamTime.Offset).DateTime), "ngày nộp", "the submission date")
                : null;
            foreach (var (code, date, vi, en) in new[]
            {
                (ProposalColumns.DecisionDate, cells.DecisionDate.Value, "Ngày quyết định", "The decision date"),
                (ProposalColumns.ContractDate, cells.ContractDate.Value, "Ngày hợp đồng", "The contract date"),
                (ProposalColumns.AcceptedOn, cells.AcceptedOn.Value, "Ngày nghiệm thu", "The acceptance date"),
                (ProposalColumns.SettledOn, cells.SettledOn.Value, "Ngày quyết toán", "The settlement date"),
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
        }

        /// <summary>The plan year column (optional: without it the plan year is the year submitted, ADR 0020).</summary>
        private int? PlanYear()
        {
            var text = Get(ProposalColumns.PlanYear);
            if (text is null)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && BudgetKey.IsValidYear(year))
            {
                return year;
            }

            Error(ProposalColumns.PlanYear, T(language, $"Năm kế hoạch phải là một năm từ {BudgetKey.MinYear} đến {BudgetKey.MaxYear}, ví dụ 2026.",
                $"The plan year must be a year from {BudgetKey.MinYear} to {BudgetKey.MaxYear}, for example 2026."));
            return null;
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

        private int? Count(string code, string vi, string en)
        {
            var text = Get(code);
            if (text is null)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= ProposalFieldRules.MaxCount)
            {
                return value;
            }

            Error(code, T(language, $"{vi} phải là số nguyên từ 0 đến 100.000.", $"{en} must be a whole number from 0 to 100,000."));
            return null;
        }

        private static string? IsoDate(string? text) =>
            text is not null && DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : text;
    }

    /// <summary>The funding cells of one row, each as read (Ok false when the cell was refused).</summary>
    private sealed record RowFunding(
        (bool Ok, long? Value) Approved, (bool Ok, long? Value) Paid,
        (bool Ok, DateOnly? Value) DecisionDate, (bool Ok, DateOnly? Value) ContractDate,
        (bool Ok, DateOnly? Value) AcceptedOn, (bool Ok, DateOnly? Value) SettledOn,
        string? DecisionNumber, string? ContractNumber, string? ProgrammeId, string? CommuneCode, ActualResults Results)
    {
        public ProposalFunding Funding() => new()
        {
            ApprovedAmount = Approved.Value,
            DecisionNumber = DecisionNumber,
            DecisionDate = DecisionDate.Value,
            ContractNumber = ContractNumber,
            ContractDate = ContractDate.Value,
            PaidAmount = Paid.Value ?? 0,
            AcceptedOn = AcceptedOn.Value,
            SettledOn = SettledOn.Value,
            Results = Results.IsEmpty ? null : Results,
        };
    }
}
