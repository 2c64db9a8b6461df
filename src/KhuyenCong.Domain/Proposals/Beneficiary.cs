using System.Text.Json;
using System.Text.Json.Serialization;

namespace KhuyenCong.Domain.Proposals;

/// <summary>
/// A beneficiary establishment (đơn vị thụ hưởng) of a đề án an implementing unit carries out for several (đề án nhóm):
/// its name, tax code (fitting its entity type), entity type, commune (today's official name) and the commune's code.
/// </summary>
public sealed record Beneficiary(string Name, string TaxCode, string EntityType, string Commune, string? CommuneCode = null);

/// <summary>The JSON form of a beneficiary list (the <c>beneficiaries</c> field and the stored record).</summary>
public static class BeneficiaryJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(IEnumerable<Beneficiary> beneficiaries) => JsonSerializer.Serialize(beneficiaries.ToList(), Json);

    /// <summary>A stored list (as <see cref="ToJson"/> wrote it); empty for null or empty text.</summary>
    public static IReadOnlyList<Beneficiary> FromStored(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<Beneficiary>>(json, Json) ?? [];
}
