using KhuyenCong.Application.Documents;
using KhuyenCong.Web.Components.Documents;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>Where the call's and the council's documents are shown: the page a form is sent back to, and the section's model.</summary>
internal static class CycleDocumentPages
{
    /// <summary>The page of the subject, at its "Văn bản" section: the call's (<c>/staff/calls?edit={id}</c>) or the council's.</summary>
    public static string Page(StaffLinks links, DocumentSubject subject, string id) => subject == DocumentSubject.Council
        ? links.To("/staff/councils/" + Uri.EscapeDataString(id)) + "#" + DocumentsSectionModel.SectionId
        : links.To("/staff/calls", StaffLinks.Query("edit", id)) + "#" + DocumentsSectionModel.SectionId;

    /// <summary>A form posted from the subject's page is sent back to it (<see cref="StaffPages.FormAnswerTo"/>); the API's answers stay as they are.</summary>
    public static IActionResult FormAnswer(HttpRequest request, DocumentSubject subject, string id, IActionResult result)
    {
        var language = RequestLanguage.From(request);
        var page = Page(StaffLinks.From(request, language), subject, id);
        return RequestBody.IsForm(request) ? StaffPages.FormAnswerTo(request, language, page, page, result) : result;
    }
}
