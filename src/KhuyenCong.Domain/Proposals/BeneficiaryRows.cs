using System.Text.Json;

namespace KhuyenCong.Domain.Proposals;

/// <summary>One row of the public form's beneficiary table, as typed.</summary>
public sealed record BeneficiaryRow(string Name, string TaxCode, string EntityType, string Commune)
{
    public bool IsBlank => Name.Length == 0 && TaxCode.Length == 0 && EntityType.Length == 0 && Commune.Length == 0;
}

/// <summary>
/// The beneficiaries of a đề án nhóm as the public form posts them: one row per establishment, four fields repeated in
/// the same order (<see cref="NameField"/>, <see cref="TaxCodeField"/>, <see cref="EntityTypeField"/>,
/// <see cref="CommuneField"/>), read into the JSON list the API takes in <see cref="ProposalFields.Beneficiaries"/>
/// (blank rows left out), so the validator checks one shape whichever way it came.
/// </summary>
public static class BeneficiaryRows
{
    public const string NameField = "beneficiaryName";
    public const string TaxCodeField = "beneficiaryTaxCode";
    public const string EntityTypeField = "beneficiaryEntityType";
    public const string CommuneField = "beneficiaryCommune";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The list as the API takes it (a JSON array), or null when every row is blank.</summary>
    public static string? ToJson(IReadOnlyList<string> names, IReadOnlyList<string> taxCodes, IReadOnlyList<string> entityTypes, IReadOnlyList<string> communes)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(taxCodes);
        ArgumentNullException.ThrowIfNull(entityTypes);
        ArgumentNullException.ThrowIfNull(communes);
        var count = new[] { names.Count, taxCodes.Count, entityTypes.Count, communes.Count }.Max();
        static string At(IReadOnlyList<string> values, int i) => i < values.Count ? values[i].Trim() : string.Empty;
        var rows = Enumerable.Range(0, count)
            .Select(i => new BeneficiaryRow(At(names, i), At(taxCodes, i), At(entityTypes, i), At(communes, i)))
            .Where(r => !r.IsBlank)
            .ToList();
        return rows.Count == 0 ? null : JsonSerializer.Serialize(rows, Json);
    }

    /// <summary>The rows of a list as posted (JSON), to show them again; none when it is empty or not a list of rows.</summary>
    public static IReadOnlyList<BeneficiaryRow> FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return document.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
                .Select(e => new BeneficiaryRow(Text(e, "name"), Text(e, "taxCode"), Text(e, "entityType"), Text(e, "commune"))).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;
}
