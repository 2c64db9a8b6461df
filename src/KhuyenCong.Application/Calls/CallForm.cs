using KhuyenCong.Application.Common;

namespace KhuyenCong.Application.Calls;

/// <summary>
/// A call as an officer sent it (<c>POST /api/calls</c>, <c>PUT /api/calls/{id}</c>, or the staff page's form), before
/// any rule: <see cref="CallRules"/> checks it.
/// </summary>
/// <param name="PlanYear">The plan year (năm kế hoạch) the proposals are for.</param>
/// <param name="FundingSource">"national" or "local".</param>
/// <param name="Title">The call's title.</param>
/// <param name="OpensOn">The first day proposals are received (yyyy-MM-dd, Vietnam).</param>
/// <param name="ClosesOn">The last day proposals are received (yyyy-MM-dd, Vietnam).</param>
/// <param name="Kinds">The kind codes the call accepts; none: every kind.</param>
/// <param name="RequiredDocuments">The documents the call requires, per kind code.</param>
/// <param name="Description">What the call is about, for applicants (several lines).</param>
public sealed record CallForm(
    FieldInput PlanYear,
    FieldInput FundingSource,
    FieldInput Title,
    FieldInput OpensOn,
    FieldInput ClosesOn,
    ListInput Kinds,
    DocumentsInput RequiredDocuments,
    FieldInput Description);

/// <summary>
/// The documents a call requires per kind, as sent: a JSON object of kind code → list of documents, or the staff form's
/// lines "kind code: document; document" (<see cref="FromLines"/>). Documents are free texts for now (issue 14 names
/// them per kind: the call only overrides).
/// </summary>
/// <param name="ByKind">The documents by kind code as sent (codes not yet checked).</param>
/// <param name="WrongType">True when the field was not an object of lists of texts.</param>
/// <param name="MalformedLine">The first line of the form's text that is not "code: documents", or null.</param>
public sealed record DocumentsInput(IReadOnlyDictionary<string, IReadOnlyList<string>> ByKind, bool WrongType = false, string? MalformedLine = null)
{
    public static DocumentsInput Absent { get; } = new(new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal));

    public static DocumentsInput Wrong { get; } = new(new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal), WrongType: true);

    /// <summary>Reads the staff form's text: one kind a line, "training: Giấy đăng ký kinh doanh; Dự toán kinh phí".</summary>
    public static DocumentsInput FromLines(string? text)
    {
        var byKind = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var line in (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return new DocumentsInput(byKind, MalformedLine: line);
            }

            var kind = line[..colon].Trim();
            var documents = line[(colon + 1)..].Split(';').Select(d => d.Trim()).Where(d => d.Length > 0);
            byKind[kind] = [.. byKind.GetValueOrDefault(kind) ?? [], .. documents];
        }

        return new DocumentsInput(byKind);
    }

    /// <summary>The form's text for <paramref name="byKind"/> (what <see cref="FromLines"/> reads back).</summary>
    public static string ToLines(IReadOnlyDictionary<string, IReadOnlyList<string>> byKind)
    {
        ArgumentNullException.ThrowIfNull(byKind);
        return string.Join("\n", byKind.Select(k => k.Key + ": " + string.Join("; ", k.Value)));
    }
}
