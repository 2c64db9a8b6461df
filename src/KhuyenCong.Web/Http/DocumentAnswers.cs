using KhuyenCong.Application.Documents;
using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Http;

/// <summary>What the document routes answer alike: the 404 for an unknown kind and a document's JSON record.</summary>
internal static class DocumentAnswers
{
    /// <summary>The declared types a raw scan may come as (its content decides what it is).</summary>
    public static readonly string[] ScanMediaTypes = ["application/pdf", "image/jpeg", "image/png", "application/octet-stream"];

    /// <summary>A scan refused for its content is a 415 naming <c>file</c>.</summary>
    public static readonly ProblemWording NotAScan = new(InvalidDetail: SignedScanUpload.NotAScan, InvalidStatus: StatusCodes.Status415UnsupportedMediaType);

    /// <summary>404 naming <c>kind</c>, with the kinds there are.</summary>
    public static IActionResult UnknownKind(DocumentCatalog catalog, Language language)
    {
        var kinds = string.Join(", ", catalog.All.Select(k => k.Info.Code));
        var message = new Bilingual($"Không có loại văn bản này. Các loại văn bản: {kinds}.", $"No such kind of document. The kinds are: {kinds}.");
        return Problems.Field(StatusCodes.Status404NotFound, "kind", message.In(language), language);
    }

    /// <summary>The URL of a document's file (its signed scan's ends in <c>/signed</c>).</summary>
    public static string FileUrl(GeneratedDocument document) =>
        $"{DocumentSubjects.Route(document.SubjectKey)}/documents/{document.Id}/file";

    public static object Json(GeneratedDocument d, DocumentCatalog catalog)
    {
        var kind = catalog.Find(d.Kind)?.Info;
        var basePath = $"{DocumentSubjects.Route(d.SubjectKey)}/documents/{d.Id}";
        return new
        {
            id = d.Id,
            kind = d.Kind,
            name = kind?.Vietnamese,
            nameEn = kind?.English,
            number = d.Number,
            date = d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            fileName = d.FileName,
            contentType = ProposalDocuments.DocxContentType,
            size = d.Size,
            sha256 = d.Sha256,
            generatedBy = d.GeneratedBy,
            generatedAt = d.GeneratedAt,
            templateSource = d.TemplateSource,
            url = FileUrl(d),
            signed = d.Signed is { } s
                ? new { fileName = s.FileName, contentType = s.ContentType, size = s.Size, sha256 = s.Sha256, uploadedBy = s.UploadedBy, uploadedAt = s.UploadedAt, url = basePath + "/signed" }
                : null,
        };
    }
}
