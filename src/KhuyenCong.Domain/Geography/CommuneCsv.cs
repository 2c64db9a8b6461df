using System.Globalization;
using System.Text;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Geography;

/// <summary>A problem with one cell (or line) of a commune file: the line number (the header is line 1), the column and the message in both languages.</summary>
public sealed record CsvRowError(int Row, string Column, string Vietnamese, string English)
{
    public string Message(Language language) => language == Language.English ? English : Vietnamese;
}

/// <summary>
/// Reads the commune file an administrator loads (UTF-8, comma-separated, quotes as in RFC 4180), header
/// <c>province_code,province_name,commune_code,commune_name,old_commune_names,effective_from</c>:
/// <list type="bullet">
/// <item><c>province_code</c>: a current province's code ("hung-yen"); <c>province_name</c> must name the same province;</item>
/// <item><c>commune_code</c>: letters, digits and dashes, at most 20; <c>commune_name</c>: the name with its kind, at most 100 characters;</item>
/// <item><c>old_commune_names</c>: the names or codes it replaced, separated by semicolons (may be empty);</item>
/// <item><c>effective_from</c>: <c>yyyy-MM-dd</c> (or <c>dd/MM/yyyy</c>).</item>
/// </list>
/// Every row is checked; the file is accepted only when no row has an error (all or nothing).
/// </summary>
public static class CommuneCsv
{
    public const int MaxRows = 20_000;
    public const int MaxNameLength = 100;
    public const int MaxOldNames = 50;

    public static readonly IReadOnlyList<string> Columns = ["province_code", "province_name", "commune_code", "commune_name", "old_commune_names", "effective_from"];

    /// <summary>The versions in the file, or the errors of every row (at most 200 reported).</summary>
    public static (IReadOnlyList<CommuneVersion> Versions, IReadOnlyList<CsvRowError> Errors) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<CsvRowError>();
        var versions = new List<CommuneVersion>();
        var rows = Split(text.TrimStart('\uFEFF'));
        if (rows.Count == 0)
        {
            errors.Add(new(1, "header", "Tệp trống: dòng đầu phải là tiêu đề " + string.Join(",", Columns) + ".",
                "The file is empty: the first line must be the header " + string.Join(",", Columns) + "."));
            return ([], errors);
        }

        var header = rows[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (!header.SequenceEqual(Columns))
        {
            errors.Add(new(1, "header", "Dòng tiêu đề phải là: " + string.Join(",", Columns) + ".",
                "The header line must be: " + string.Join(",", Columns) + "."));
            return ([], errors);
        }

        if (rows.Count - 1 > MaxRows)
        {
            errors.Add(new(MaxRows + 2, "file", $"Tệp có quá {MaxRows} dòng dữ liệu.", $"The file has more than {MaxRows} data rows."));
            return ([], errors);
        }

        var seen = new Dictionary<(string, DateOnly), int>();
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0]))
            {
                continue;
            }

            var before = errors.Count;
            if (fields.Count != Columns.Count)
            {
                errors.Add(new(line, "row", $"Dòng có {fields.Count} cột, cần đúng {Columns.Count} cột.", $"The line has {fields.Count} columns; exactly {Columns.Count} are needed."));
                continue;
            }

            if (fields.Any(VietnameseText.HasForbiddenCharacters))
            {
                errors.Add(new(line, "row", "Dòng chứa ký tự không được phép.", "The line contains characters that are not allowed."));
                continue;
            }

            var provinceCode = fields[0].Trim();
            var province = ProvinceCatalog.FindCurrent(provinceCode);
            if (province is null)
            {
                errors.Add(new(line, "province_code", $"\"{Short(provinceCode)}\" không phải mã tỉnh, thành phố hiện nay (ví dụ hung-yen).",
                    $"\"{Short(provinceCode)}\" is not the code of a current province (for example hung-yen)."));
            }
            else if (!ProvinceCatalog.TryParseCurrent(fields[1], out var named) || named.Code != province.Code)
            {
                errors.Add(new(line, "province_name", $"Tên tỉnh \"{Short(fields[1].Trim())}\" không khớp với mã {province.Code} ({province.Name}).",
                    $"The province name \"{Short(fields[1].Trim())}\" does not match the code {province.Code} ({province.EnglishName})."));
            }

            var communeCode = fields[2].Trim();
            if (communeCode.Length is 0 or > 20 || !communeCode.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                errors.Add(new(line, "commune_code", "Mã xã phải có từ 1 đến 20 ký tự gồm chữ, số và dấu gạch ngang.",
                    "The commune code must be 1 to 20 letters, digits or dashes."));
            }

            var communeName = VietnameseText.Normalize(fields[3]);
            if (communeName.Length == 0 || communeName.Length > MaxNameLength || CommuneDirectory.Key(communeName).Length == 0)
            {
                errors.Add(new(line, "commune_name", $"Tên xã phải có từ 1 đến {MaxNameLength} ký tự.", $"The commune name must be 1 to {MaxNameLength} characters."));
            }

            var oldNames = fields[4].Split(';').Select(n => VietnameseText.Normalize(n)).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (oldNames.Count > MaxOldNames || oldNames.Any(n => n.Length > MaxNameLength))
            {
                errors.Add(new(line, "old_commune_names", $"Tối đa {MaxOldNames} tên cũ, mỗi tên không quá {MaxNameLength} ký tự, cách nhau bằng dấu chấm phẩy.",
                    $"At most {MaxOldNames} old names, each at most {MaxNameLength} characters, separated by semicolons."));
            }

            var dateText = fields[5].Trim();
            if (!DateOnly.TryParseExact(dateText, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var effectiveFrom)
                || effectiveFrom.Year is < 1945 or > 2100)
            {
                errors.Add(new(line, "effective_from", $"Ngày hiệu lực \"{Short(dateText)}\" không hợp lệ (yyyy-MM-dd, ví dụ 2025-07-01).",
                    $"The effective date \"{Short(dateText)}\" is not valid (yyyy-MM-dd, for example 2025-07-01)."));
            }
            else if (errors.Count == before && !seen.TryAdd((provinceCode + "|" + communeCode, effectiveFrom), line))
            {
                errors.Add(new(line, "commune_code", $"Xã {communeCode} với ngày hiệu lực {dateText} đã có ở dòng {seen[(provinceCode + "|" + communeCode, effectiveFrom)]}.",
                    $"Commune {communeCode} with effective date {dateText} is already on line {seen[(provinceCode + "|" + communeCode, effectiveFrom)]}."));
            }

            if (errors.Count == before)
            {
                versions.Add(new CommuneVersion(province!.Code, communeCode, communeName, oldNames, effectiveFrom));
            }

            if (errors.Count >= 200)
            {
                break;
            }
        }

        if (errors.Count == 0 && versions.Count == 0)
        {
            errors.Add(new(2, "file", "Tệp không có dòng dữ liệu nào.", "The file has no data rows."));
        }

        return errors.Count > 0 ? ([], errors) : (versions, errors);
    }

    /// <summary>Splits CSV text into records (with the line each starts on); quoted fields may hold commas, quotes ("") and line breaks.</summary>
    private static List<(int Line, List<string> Fields)> Split(string text)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add((start, fields));
                fields = [];
                line++;
                start = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((start, fields));
        }

        return records;
    }

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
