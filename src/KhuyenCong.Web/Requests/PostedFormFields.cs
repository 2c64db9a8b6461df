using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Web.Requests;

/// <summary>
/// A proposal form from a multipart post's fields: each field's last value, except the two lists the form posts as
/// several values: the priority groups (checkboxes: joined with commas) and the beneficiaries of a đề án nhóm (rows of
/// <see cref="BeneficiaryRows"/>, read into the JSON list the API takes; a <c>beneficiaries</c> field sent as such wins).
/// </summary>
internal static class PostedFormFields
{
    public static ProposalForm Read(Func<string, IReadOnlyList<string>> values) =>
        ProposalForm.FromFields(name => Value(values, name));

    private static string? Value(Func<string, IReadOnlyList<string>> values, string name) => name switch
    {
        ProposalFields.Priorities => values(name) is { Count: > 0 } codes ? string.Join(',', codes) : null,
        ProposalFields.Beneficiaries when values(name) is not { Count: > 0 } => BeneficiaryRows.ToJson(
            values(BeneficiaryRows.NameField), values(BeneficiaryRows.TaxCodeField), values(BeneficiaryRows.EntityTypeField), values(BeneficiaryRows.CommuneField)),
        _ => values(name) is { Count: > 0 } all ? all[^1] : null,
    };
}
