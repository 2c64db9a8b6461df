using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;

namespace KhuyenCong.Web.Requests;

/// <summary>
/// Reads the query filters of the staff list (<see cref="ProposalFilters"/>: <c>status</c>, <c>kind</c>,
/// <c>fundingSource</c>, the search <c>q</c>, whole numbers in a range); a wrong value adds a message, in the request's
/// language, to <see cref="Errors"/> under the parameter's name.
/// </summary>
internal sealed class ProposalFilterReader(HttpRequest request, Language language)
{
    private readonly BilingualErrors errors = new();

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors => errors.In(language);

    public int? Number(string name, int min, int max, string vi, string english) =>
        ProposalFilters.Number(name, request.Query[name], min, max, new Bilingual(vi, english), errors);

    public Domain.Proposals.ProposalStatus? Status() => ProposalFilters.Status(request.Query["status"], errors);

    public Domain.Activities.ProposalKind? Kind() => ProposalFilters.Kind(request.Query["kind"], errors);

    public Domain.Proposals.FundingSource? FundingSource() => ProposalFilters.FundingSource(request.Query["fundingSource"], errors);

    /// <summary>The value of <paramref name="name"/> when it is one of <paramref name="codes"/>; null when absent (or wrong, with its message).</summary>
    public string? Choice(string name, IReadOnlyList<string> codes, string vi, string english)
    {
        var value = request.Query[name].ToString().Trim();
        if (value.Length > 0 && !codes.Contains(value, StringComparer.Ordinal))
        {
            errors.Add(name, new Bilingual(vi, english));
        }

        return codes.Contains(value, StringComparer.Ordinal) ? value : null;
    }

    /// <summary>The folded words of <c>q</c> (all must occur in a proposal's search text).</summary>
    public IReadOnlyList<string> Terms() => ProposalFilters.Terms(request.Query["q"], errors);
}
