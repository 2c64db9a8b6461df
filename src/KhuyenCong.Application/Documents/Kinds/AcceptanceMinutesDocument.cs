using System.Globalization;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Documents.Kinds;

/// <summary>
/// The acceptance minutes (biên bản nghiệm thu): the officer's acceptance (date, comment) and the papers the applicant
/// sent for it (report text and files), with the approval and contract they close. Its facts exist once acceptance is
/// confirmed; dated the acceptance day, numbered in the year's "BB" series. Decree 30/2020 model 1.9 "Biên bản"
/// (docs/legal/document-format.md §3); the parties listed follow the practice noted in cycle-reports-documents.md §4.
/// </summary>
public sealed class AcceptanceMinutesDocument(IProposalRepository proposals, IProposalCaseStore cases) : IDocumentKind
{
    public const string Code = "acceptance-minutes";

    public DocumentKindInfo Info { get; } = new(Code, "BB", "Biên bản nghiệm thu", "Acceptance minutes", "bien-ban-nghiem-thu", IssuerRole.Centre);

    public PlaceholderSet Placeholders { get; } = new(
        ProposalFacts.Proposal("proposal.title")
            .Concat(ProposalFacts.Establishment("establishment.name"))
            .Concat(ProposalFacts.Approval())
            .Concat(ProposalFacts.Contract())
            .Append(new("acceptance.date", true, "Ngày nghiệm thu (dd/MM/yyyy)", "10/11/2026"))
            .Append(new("acceptance.longDate", false, "Ngày nghiệm thu, dạng \"ngày 10 tháng 11 năm 2026\"", "ngày 10 tháng 11 năm 2026"))
            .Append(new("acceptance.comment", false, "Ý kiến của cán bộ khi xác nhận nghiệm thu", "Đạt yêu cầu"))
            .Append(new("acceptance.confirmedBy", false, "Cán bộ xác nhận nghiệm thu", "Lê Thị Hoa"))
            .Append(new("papers.text", false, "Báo cáo kết quả của cơ sở gửi kèm hồ sơ nghiệm thu (nhiều dòng)", "Đã lắp đặt và chạy thử máy.")),
        [
            new("papers", false, "Các tệp hồ sơ nghiệm thu cơ sở đã gửi (mỗi tệp một hàng)",
            [
                new("index", false, "Số thứ tự", "1"),
                new("fileName", true, "Tên tệp", "bien-ban-nghiem-thu.pdf"),
                new("kind", false, "Loại tệp", "Tài liệu PDF"),
                new("size", false, "Dung lượng", "850 KB"),
                new("receivedOn", false, "Ngày nhận (dd/MM/yyyy)", "08/11/2026"),
            ]),
        ]);

    public async Task<DocumentFacts> GatherAsync(string subjectId, CancellationToken cancellationToken)
    {
        var proposal = await proposals.GetAsync(subjectId, cancellationToken);
        if (proposal is null)
        {
            return DocumentRefusal.UnknownProposal;
        }

        var @case = await cases.GetAsync(proposal.Id, cancellationToken);
        var acceptedOn = @case.Acceptance?.AcceptedOn ?? proposal.Funding.AcceptedOn;
        if (acceptedOn is null)
        {
            return DocumentRefusal.Stage(
                "Đề án chưa được nghiệm thu: chưa có xác nhận nghiệm thu để lập biên bản.",
                "The proposal has not been accepted: there is no confirmed acceptance to draw up minutes of.");
        }

        var reports = @case.Reports.Where(r => r.IsAcceptancePapers).ToList();
        var fileIds = reports.SelectMany(r => r.AttachmentIds).ToHashSet(StringComparer.Ordinal);
        var files = proposal.Attachments.Where(a => fileIds.Contains(a.Id)).OrderBy(a => a.UploadedAt).ToList();
        var values = ProposalFacts.ProposalValues(proposal)
            .Merge(ProposalFacts.ApprovalValues(ProposalFacts.ApprovalOf(proposal, @case)))
            .Merge(ProposalFacts.ContractValues(ProposalFacts.ContractOf(proposal, @case)))
            .Set("acceptance.date", OfficialFormat.ShortDate(acceptedOn.Value))
            .Set("acceptance.longDate", OfficialFormat.LongDate(acceptedOn.Value))
            .Set("acceptance.comment", @case.Acceptance?.Comment ?? string.Empty)
            .Set("acceptance.confirmedBy", @case.Acceptance?.By ?? string.Empty)
            .Set("papers.text", string.Join("\n", reports.Select(r => r.Text).Where(t => !string.IsNullOrWhiteSpace(t))))
            .SetRows("papers", files.Select((f, i) => Paper(i + 1, f)).ToList());
        return new DocumentContent(acceptedOn.Value, null, values);
    }

    private static IReadOnlyDictionary<string, string> Paper(int index, AttachmentInfo file) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["index"] = index.ToString(CultureInfo.InvariantCulture),
        ["fileName"] = file.FileName,
        ["kind"] = ProposalFacts.FileKind(file.ContentType),
        ["size"] = OfficialFormat.FileSize(file.Size),
        ["receivedOn"] = OfficialFormat.ShortDate(DateOnly.FromDateTime(file.UploadedAt.ToOffset(VietnamTime.Offset).DateTime)),
    };
}
