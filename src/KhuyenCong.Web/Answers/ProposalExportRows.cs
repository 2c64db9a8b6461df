using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Requests;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// The staff list as a report to print or send (<see cref="ExportVariant.Report"/>): Vietnamese column names and labels,
/// dates and amounts formatted by <see cref="SpreadsheetExport"/>. The machine-readable export of the same filters is
/// the exchange file of <c>GET /api/proposals/export</c> (docs/import.md).
/// </summary>
public static class ProposalExportRows
{
    /// <summary>The report's column names.</summary>
    public static IReadOnlyList<string> Header { get; } =
        ["Mã theo dõi", "Tên đề án", "Cơ sở", "Tình trạng", "Nội dung hỗ trợ", "Nguồn kinh phí", "Tỉnh, thành phố", "Ngày nộp", "Kinh phí đề nghị hỗ trợ (đồng)"];

    /// <summary>One proposal's row.</summary>
    public static object?[] Row(ProposalSummary p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var vi = Language.Vietnamese;
        var province = ProvinceCatalog.Current.FirstOrDefault(c => c.Code == p.Province)?.Name ?? p.Province;
        return [p.TrackingCode, p.Title, p.OrganizationName, ProposalStatusLabels.Label(p.Status, vi), p.Kind.DisplayName(vi), p.FundingSource.DisplayName(vi),
            province, p.SubmittedAt, p.RequestedSupport];
    }

    /// <summary>The list's row of a stored proposal.</summary>
    public static ProposalSummary Summary(Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var s = proposal.Submission;
        return new ProposalSummary(proposal.Id, proposal.TrackingCode, s.Title, s.OrganizationName, proposal.Status, s.Kind, s.FundingSource, s.Province,
            proposal.SubmittedAt, s.RequestedSupport, string.Empty);
    }
}
