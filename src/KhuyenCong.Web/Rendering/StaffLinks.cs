using System.Text;
using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;

namespace KhuyenCong.Web.Rendering;

/// <summary>
/// Addresses on the staff pages. Every link and form keeps the page's language and, under LocalHost, the function key
/// the page was opened with (<c>?code=</c>), so the next page opens in the same language and signed in the same way:
/// "/staff/proposals/{id}?lang=vi&amp;done=contract&amp;code=…". Not HTML-encoded: the renderer encodes attributes.
/// </summary>
/// <param name="Language">The page's language.</param>
/// <param name="FunctionKey">The function key given in the query, or null.</param>
public sealed record StaffLinks(Language Language, string? FunctionKey)
{
    /// <summary>The query name of LocalHost's function key.</summary>
    public const string FunctionKeyName = "code";

    /// <summary>The links of a page answering <paramref name="request"/> in <paramref name="language"/>.</summary>
    public static StaffLinks From(HttpRequest request, Language language)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = request.Query[FunctionKeyName].ToString();
        return new StaffLinks(language, key.Length > 0 ? key : null);
    }

    /// <summary><paramref name="path"/> with <c>lang</c>, then <paramref name="query"/> in order, then the function key.</summary>
    public string To(string path, params IEnumerable<KeyValuePair<string, string>> query)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(query);
        var address = new StringBuilder(path).Append("?lang=").Append(Language.ToCode());
        foreach (var (name, value) in query)
        {
            address.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        if (FunctionKey is not null)
        {
            address.Append('&').Append(FunctionKeyName).Append('=').Append(Uri.EscapeDataString(FunctionKey));
        }

        return address.ToString();
    }

    /// <summary>The staff page of one proposal.</summary>
    public string Proposal(string id, params IEnumerable<KeyValuePair<string, string>> query) => To("/staff/proposals/" + Uri.EscapeDataString(id), query);

    /// <summary>The API route of an action on a proposal ("screening", "reviewers/{id}/replace"), where its form posts.</summary>
    public string ProposalAction(string id, string action) => To("/api/proposals/" + Uri.EscapeDataString(id) + "/" + action);

    /// <summary>The download of one attachment.</summary>
    public string Attachment(string proposalId, string attachmentId) =>
        To("/api/proposals/" + Uri.EscapeDataString(proposalId) + "/attachments/" + Uri.EscapeDataString(attachmentId));

    /// <summary>The query values a GET form must carry as hidden fields to keep them: <c>lang</c>, and the function key when there is one.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> KeptQuery =>
        FunctionKey is null ? [new("lang", Language.ToCode())] : [new("lang", Language.ToCode()), new(FunctionKeyName, FunctionKey)];

    /// <summary>A query value, for <see cref="To"/>.</summary>
    public static KeyValuePair<string, string> Query(string name, string value) => new(name, value);
}
