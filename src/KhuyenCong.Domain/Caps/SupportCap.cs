using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Reference;

namespace KhuyenCong.Domain.Caps;

/// <summary>What a cap's amount is counted per (data/reference/caps-national.json, <c>unit</c>).</summary>
public enum CapUnit
{
    /// <summary>Per đề án.</summary>
    PerProposal,

    /// <summary>Per model ("đồng/mô hình"): one đề án builds one model.</summary>
    PerModel,

    /// <summary>
    /// Per establishment ("đồng/cơ sở"): counted across what the establishment already received under the same cap (same
    /// source, activity and version), and per beneficiary when the Centre carries the đề án out for several.
    /// </summary>
    PerEstablishment,

    /// <summary>Per enterprise set up.</summary>
    PerEnterprise,

    /// <summary>Per fair or event.</summary>
    PerEvent,

    /// <summary>Per person (airfares of study tours).</summary>
    PerPerson,
}

/// <summary>
/// A ceiling on the support for one activity from one funding source, nationwide, in a province or on a former
/// province's territory, for a period. Caps are data (data/reference/caps-*.json, then edited by staff), each with its
/// basis and confidence; never constants in rules.
/// </summary>
/// <param name="FundingSource">National (KCQG) or local (KCĐP) money.</param>
/// <param name="Province">Code of the current province the cap applies in, or null for every province.</param>
/// <param name="Activity">The activity code (<see cref="ActivityCatalog"/>).</param>
/// <param name="EffectiveFrom">First day the cap applies (inclusive).</param>
/// <param name="EffectiveTo">First day the cap no longer applies (exclusive), or null while in force.</param>
/// <param name="MaxPercent">Largest share of the total cost, in percent, or null when no percentage was found.</param>
/// <param name="MaxAmount">Largest support in VND per <see cref="Unit"/>, or null when no amount was found.</param>
/// <param name="Basis">The legal source, cited for users (Vietnamese).</param>
public sealed record SupportCap(
    FundingSource FundingSource,
    string? Province,
    string Activity,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    decimal? MaxPercent,
    long? MaxAmount,
    string Basis)
{
    /// <summary>A cap for a kind's default activity (the shape caps had before activities: "machinery" is the machinery activity).</summary>
    public SupportCap(FundingSource fundingSource, string? province, ProposalKind kind, DateOnly effectiveFrom, DateOnly? effectiveTo, decimal maxPercent, long maxAmount, string basis)
        : this(fundingSource, province, ActivityCatalog.DefaultFor(kind).Code, effectiveFrom, effectiveTo, maxPercent, maxAmount, basis)
    {
    }

    /// <summary>The confidence of a cap an officer entered (PUT /api/caps): its basis is the officer's.</summary>
    public const string Entered = "entered";

    /// <summary>What the amount is counted per.</summary>
    public CapUnit Unit { get; init; } = CapUnit.PerProposal;

    /// <summary>
    /// The former province (code, e.g. "thai-binh") whose territory the cap covers inside <see cref="Province"/>, or null
    /// for the whole province: a former province's resolution keeps applying on its former communes until replaced.
    /// </summary>
    public string? Territory { get; init; }

    /// <summary><c>text</c>, <c>secondary</c>, <c>example</c> (shipped to be replaced: never refuses a submission) or <c>entered</c>.</summary>
    public string Confidence { get; init; } = Entered;

    /// <summary>What is not confirmed about it ("TT 64/2024/TT-BTC's changes not read"), or null.</summary>
    public string? Note { get; init; }

    /// <summary>The activity's group.</summary>
    public ProposalKind Kind => ActivityCatalog.Get(Activity).Kind;

    /// <summary>True for a shipped example (no legal source): checked and shown, never enforced.</summary>
    public bool IsExample => Confidence == Reference.Confidence.Example;

    /// <summary>True when <paramref name="date"/> is on or after <see cref="EffectiveFrom"/> and before <see cref="EffectiveTo"/>.</summary>
    public bool IsEffectiveOn(DateOnly date) => EffectiveFrom <= date && (EffectiveTo is not { } to || date < to);

    /// <summary>The most that may be requested for a total cost (rounded down to the đồng), for one establishment that received nothing yet.</summary>
    public long MaxSupportFor(long totalCost) => MaxSupportFor(totalCost, 0, 1);

    /// <summary>
    /// The most that may be requested: the lower of the percentage of the cost and the amount, where a per-establishment
    /// amount is multiplied by the number of beneficiaries and reduced by what they already received under this cap.
    /// </summary>
    public long MaxSupportFor(long totalCost, long alreadyReceived, int beneficiaries)
    {
        var byPercent = MaxPercent is { } percent ? (long)decimal.Floor(totalCost * percent / 100m) : long.MaxValue;
        var byAmount = AmountLimit(alreadyReceived, beneficiaries) ?? long.MaxValue;
        return Math.Max(0, Math.Min(Math.Min(byPercent, byAmount), totalCost));
    }

    /// <summary>The amount limit for this đề án, or null without an amount.</summary>
    public long? AmountLimit(long alreadyReceived, int beneficiaries)
    {
        if (MaxAmount is not { } amount)
        {
            return null;
        }

        return Unit is CapUnit.PerEstablishment or CapUnit.PerEnterprise
            ? Math.Max(0, amount * Math.Max(1, beneficiaries) - alreadyReceived)
            : amount;
    }
}
