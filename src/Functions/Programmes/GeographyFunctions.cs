using System.Globalization;
using System.Text;
using KhuyenCong.Application.Geography;
using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Programmes;

/// <summary>
/// Geography as reference data: the provinces (fixed by law, in code) are public, so are today's communes of a
/// province (for the proposal form and the dashboard); an administrator loads the communes from the statistics
/// office's file, all or nothing, keeping earlier versions.
/// </summary>
public sealed class GeographyFunctions(GeographyService geography, StaffEndpoint staff)
{
    /// <summary>The largest commune file accepted (the national list is about 1 MB).</summary>
    public const int MaxFileBytes = 8 * 1024 * 1024;

    /// <summary><c>GET /api/geography/provinces</c>: the 34 current provinces, each with the former provinces it absorbed.</summary>
    [Function(nameof(ListProvinces))]
    public IActionResult ListProvinces(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/geography/provinces")] HttpRequest request)
    {
        var language = Web.RequestLanguage.From(request);
        var en = language == Language.English;
        return new OkObjectResult(ProvinceCatalog.Current.Select(p => new
        {
            code = p.Code,
            name = en ? p.EnglishName : p.Name,
            fullName = p.FullName,
            formerProvinces = ProvinceCatalog.FormerPartsOf(p).Select(f => new { code = f.Code, name = en ? f.EnglishName : f.Name }),
        }));
    }

    /// <summary><c>GET /api/geography/communes?province=hung-yen</c>: today's communes of a province (a code or a name, current or former).</summary>
    [Function(nameof(ListCommunes))]
    public async Task<IActionResult> ListCommunes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/geography/communes")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var language = Web.RequestLanguage.From(request);
        if (!ProvinceCatalog.TryResolveCurrent(request.Query["province"].ToString(), out var province))
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "province", language == Language.English
                ? "Name a province (code or name, for example hung-yen)."
                : "Vui lòng chọn tỉnh, thành phố (mã hoặc tên, ví dụ hung-yen).", language);
        }

        var communes = await geography.CurrentCommunesAsync(province.Code, cancellationToken);
        return new OkObjectResult(new
        {
            province = new { code = province.Code, name = language == Language.English ? province.EnglishName : province.Name },
            communes = communes.Select(c => new
            {
                code = c.CommuneCode,
                name = c.CommuneName,
                oldNames = c.OldNames,
                effectiveFrom = c.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }),
        });
    }

    /// <summary>
    /// <c>POST /api/geography/communes</c> (administrators), body the CSV file (UTF-8): loads every row or none; 422
    /// with the errors by row and column (<c>rows[3].commune_code</c>) when any row is wrong.
    /// </summary>
    [Function(nameof(ImportCommunes))]
    public Task<IActionResult> ImportCommunes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/geography/communes")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.FileAsync(request, StaffRoles.Admin, new StaffFileRule(MaxFileBytes, ["text/csv", "application/csv", "application/vnd.ms-excel", "application/octet-stream"]),
            (c, file) => ImportAsync(c, file, cancellationToken), cancellationToken);

    private async Task<IActionResult> ImportAsync(StaffRequest c, byte[] file, CancellationToken cancellationToken)
    {
        var (language, en) = (c.Language, c.En);
        // The function's token (the host stopping) and the client's (a disconnect) both stop the parse. Streamed from the
        // bytes within CommuneCsv.Limits (rows, blank ones included; six columns; a cell's length): a hostile file stops
        // at the line where it goes beyond them.
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, c.Http.HttpContext.RequestAborted);
        IReadOnlyList<CommuneVersion> versions;
        IReadOnlyList<CsvRowError> rowErrors;
        try
        {
            using var buffer = new MemoryStream(file, writable: false);
            using var text = new StreamReader(buffer, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
            (versions, rowErrors) = CommuneCsv.Parse(text, aborted.Token);
        }
        catch (DecoderFallbackException)
        {
            return Problems.Field(StatusCodes.Status415UnsupportedMediaType, "file", en
                ? "The file must be CSV in UTF-8 (save it as \"CSV UTF-8\")."
                : "Tệp phải là CSV mã hóa UTF-8 (lưu dưới dạng \"CSV UTF-8\").", language);
        }

        if (rowErrors.Count > 0)
        {
            var errors = rowErrors
                .GroupBy(e => $"rows[{e.Row.ToString(CultureInfo.InvariantCulture)}].{e.Column}", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(e => e.Message(language)).ToList(), StringComparer.Ordinal);
            return Problems.Errors(StatusCodes.Status422UnprocessableEntity, errors,
                en ? "The commune file has errors: nothing was loaded." : "Tệp danh sách xã có lỗi: chưa nạp dòng nào.",
                en ? "Correct the rows listed in errors (line numbers count the header as line 1) and load the whole file again."
                   : "Vui lòng sửa các dòng được nêu (dòng tiêu đề là dòng 1) rồi nạp lại toàn bộ tệp.");
        }

        await geography.ImportAsync(versions, c.Staff.Actor, cancellationToken);
        return new OkObjectResult(new
        {
            loaded = versions.Count,
            provinces = versions.GroupBy(v => v.ProvinceCode, StringComparer.Ordinal).Select(g => new { code = g.Key, versions = g.Count() }),
        });
    }
}
