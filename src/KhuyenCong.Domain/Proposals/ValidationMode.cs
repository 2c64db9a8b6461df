namespace KhuyenCong.Domain.Proposals;

/// <summary>Whether a form is a new submission or a đề án of the past (an import).</summary>
public enum ValidationMode
{
    Submission,
    Historical,
}
