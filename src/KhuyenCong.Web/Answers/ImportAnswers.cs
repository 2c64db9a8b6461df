using KhuyenCong.Application.Exchange;
using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>The answers of <c>POST /api/import/proposals</c> (docs/import.md): what was stored, or the problem that stored nothing.</summary>
public static class ImportAnswers
{
    /// <summary>
    /// 201 with what was stored, 200 when everything was already imported, 422 with row errors (nothing stored); a
    /// file refused before its rows are checked: 413 over a limit, 422 when malformed, 415 for another kind of file.
    /// </summary>
    public static IActionResult Answer(ImportOutcome outcome, Language language) => outcome switch
    {
        ImportCompleted done => Completed(done, language),
        ImportRejected rejected => Http.Problems.Extended(StatusCodes.Status422UnprocessableEntity, ImportMessages.RowErrorsTitle.In(language), ImportMessages.RowErrorsDetail.In(language),
            new Dictionary<string, object?>
            {
                ["dataRows"] = rejected.DataRows,
                ["errorCount"] = rejected.Errors.Count,
                ["rowErrors"] = rejected.Errors.Select(e => new { row = e.Row, column = e.Column, field = e.Field, message = e.Message }).ToList(),
            }),
        ImportNoFile => Http.Problems.Field(StatusCodes.Status400BadRequest, "file", ImportMessages.NoFile.In(language), language),
        ImportTooLarge tooLarge => Http.Problems.Status(StatusCodes.Status413PayloadTooLarge, ImportMessages.TooLarge(tooLarge.MaxBytes).In(language), language),
        ImportFileRefused refused => Refused(refused.Problem, language),
        ImportConflict conflict => Http.Problems.Status(StatusCodes.Status409Conflict, ImportMessages.Conflict(conflict).In(language), language),
        _ => Http.Problems.Status(StatusCodes.Status415UnsupportedMediaType, SpreadsheetProblemMessages.Accepted.In(language), language),
    };

    private static ObjectResult Completed(ImportCompleted done, Language language)
    {
        var body = new
        {
            format = done.Format == SpreadsheetFormat.Xlsx ? "xlsx" : "csv",
            imported = done.Imported.Count,
            alreadyImported = done.AlreadyImported.Count,
            message = ImportMessages.Summary(done).In(language),
            proposals = done.Imported.Select(p => new { p.Row, p.Id, p.TrackingCode, url = $"/api/proposals/{p.Id}" }),
            alreadyImportedProposals = done.AlreadyImported.Select(p => new { p.Row, p.Id, p.TrackingCode, url = $"/api/proposals/{p.Id}" }),
        };
        return new ObjectResult(body) { StatusCode = done.Imported.Count > 0 ? StatusCodes.Status201Created : StatusCodes.Status200OK };
    }

    /// <summary>
    /// A file refused before its rows were checked: 415 when it is no accepted kind of file, 413 over a limit (rows,
    /// entries, unpacked size, compression ratio, cell length, text), 422 when malformed (damaged, a DTD, columns beyond
    /// the template, a quote never closed). The problem names the field <c>file</c>, says what is wrong and where, and
    /// carries its code (<c>reason</c>).
    /// </summary>
    private static IActionResult Refused(SpreadsheetProblem problem, Language language)
    {
        var status = problem.IsUnsupportedType ? StatusCodes.Status415UnsupportedMediaType
            : problem.IsOverLimit ? StatusCodes.Status413PayloadTooLarge
            : StatusCodes.Status422UnprocessableEntity;
        var message = SpreadsheetProblemMessages.Describe(problem, language);
        return Http.Problems.Extended(status, ImportMessages.RefusedTitle.In(language), message, new Dictionary<string, object?>
        {
            ["reason"] = problem.Code,
            ["errors"] = new Dictionary<string, IReadOnlyList<string>> { ["file"] = [message] },
        });
    }
}
