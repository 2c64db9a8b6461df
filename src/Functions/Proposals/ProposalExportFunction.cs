using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Proposals;

/// <summary>
/// <c>GET /staff/proposals/export?format=csv|xlsx</c> (officer) with the filters and order of the staff list: every
/// matching proposal (all pages) as a report (<see cref="ProposalExportRows"/>). The list's other buttons download the
/// machine-readable exchange file of the same filters (<c>GET /api/proposals/export</c>).
/// </summary>
public sealed class ProposalExportFunction(IProposalRepository proposals, StaffEndpoint staff, TimeProvider time)
{
    [Function(nameof(ExportProposalList))]
    public Task<IActionResult> ExportProposalList(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/proposals/export")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, StaffRoles.Officer, async c =>
        {
            var list = ProposalListRequest.Parse(c.Http, time, c.Language);
            var errors = new Dictionary<string, IReadOnlyList<string>>(list.Errors, StringComparer.Ordinal);
            var export = SpreadsheetExport.Parse(c.Http.Query, c.Language, errors);
            if (errors.Count > 0)
            {
                return Problems.Fields(errors, c.Language);
            }

            var matches = await list.ListAsync(proposals, cancellationToken);
            c.NoStore();
            return await (export with { Variant = ExportVariant.Report }).FileAsync(ProposalExportRows.Header, matches.Select(ProposalExportRows.Row),
                "Đề án", $"de-an-{list.Query.Year}", cancellationToken);
        });
}
