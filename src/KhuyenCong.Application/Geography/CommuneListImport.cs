using System.Globalization;
using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Geography;

/// <summary>
/// Loading the communes from the statistics office's file (<c>POST /api/geography/communes</c>, administrators): every
/// row is checked (<see cref="CommuneCsv"/>, within its limits) and the file is loaded all or nothing, keeping earlier
/// versions; errors are by row and column (<c>rows[3].commune_code</c>, the header being line 1).
/// </summary>
public sealed class CommuneListImport(GeographyService geography)
{
    /// <summary>The file is not UTF-8 text (the adapter decodes it strictly).</summary>
    public static readonly Bilingual NotUtf8 = new("Tệp phải là CSV mã hóa UTF-8 (lưu dưới dạng \"CSV UTF-8\").", "The file must be CSV in UTF-8 (save it as \"CSV UTF-8\").");

    /// <summary>The title of the answer to a file with errors.</summary>
    public static readonly Bilingual FileHasErrors = new("Tệp danh sách xã có lỗi: chưa nạp dòng nào.", "The commune file has errors: nothing was loaded.");

    /// <summary>What to do about a file with errors.</summary>
    public static readonly Bilingual CorrectTheRows = new(
        "Vui lòng sửa các dòng được nêu (dòng tiêu đề là dòng 1) rồi nạp lại toàn bộ tệp.",
        "Correct the rows listed in errors (line numbers count the header as line 1) and load the whole file again.");

    /// <summary>Done: the commune versions loaded. Parsing stops at the line where the file goes beyond the limits, or when cancelled.</summary>
    public async Task<Decision<IReadOnlyList<CommuneVersion>>> ImportAsync(TextReader file, string by, CancellationToken cancellationToken)
    {
        var (versions, rowErrors) = CommuneCsv.Parse(file, cancellationToken);
        if (rowErrors.Count > 0)
        {
            var errors = new BilingualErrors();
            foreach (var error in rowErrors)
            {
                errors.Add($"rows[{error.Row.ToString(CultureInfo.InvariantCulture)}].{error.Column}", new Bilingual(error.Vietnamese, error.English));
            }

            return Decision<IReadOnlyList<CommuneVersion>>.Invalid(errors);
        }

        await geography.ImportAsync(versions, by, cancellationToken);
        return Decision<IReadOnlyList<CommuneVersion>>.Done(versions);
    }
}
