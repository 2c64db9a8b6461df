using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Application.Proposals;

/// <summary>Who is submitting: the establishment itself, or an officer on its behalf.</summary>
public sealed record Submitter(SubmissionChannel Channel, string EnteredBy)
{
    public static readonly Submitter Applicant = new(SubmissionChannel.Online, "applicant");
}
