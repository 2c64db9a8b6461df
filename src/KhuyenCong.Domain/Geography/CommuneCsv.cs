using System.Globalization;
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

    /// <summary>
    /// The caps of a read: <see cref="MaxRows"/> data rows after the header (blank lines count), exactly the six
    /// columns, and no field longer than a cell of Excel. A file beyond them is refused at the line where it goes
    /// beyond, without reading further.
    /// </summary>
    public static readonly CsvLimits Limits = new(MaxRows + 1, 6, CsvLimits.ExcelMaxCellChars);

    /// <summary>The versions in the file, or the errors of every row (at most 200 reported).</summary>
    public static (IReadOnlyList<CommuneVersion> Versions, IReadOnlyList<CsvRowError> Errors) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Parse(reader, CancellationToken.None);
    }

    /// <summary>
    /// The versions in the file read from <paramref name="text"/> (streamed, within <see cref="Limits"/>), or the
    /// errors of every row (at most 200 reported); a file beyond a cap or with a quote never closed gives the errors
    /// found so far and one naming the line where it went wrong.
    /// </summary>
    public static (IReadOnlyList<CommuneVersion> Versions, IReadOnlyList<CsvRowError> Errors) Parse(TextReader text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<CsvRowError>();
        var versions = new List<CommuneVersion>();
        var records = new CsvRecordReader(text, ',', Limits, cancellationToken);
        try
        {
            ReadAll(records, versions, errors);
        }
        catch (CsvLimitException ex)
        {
            errors.Add(LimitError(ex));
        }

        if (errors.Count == 0 && versions.Count == 0)
        {
            errors.Add(new(2, "file", "Tệp không có dòng dữ liệu nào.", "The file has no data rows."));
        }

        return errors.Count > 0 ? ([], errors) : (versions, errors);
    }

    private static CsvRowError LimitError(CsvLimitException ex)
    {
        string Vi(long n) => DisplayFormat.Amount(n, Language.Vietnamese);
        string En(long n) => DisplayFormat.Amount(n, Language.English);
        return ex.Kind switch
        {
            CsvProblemKind.TooManyRecords => new(ex.Line, "file", $"Tệp có quá {Vi(MaxRows)} dòng dữ liệu (kể cả dòng trống).",
                $"The file has more than {En(MaxRows)} data rows (blank lines included)."),
            CsvProblemKind.TooManyFields => new(ex.Line, ex.Record == 1 ? "header" : "row", $"Dòng có nhiều hơn {Columns.Count} cột, cần đúng {Columns.Count} cột.",
                $"The line has more than {Columns.Count} columns; exactly {Columns.Count} are needed."),
            CsvProblemKind.FieldTooLong => new(ex.Line, Columns[Math.Clamp(ex.Field, 1, Columns.Count) - 1],
                $"Ô dài quá {Vi(ex.Limit)} ký tự.", $"The cell is longer than {En(ex.Limit)} characters."),
            _ => new(ex.Line, "row", "Dấu ngoặc kép mở ở dòng này không được đóng lại (thiếu dấu \" cuối ô).",
                "A quote opened on this line is never closed (a closing \" is missing)."),
        };
    }

    private static void ReadAll(CsvRecordReader records, List<CommuneVersion> versions, List<CsvRowError> errors)
    {
        if (!ReadHeader(records, errors))
        {
            return;
        }

        var seen = new Dictionary<(string, DateOnly), int>();
        while (errors.Count < 200 && records.Read())
        {
            var (line, fields) = (records.Line, records.Fields);
            if (fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0]))
            {
                continue;
            }

            if (RowShapeError(line, fields) is { } shape)
            {
                errors.Add(shape);
                continue;
            }

            var before = errors.Count;
            var version = ReadRow(line, fields, errors);
            if (errors.Count == before && DuplicateError(version, line, fields, seen) is { } duplicate)
            {
                errors.Add(duplicate);
            }

            if (errors.Count == before)
            {
                versions.Add(version);
            }
        }
    }

    /// <summary>Reads the header line; false (with the error) when the file is empty or the header is not <see cref="Columns"/>.</summary>
    private static bool ReadHeader(CsvRecordReader records, List<CsvRowError> errors)
    {
        if (!records.Read())
        {
            errors.Add(new(1, "header", "Tệp trống: dòng đầu phải là tiêu đề " + string.Join(",", Columns) + ".",
                "The file is empty: the first line must be the header " + string.Join(",", Columns) + "."));
            return false;
        }

        var header = records.Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (!header.SequenceEqual(Columns))
        {
            errors.Add(new(1, "header", "Dòng tiêu đề phải là: " + string.Join(",", Columns) + ".",
                "The header line must be: " + string.Join(",", Columns) + "."));
            return false;
        }

        return true;
    }

    /// <summary>The error when the same commune with the same effective date is already on an earlier line (else records this line).</summary>
    private static CsvRowError? DuplicateError(CommuneVersion version, int line, IReadOnlyList<string> fields, Dictionary<(string, DateOnly), int> seen)
    {
        var key = (version.ProvinceCode + "|" + version.CommuneCode, version.EffectiveFrom);
        if (seen.TryAdd(key, line))
        {
            return null;
        }

        var first = seen[key];
        var dateText = fields[5].Trim();
        return new(line, "commune_code", $"Xã {version.CommuneCode} với ngày hiệu lực {dateText} đã có ở dòng {first}.",
            $"Commune {version.CommuneCode} with effective date {dateText} is already on line {first}.");
    }

    private static CsvRowError? RowShapeError(int line, IReadOnlyList<string> fields) =>
        fields.Count != Columns.Count
            ? new(line, "row", $"Dòng có {fields.Count} cột, cần đúng {Columns.Count} cột.", $"The line has {fields.Count} columns; exactly {Columns.Count} are needed.")
            : fields.Any(VietnameseText.HasForbiddenCharacters)
                ? new(line, "row", "Dòng chứa ký tự không được phép.", "The line contains characters that are not allowed.")
                : null;

    /// <summary>One commune line's cells, each checked (errors added); the version is meaningful only when none was added.</summary>
    private static CommuneVersion ReadRow(int line, IReadOnlyList<string> fields, List<CsvRowError> errors)
    {
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

        return new CommuneVersion(province?.Code ?? provinceCode, communeCode, communeName, oldNames, EffectiveFrom(line, fields[5].Trim(), errors));
    }

    private static DateOnly EffectiveFrom(int line, string dateText, List<CsvRowError> errors)
    {
        if (DateOnly.TryParseExact(dateText, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var effectiveFrom)
            && effectiveFrom.Year is >= 1945 and <= 2100)
        {
            return effectiveFrom;
        }

        errors.Add(new(line, "effective_from", $"Ngày hiệu lực \"{Short(dateText)}\" không hợp lệ (yyyy-MM-dd, ví dụ 2025-07-01).",
            $"The effective date \"{Short(dateText)}\" is not valid (yyyy-MM-dd, for example 2025-07-01)."));
        return default;
    }

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
