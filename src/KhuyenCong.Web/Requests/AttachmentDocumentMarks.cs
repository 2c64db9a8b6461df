using KhuyenCong.Application.Attachments;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;

namespace KhuyenCong.Web.Requests;

/// <summary>The marks that say which document of the dossier each file of a multipart submission is.</summary>
internal static class AttachmentDocumentMarks
{
    /// <summary>
    /// Which document each file is: a file sent in its document's part (<c>attachments.{code}</c>) is that document; the
    /// values of <c>attachmentDocuments</c> mark the files sent as <c>attachments</c>, one per file in the same order (empty
    /// for a file that is none of them). Sent with a different count, the request is refused naming the field.
    /// </summary>
    public static List<IncomingAttachment> Apply(List<IncomingAttachment> files, Dictionary<string, List<string>> fields, bool en)
    {
        if (!fields.TryGetValue(Domain.Documents.DossierDocuments.AttachmentField, out var marks))
        {
            return files;
        }

        // Files sent in a part of their document (attachments.{code}) are marked already: the values are for the others.
        var unmarked = files.Where(f => f.Document is null).ToList();
        if (marks.Count != unmarked.Count)
        {
            throw new RequestRejectedException(StatusCodes.Status400BadRequest, Domain.Documents.DossierDocuments.AttachmentField, en
                ? "Give one attachmentDocuments value per attached file, in the same order (empty for a file that is none of the listed documents)."
                : "Vui lòng ghi loại giấy tờ cho từng tệp đính kèm theo đúng thứ tự (để trống nếu tệp không thuộc danh mục).");
        }

        var next = 0;
        return files.Select(f =>
        {
            if (f.Document is not null)
            {
                return f;
            }

            var mark = marks[next++];
            return string.IsNullOrWhiteSpace(mark) ? f : f with { Document = mark.Trim() };
        }).ToList();
    }
}
