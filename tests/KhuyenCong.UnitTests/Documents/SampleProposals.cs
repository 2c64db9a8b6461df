using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.UnitTests.Documents;

/// <summary>A proposal as submitted online, with Vietnamese names in decomposed and composed forms avoided: all NFC.</summary>
internal static class SampleProposals
{
    public static Proposal Online(string organization = "Hộ kinh doanh Nguyễn Thị Ánh Tuyết") => new()
    {
        Id = "p-" + Guid.NewGuid().ToString("N"),
        TrackingCode = "KC-7H3Q-MX9P-2VBA-WD4R-TK",
        Status = ProposalStatus.Screening,
        SubmittedAt = new DateTimeOffset(2026, 3, 5, 3, 15, 0, TimeSpan.Zero),
        Channel = SubmissionChannel.Online,
        EnteredBy = "applicant",
        Submission = new ProposalSubmission
        {
            OrganizationName = organization,
            TaxCode = "0101234567",
            Representative = "Nguyễn Thị Ánh Tuyết",
            Email = "anh.tuyet@example.vn",
            Phone = "0912345678",
            Address = "Thôn Đông Tảo",
            Commune = "Xã Khoái Châu",
            Province = "hung-yen",
            Kind = ProposalKind.Machinery,
            Sector = "Chế biến thực phẩm",
            FundingSource = FundingSource.Local,
            Title = "Ứng dụng máy sấy bánh đa nem",
            Summary = "Đầu tư máy sấy\nđào tạo công nhân",
            TotalCost = 1_234_567_000,
            RequestedSupport = 600_000_000,
            OwnContribution = 634_567_000,
            StartDate = new DateOnly(2026, 5, 1),
            EndDate = new DateOnly(2026, 12, 31),
        },
        Attachments =
        [
            new AttachmentInfo("a1", "don-de-nghi.pdf", "application/pdf", 700_000, "00", new DateTimeOffset(2026, 3, 5, 3, 15, 0, TimeSpan.Zero)),
            new AttachmentInfo("a2", "du-toan.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 40_000, "01", new DateTimeOffset(2026, 3, 5, 3, 15, 0, TimeSpan.Zero)),
            new AttachmentInfo("a3", "bao-gia.pdf", "application/pdf", 558_291, "02", new DateTimeOffset(2026, 3, 5, 3, 15, 0, TimeSpan.Zero)),
            new AttachmentInfo("a4", "anh-xuong.jpg", "image/jpeg", 90_000, "03", new DateTimeOffset(2026, 9, 5, 3, 15, 0, TimeSpan.Zero), AttachmentPurposes.Progress),
        ],
    };
}
