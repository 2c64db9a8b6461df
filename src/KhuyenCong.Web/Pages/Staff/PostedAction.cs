using KhuyenCong.Web.Problems;

namespace KhuyenCong.Web.Pages.Staff;

/// <summary>
/// A staff action form posted without JavaScript and refused (issue 16 item 7): the page shows it again with the values
/// as sent and each message at its field (ADR 0015's shape for the staff page), the others in the form and the summary.
/// </summary>
/// <param name="Action">The action's name as the route gives it ("screening", "contract", "payment", "acceptance", "cancel", …).</param>
/// <param name="Values">The fields as posted (several values for tick-boxes), without the CSRF token.</param>
/// <param name="Problem">The route's problem: its errors by field name, or its detail.</param>
public sealed record PostedAction(string Action, IReadOnlyDictionary<string, IReadOnlyList<string>> Values, ProblemView Problem)
{
    /// <summary>The value sent for <paramref name="field"/> of <paramref name="action"/>'s form, or null (another form, or not sent).</summary>
    public string? Value(string action, string field) =>
        Action == action && Values.TryGetValue(field, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>The values sent for a tick-box group, or null when the form shown is not the one posted.</summary>
    public IReadOnlyCollection<string>? ValuesOf(string action, string field) =>
        Action != action ? null : Values.TryGetValue(field, out var values) ? values : [];

    /// <summary>The messages at <paramref name="field"/> of <paramref name="action"/>'s form.</summary>
    public IReadOnlyList<string>? Errors(string action, string field) => Action == action ? Problem.Errors.GetValueOrDefault(field) : null;

    /// <summary>The message of no field (a conflict, a refusal), shown in <paramref name="action"/>'s form.</summary>
    public string? FormMessage(string action) => Action == action ? Unplaced : null;

    /// <summary>The summary's links, by the id of the control each message belongs to.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> SummaryErrors =>
        Problem.Errors.GroupBy(e => StaffActionFieldIds.Of(Action, e.Key), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.SelectMany(e => e.Value).ToList(), StringComparer.Ordinal);

    /// <summary>The summary's message of no field.</summary>
    public IReadOnlyList<string> SummaryMessages => Unplaced is { } message ? [message] : [];

    private string? Unplaced => Problem.Errors.Count > 0 ? null : Problem.Detail is { Length: > 0 } detail ? detail : Problem.Title;
}

/// <summary>The ids the proposal page's action forms give their controls, by action and field name (the summary links to them).</summary>
public static class StaffActionFieldIds
{
    private static readonly Dictionary<(string, string), string> Ids = new()
    {
        // A choice's first option (ChoiceGroup: {id}-{value}), or its group when the options vary.
        [("screening", "decision")] = "screening-decision-accept",
        [("screening", "documents")] = "field-screening-documents",
        [("screening", "comment")] = "screening-comment",
        [("contract", "contractNumber")] = "contract-number",
        [("contract", "contractDate")] = "contract-date",
        [("contract", "note")] = "contract-note",
        [("contract", "signatory")] = "field-contract-signatory",
        [("decision-number", "decisionNumber")] = "decision-number",
        [("decision-number", "decisionDate")] = "decision-date",
        [("payment", "kind")] = "field-payment-kind",
        [("payment", "amount")] = "payment-amount",
        [("acceptance", "acceptedOn")] = "acceptance-date",
        [("acceptance", "comment")] = "acceptance-comment",
        [("cancel", "reason")] = "cancel-reason",
    };

    /// <summary>The control's id; the acceptance's result fields are <c>acceptance-{field}</c>; otherwise the form's id.</summary>
    public static string Of(string action, string field) =>
        Ids.TryGetValue((action, field), out var id) ? id
        : action == "acceptance" ? "acceptance-" + field
        : "form-" + action;
}
