using System.Text;
using KhuyenCong.Application.Geography;
using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Programmes;

/// <summary>
/// Geography as reference data: the provinces (fixed by law, in code) are public, so are today's communes of a
/// province (for the proposal form and the dashboard); an administrator loads the communes from the statistics
/// office's file, all or nothing, keeping earlier versions (<see cref="CommuneListImport"/>).
/// </summary>
public sealed class GeographyFunctions(GeographyService geography, CommuneListImport communeImport, StaffEndpoint staff)
{
    /// <summary>The largest commune file accepted (the national list is about 1 MB).</summary>
    public const int MaxFileBytes = 8 * 1024 * 1024;

    private static readonly ProblemWording RowErrors = new(CommuneListImport.FileHasErrors, CommuneListImport.CorrectTheRows, StatusCodes.Status422UnprocessableEntity);

    /// <summary>The file's bytes read as UTF-8, strictly: a byte that is not UTF-8 stops the read.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary><c>GET /api/geography/provinces</c>: the 34 current provinces, each with the former provinces it absorbed.</summary>
    [Function(nameof(ListProvinces))]
    public IActionResult ListProvinces(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/geography/provinces")] HttpRequest request) =>
        new OkObjectResult(GeographyJson.Provinces(RequestLanguage.From(request)));

    /// <summary><c>GET /api/geography/communes?province=hung-yen</c>: today's communes of a province (a code or a name, current or former).</summary>
    [Function(nameof(ListCommunes))]
    public async Task<IActionResult> ListCommunes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/geography/communes")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var language = RequestLanguage.From(request);
        return (await geography.CommunesOfAsync(request.Query["province"], cancellationToken)).Answer(language, found => new OkObjectResult(GeographyJson.Communes(found, language)));
    }

    /// <summary>
    /// <c>POST /api/geography/communes</c> (administrators), body the CSV file (UTF-8): loads every row or none; 422
    /// with the errors by row and column (<c>rows[3].commune_code</c>) when any row is wrong; 415 when it is not UTF-8.
    /// </summary>
    [Function(nameof(ImportCommunes))]
    public Task<IActionResult> ImportCommunes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/geography/communes")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.FileAsync(request, StaffRoles.Admin, new StaffFileRule(MaxFileBytes, ["text/csv", "application/csv", "application/vnd.ms-excel", "application/octet-stream"]),
            (c, file) => ImportAsync(c, file, cancellationToken), cancellationToken);

    private async Task<IActionResult> ImportAsync(StaffRequest c, byte[] file, CancellationToken cancellationToken)
    {
        // The function's token (the host stopping) and the client's (a disconnect) both stop the parse, which reads
        // the bytes as a stream within CommuneCsv.Limits: a hostile file stops at the line where it goes beyond them.
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, c.Http.HttpContext.RequestAborted);
        using var text = new StreamReader(new MemoryStream(file, writable: false), StrictUtf8, detectEncodingFromByteOrderMarks: false);
        try
        {
            return (await communeImport.ImportAsync(text, c.Staff.Actor, aborted.Token)).Answer(c.Language, v => new OkObjectResult(GeographyJson.Loaded(v)), RowErrors);
        }
        catch (DecoderFallbackException)
        {
            return Problems.Field(StatusCodes.Status415UnsupportedMediaType, "file", CommuneListImport.NotUtf8.In(c.Language), c.Language);
        }
    }
}
