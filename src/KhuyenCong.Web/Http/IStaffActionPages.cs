using KhuyenCong.Web.Problems;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Http;

/// <summary>
/// The page a refused staff action form comes back on when posted without JavaScript (issue 16 item 7): the proposal's
/// page (or the cancellation's confirm page) with the values as sent and each message at its field, instead of the
/// problem page. Implemented next to the pages (<c>Answers.StaffProposalPages</c>); <see cref="StaffEndpoint"/> asks it.
/// </summary>
public interface IStaffActionPages
{
    /// <summary>True when <paramref name="action"/>'s form is one the page shows again (the others keep the problem page).</summary>
    bool ShowsAgain(string action);

    /// <summary>The page again with the problem's status, or null when the proposal cannot be shown (the problem page then).</summary>
    Task<IActionResult?> AgainAsync(StaffRequest call, string proposalId, string action, ProblemView problem, CancellationToken cancellationToken);
}
