using KhuyenCong.Application.Proposals;
using Microsoft.AspNetCore.Http;
using KhuyenCong.Web.Http;

namespace KhuyenCong.Web.Requests;

/// <summary>The marks that say which document of the dossier each file of a multipart submission is.</summary>
internal static class AttachmentDocumentMarks
{
    /// <summary>
    /// Which document each file is: the values of <c>attachmentDocuments</c>, one per file in the same order (empty for a
    /// file that is none of them). Sent with a different count, the request is refused naming the field.
    /// </summary>
    public static List<IncomingAttachment> Apply(List<IncomingAttachment> files, Dictionary<string, List<string>> fields, bool en)
    {
        if (!fields.TryGetValue(Domain.Documents.DossierDocuments.AttachmentField, out var marks))
        {
            return files;
        }

        if (marks.Count != files.Count)
        {
            throw new RequestRejectedException(StatusCodes.Status400BadRequest, Domain.Documents.DossierDocuments.AttachmentField, en
                ? "Give one attachmentDocuments value per attached file, in the same order (empty for a file that is none of the listed documents)."
                : "Vui lòng ghi loại giấy tờ cho từng tệp đính kèm theo đúng thứ tự (để trống nếu tệp không thuộc danh mục).");
        }

        return files.Select((f, i) => string.IsNullOrWhiteSpace(marks[i]) ? f : f with { Document = marks[i].Trim() }).ToList();
    }
}
