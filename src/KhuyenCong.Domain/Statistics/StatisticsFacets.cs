namespace KhuyenCong.Domain.Statistics;

/// <summary>
/// The kinds of aggregate cells (ADR 0029). A proposal adds its figures to one <see cref="Main"/> cell, its beneficiary
/// establishments to one <see cref="Beneficiaries"/> cell per entity type and place, and its dated payments to one
/// <see cref="Payments"/> cell per payment day. Only the main cells make the totals; the others answer "beneficiaries by
/// type and place" and "money paid within a period".
/// </summary>
public static class StatisticsFacets
{
    /// <summary>The proposal's own cell (no facet column: the cells written before facets keep their keys).</summary>
    public const string Main = "";

    /// <summary>Beneficiary establishments by entity type and by their own commune; measure <see cref="StatisticsMeasures.Beneficiaries"/>.</summary>
    public const string Beneficiaries = "beneficiaries";

    /// <summary>Payments by the day they were made (Vietnam time); measure <see cref="StatisticsMeasures.Paid"/>; no decision date.</summary>
    public const string Payments = "payments";
}

/// <summary>Beneficiary establishments of one entity type in one place (today's province code and commune as displayed).</summary>
public sealed record BeneficiaryPlace(string EntityType, string Province, string Commune, int Count);

/// <summary>What was paid to a proposal on one day (Vietnam time), from its recorded payments.</summary>
public sealed record DatedPayment(DateOnly Day, long Amount);
