using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Exchange;

/// <summary>What to tell the user about a refused file (<see cref="SpreadsheetProblem"/>), in both languages: what is wrong, where, and what to do.</summary>
public static class SpreadsheetProblemMessages
{
    private const string AcceptedVi = "Tệp phải là CSV (mã UTF-8) hoặc sổ tính Excel .xlsx theo các cột của tệp xuất đề án (xem docs/import.md).";
    private const string AcceptedEn = "The file must be a CSV (UTF-8) or an Excel .xlsx workbook in the columns of the proposal export (see docs/import.md).";

    /// <summary>What files an import takes.</summary>
    public static readonly Bilingual Accepted = new(AcceptedVi, AcceptedEn);

    /// <summary>The message in <paramref name="language"/>.</summary>
    public static string Describe(SpreadsheetProblem problem, Language language) => Describe(problem).In(language);

    /// <summary>What is wrong with the file, where, and what to do, in both languages.</summary>
    public static Bilingual Describe(SpreadsheetProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var part = problem.Part ?? "?";
        var cell = problem.Cell ?? "?";
        var (rowVi, rowEn) = (Vi(problem.Row ?? 0), En(problem.Row ?? 0));
        return problem.Kind switch
        {
            SpreadsheetProblemKind.NotAWorkbook => new(
                "Tệp nén (ZIP) này không phải sổ tính Excel (không có trang tính). " + AcceptedVi,
                "This ZIP archive is not an Excel workbook (it has no worksheet). " + AcceptedEn),
            SpreadsheetProblemKind.NotUtf8 => new(
                "Tệp văn bản này không dùng mã UTF-8. " + AcceptedVi,
                "This text file is not in UTF-8. " + AcceptedEn),
            SpreadsheetProblemKind.Damaged when problem.Part is null => new(
                "Sổ tính .xlsx bị hỏng hoặc không đầy đủ (tệp nén bị cắt cụt hoặc sai cấu trúc). Vui lòng lưu lại tệp bằng Excel rồi gửi lại.",
                "The .xlsx workbook is damaged or incomplete (its archive is truncated or malformed). Save it again in Excel and send it again."),
            SpreadsheetProblemKind.Damaged => new(
                $"Sổ tính .xlsx bị hỏng: không đọc được phần {part}. Vui lòng lưu lại tệp bằng Excel rồi gửi lại.",
                $"The .xlsx workbook is damaged: its part {part} cannot be read. Save it again in Excel and send it again."),
            SpreadsheetProblemKind.DtdNotAllowed => new(
                $"Phần {part} của sổ tính có khai báo DTD (<!DOCTYPE>), không được phép vì lý do an toàn. Vui lòng lưu lại tệp bằng Excel.",
                $"Part {part} of the workbook declares a DTD (<!DOCTYPE>), which is refused for safety. Save the file again with Excel."),
            SpreadsheetProblemKind.UnclosedQuote => new(
                $"Dòng {rowVi}: dấu ngoặc kép mở ở ô {cell} không được đóng lại (thiếu dấu \" cuối ô).",
                $"Row {rowEn}: the quote opened in cell {cell} is never closed (a closing \" is missing)."),
            _ => OverLimit(problem, part, cell, rowVi, rowEn),
        };
    }

