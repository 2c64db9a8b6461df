using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Exchange;

/// <summary>What an import's answer tells the officer, per <see cref="ImportOutcome"/>, in both languages.</summary>
public static class ImportMessages
{
    public static readonly Bilingual NoFile = new(
        "Vui lòng gửi một tệp CSV hoặc XLSX (trong nội dung yêu cầu hoặc một tệp trong biểu mẫu multipart).",
        "Send a CSV or XLSX file (the request body, or a file in a multipart form).");

    /// <summary>The title of the answer to a file with row errors.</summary>
    public static readonly Bilingual RowErrorsTitle = new("Tệp nhập có lỗi.", "The import file has errors.");

    public static readonly Bilingual RowErrorsDetail = new(
        "Chưa đề án nào được nhập. Vui lòng sửa các dòng, cột được nêu trong rowErrors rồi gửi lại tệp.",
        "Nothing was imported. Correct the rows and columns listed in rowErrors and send the file again.");

    /// <summary>The title of the answer to a file refused before its rows were checked.</summary>
    public static readonly Bilingual RefusedTitle = new("Tệp nhập bị từ chối: chưa đề án nào được nhập.", "The import file was refused: nothing was imported.");

    /// <summary>What was stored, and what was already there.</summary>
    public static Bilingual Summary(ImportCompleted done)
    {
        ArgumentNullException.ThrowIfNull(done);
        return (done.Imported.Count, done.AlreadyImported.Count) switch
        {
            (0, var a) => new($"Tệp này đã được nhập trước đây: {a} đề án đã có, không có đề án mới.", $"This file was already imported: {a} proposals already stored, none new."),
            (var n, 0) => new($"Đã nhập {n} đề án.", $"{n} proposals imported."),
            (var n, var a) => new($"Đã nhập {n} đề án; {a} dòng đã được nhập từ trước nên được giữ nguyên.", $"{n} proposals imported; {a} rows were already imported and were left as they are."),
        };
    }

    public static Bilingual TooLarge(long maxBytes) => new(
        $"Tệp lớn hơn {DisplayFormat.Amount(maxBytes / 1024, Language.Vietnamese)} KB.", $"The file is larger than {DisplayFormat.Amount(maxBytes / 1024, Language.English)} KB.");

    public static Bilingual Conflict(ImportConflict conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return new(
            $"Một lần nhập khác vừa lưu đề án {conflict.TrackingCode}; chưa đề án nào của tệp này được nhập. Vui lòng gửi lại.",
            $"Another import stored proposal {conflict.TrackingCode} at the same time; nothing of this file was imported. Send it again.");
    }
}
