using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Exchange;

/// <summary>What to tell the user about a refused file (<see cref="SpreadsheetProblem"/>), in their language: what is wrong, where, and what to do.</summary>
public static class SpreadsheetProblemMessages
{
    private const string AcceptedVi = "Tệp phải là CSV (mã UTF-8) hoặc sổ tính Excel .xlsx theo các cột của tệp xuất đề án (xem docs/import.md).";
    private const string AcceptedEn = "The file must be a CSV (UTF-8) or an Excel .xlsx workbook in the columns of the proposal export (see docs/import.md).";

    public static string Describe(SpreadsheetProblem problem, Language language)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var en = language == Language.English;
        string N(long value) => DisplayFormat.Amount(value, language);
        string Mb(long bytes) => N(Math.Max(1, bytes / (1024 * 1024)));
        var part = problem.Part ?? "?";
        var cell = problem.Cell ?? "?";
        var row = N(problem.Row ?? 0);
        return problem.Kind switch
        {
            SpreadsheetProblemKind.NotAWorkbook => en
                ? "This ZIP archive is not an Excel workbook (it has no worksheet). " + AcceptedEn
                : "Tệp nén (ZIP) này không phải sổ tính Excel (không có trang tính). " + AcceptedVi,
            SpreadsheetProblemKind.NotUtf8 => en
                ? "This text file is not in UTF-8. " + AcceptedEn
                : "Tệp văn bản này không dùng mã UTF-8. " + AcceptedVi,
            SpreadsheetProblemKind.Damaged when problem.Part is null => en
                ? "The .xlsx workbook is damaged or incomplete (its archive is truncated or malformed). Save it again in Excel and send it again."
                : "Sổ tính .xlsx bị hỏng hoặc không đầy đủ (tệp nén bị cắt cụt hoặc sai cấu trúc). Vui lòng lưu lại tệp bằng Excel rồi gửi lại.",
            SpreadsheetProblemKind.Damaged => en
                ? $"The .xlsx workbook is damaged: its part {part} cannot be read. Save it again in Excel and send it again."
                : $"Sổ tính .xlsx bị hỏng: không đọc được phần {part}. Vui lòng lưu lại tệp bằng Excel rồi gửi lại.",
            SpreadsheetProblemKind.TooManyEntries => en
                ? $"The workbook's archive holds {(problem.Actual is { } a ? N(a) : "more than " + N(problem.Limit))} entries; at most {N(problem.Limit)} are accepted."
                : $"Tệp nén của sổ tính có {(problem.Actual is { } b ? N(b) : "hơn " + N(problem.Limit))} mục, nhiều hơn mức cho phép là {N(problem.Limit)} mục.",
            SpreadsheetProblemKind.PartTooLarge => en
                ? $"Part {part} of the workbook unpacks to more than {Mb(problem.Limit)} MB, the limit."
                : $"Phần {part} của sổ tính khi giải nén lớn hơn mức cho phép là {Mb(problem.Limit)} MB.",
            SpreadsheetProblemKind.UnpackedTooLarge => en
                ? $"The workbook unpacks to more than {Mb(problem.Limit)} MB, the limit."
                : $"Sổ tính khi giải nén lớn hơn mức cho phép là {Mb(problem.Limit)} MB.",
            SpreadsheetProblemKind.CompressionRatio => en
                ? $"Part {part} of the workbook is compressed more than {N(problem.Limit)} to 1, which only a zip bomb does: the file is refused."
                : $"Phần {part} của sổ tính bị nén hơn {N(problem.Limit)} lần, chỉ tệp \"bom nén\" mới như vậy: tệp bị từ chối.",
            SpreadsheetProblemKind.DtdNotAllowed => en
                ? $"Part {part} of the workbook declares a DTD (<!DOCTYPE>), which is refused for safety. Save the file again with Excel."
                : $"Phần {part} của sổ tính có khai báo DTD (<!DOCTYPE>), không được phép vì lý do an toàn. Vui lòng lưu lại tệp bằng Excel.",
            SpreadsheetProblemKind.TooManyRows => en
                ? $"An import holds at most {N(problem.Limit - 1)} data rows, blank rows included, but the file "
                  + (problem.Cell is null ? $"has row {row}" : $"declares the range {cell}") + ": split the file or delete the blank rows at its end."
                : $"Mỗi lần nhập tối đa {N(problem.Limit - 1)} dòng dữ liệu, kể cả dòng trống, nhưng tệp "
                  + (problem.Cell is null ? $"có dòng {row}" : $"khai báo vùng {cell}") + ": vui lòng chia nhỏ tệp hoặc xóa các dòng trống ở cuối.",
            SpreadsheetProblemKind.TooManyColumns when problem.Cell is null => en
                ? $"Row {row} has more than {N(problem.Limit)} columns; the proposal template has {N(problem.Limit)}. Delete the extra columns."
                : $"Dòng {row} có nhiều hơn {N(problem.Limit)} cột, trong khi mẫu tệp đề án có {N(problem.Limit)} cột. Vui lòng xóa các cột thừa.",
            SpreadsheetProblemKind.TooManyColumns => en
                ? $"{(cell.Contains(':', StringComparison.Ordinal) ? "The sheet declares the range " : "Cell ")}{cell}, beyond the {N(problem.Limit)} columns of the proposal template. Delete the extra columns."
                : $"{(cell.Contains(':', StringComparison.Ordinal) ? "Trang tính khai báo vùng " : "Ô ")}{cell} nằm ngoài {N(problem.Limit)} cột của mẫu tệp đề án. Vui lòng xóa các cột thừa.",
            SpreadsheetProblemKind.CellTooLong when problem.Cell is null => en
                ? $"A text in part {part} of the workbook holds more than {N(problem.Limit)} characters, the most a cell may hold."
                : $"Một chuỗi trong phần {part} của sổ tính có hơn {N(problem.Limit)} ký tự, nhiều hơn mức tối đa của một ô.",
            SpreadsheetProblemKind.CellTooLong => en
                ? $"Cell {cell} holds more than {N(problem.Limit)} characters, the most a cell may hold."
                : $"Ô {cell} có hơn {N(problem.Limit)} ký tự, nhiều hơn mức tối đa của một ô.",
            SpreadsheetProblemKind.TooMuchText => en
                ? $"The workbook holds more text than an import may (more than {N(problem.Limit)} characters or strings): split the file."
                : $"Sổ tính chứa nhiều văn bản hơn mức cho phép của một lần nhập (hơn {N(problem.Limit)} ký tự hoặc chuỗi): vui lòng chia nhỏ tệp.",
            _ => en
                ? $"Row {row}: the quote opened in cell {cell} is never closed (a closing \" is missing)."
                : $"Dòng {row}: dấu ngoặc kép mở ở ô {cell} không được đóng lại (thiếu dấu \" cuối ô).",
        };
    }
}