    /// <summary>A limit the file goes beyond (entries, sizes, compression, rows, columns, a cell's or the text's length).</summary>
    private static Bilingual OverLimit(SpreadsheetProblem problem, string part, string cell, string rowVi, string rowEn) => problem.Kind switch
    {
        SpreadsheetProblemKind.TooManyEntries => new(
            $"Tệp nén của sổ tính có {(problem.Actual is { } b ? Vi(b) : "hơn " + Vi(problem.Limit))} mục, nhiều hơn mức cho phép là {Vi(problem.Limit)} mục.",
            $"The workbook's archive holds {(problem.Actual is { } a ? En(a) : "more than " + En(problem.Limit))} entries; at most {En(problem.Limit)} are accepted."),
        SpreadsheetProblemKind.PartTooLarge => new(
            $"Phần {part} của sổ tính khi giải nén lớn hơn mức cho phép là {MbVi(problem.Limit)} MB.",
            $"Part {part} of the workbook unpacks to more than {MbEn(problem.Limit)} MB, the limit."),
        SpreadsheetProblemKind.UnpackedTooLarge => new(
            $"Sổ tính khi giải nén lớn hơn mức cho phép là {MbVi(problem.Limit)} MB.",
            $"The workbook unpacks to more than {MbEn(problem.Limit)} MB, the limit."),
        SpreadsheetProblemKind.CompressionRatio => new(
            $"Phần {part} của sổ tính bị nén hơn {Vi(problem.Limit)} lần, chỉ tệp \"bom nén\" mới như vậy: tệp bị từ chối.",
            $"Part {part} of the workbook is compressed more than {En(problem.Limit)} to 1, which only a zip bomb does: the file is refused."),
        SpreadsheetProblemKind.TooManyRows => new(
            $"Mỗi lần nhập tối đa {Vi(problem.Limit - 1)} dòng dữ liệu, kể cả dòng trống, nhưng tệp "
              + (problem.Cell is null ? $"có dòng {rowVi}" : $"khai báo vùng {cell}") + ": vui lòng chia nhỏ tệp hoặc xóa các dòng trống ở cuối.",
            $"An import holds at most {En(problem.Limit - 1)} data rows, blank rows included, but the file "
              + (problem.Cell is null ? $"has row {rowEn}" : $"declares the range {cell}") + ": split the file or delete the blank rows at its end."),
        SpreadsheetProblemKind.TooManyColumns when problem.Cell is null => new(
            $"Dòng {rowVi} có nhiều hơn {Vi(problem.Limit)} cột, trong khi mẫu tệp đề án có {Vi(problem.Limit)} cột. Vui lòng xóa các cột thừa.",
            $"Row {rowEn} has more than {En(problem.Limit)} columns; the proposal template has {En(problem.Limit)}. Delete the extra columns."),
        SpreadsheetProblemKind.TooManyColumns => new(
            $"{(cell.Contains(':', StringComparison.Ordinal) ? "Trang tính khai báo vùng " : "Ô ")}{cell} nằm ngoài {Vi(problem.Limit)} cột của mẫu tệp đề án. Vui lòng xóa các cột thừa.",
            $"{(cell.Contains(':', StringComparison.Ordinal) ? "The sheet declares the range " : "Cell ")}{cell}, beyond the {En(problem.Limit)} columns of the proposal template. Delete the extra columns."),
        SpreadsheetProblemKind.CellTooLong when problem.Cell is null => new(
            $"Một chuỗi trong phần {part} của sổ tính có hơn {Vi(problem.Limit)} ký tự, nhiều hơn mức tối đa của một ô.",
            $"A text in part {part} of the workbook holds more than {En(problem.Limit)} characters, the most a cell may hold."),
        SpreadsheetProblemKind.CellTooLong => new(
            $"Ô {cell} có hơn {Vi(problem.Limit)} ký tự, nhiều hơn mức tối đa của một ô.",
            $"Cell {cell} holds more than {En(problem.Limit)} characters, the most a cell may hold."),
        SpreadsheetProblemKind.TooMuchText => new(
            $"Sổ tính chứa nhiều văn bản hơn mức cho phép của một lần nhập (hơn {Vi(problem.Limit)} ký tự hoặc chuỗi): vui lòng chia nhỏ tệp.",
            $"The workbook holds more text than an import may (more than {En(problem.Limit)} characters or strings): split the file."),
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem.Kind, "Not a limit."),
    };

    private static string Vi(long value) => DisplayFormat.Amount(value, Language.Vietnamese);

    private static string En(long value) => DisplayFormat.Amount(value, Language.English);

    private static string MbVi(long bytes) => Vi(Math.Max(1, bytes / (1024 * 1024)));

    private static string MbEn(long bytes) => En(Math.Max(1, bytes / (1024 * 1024)));
}
