namespace KhuyenCong.Domain.Proposals;

/// <summary>
/// A proposal exactly as the user typed it: every value a string, possibly null, blank, badly formatted or too long.
/// Fill it from form fields (<see cref="FromFields(Func{string, string?})"/>) or from JSON (camelCase property names,
/// string values), then give it to <see cref="ProposalValidator.Validate(ProposalForm, Text.Language)"/>.
/// </summary>
public sealed record ProposalForm
{
    public string? OrganizationName { get; init; }
    public string? TaxCode { get; init; }
    public string? Representative { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Address { get; init; }
    public string? Commune { get; init; }
    public string? Province { get; init; }
    public string? Kind { get; init; }
    public string? Sector { get; init; }
    public string? FundingSource { get; init; }
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public string? TotalCost { get; init; }
    public string? RequestedSupport { get; init; }
    public string? OwnContribution { get; init; }
    public string? StartDate { get; init; }
    public string? EndDate { get; init; }
    public string? ExpectedJobs { get; init; }
    public string? ExpectedTrainees { get; init; }
    public string? EntityType { get; init; }
    public string? Activity { get; init; }
    public string? SectorCode { get; init; }

    /// <summary>Priority codes separated by commas or semicolons, or a JSON array of codes.</summary>
    public string? Priorities { get; init; }

    /// <summary>A JSON array of beneficiaries: <c>[{"name","taxCode","entityType","commune"}]</c>.</summary>
    public string? Beneficiaries { get; init; }
    public string? RoundLevel { get; init; }

    /// <summary>The call chosen (<see cref="ProposalFields.CallId"/>): checked by the intake against the calls, not by the validator.</summary>
    public string? CallId { get; init; }

    /// <summary>An officer's reason for a late entry (<see cref="ProposalFields.LateReason"/>): checked by the intake.</summary>
    public string? LateReason { get; init; }

    /// <summary>Builds a form from a lookup by camelCase field name (<see cref="ProposalFields"/>), e.g. <c>name => request.Form[name]</c>.</summary>
    public static ProposalForm FromFields(Func<string, string?> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new ProposalForm
        {
            OrganizationName = field(ProposalFields.OrganizationName),
            TaxCode = field(ProposalFields.TaxCode),
            Representative = field(ProposalFields.Representative),
            Email = field(ProposalFields.Email),
            Phone = field(ProposalFields.Phone),
            Address = field(ProposalFields.Address),
            Commune = field(ProposalFields.Commune),
            Province = field(ProposalFields.Province),
            Kind = field(ProposalFields.Kind),
            Sector = field(ProposalFields.Sector),
            FundingSource = field(ProposalFields.FundingSource),
            Title = field(ProposalFields.Title),
            Summary = field(ProposalFields.Summary),
            TotalCost = field(ProposalFields.TotalCost),
            RequestedSupport = field(ProposalFields.RequestedSupport),
            OwnContribution = field(ProposalFields.OwnContribution),
            StartDate = field(ProposalFields.StartDate),
            EndDate = field(ProposalFields.EndDate),
            ExpectedJobs = field(ProposalFields.ExpectedJobs),
            ExpectedTrainees = field(ProposalFields.ExpectedTrainees),
            EntityType = field(ProposalFields.EntityType),
            Activity = field(ProposalFields.Activity),
            SectorCode = field(ProposalFields.SectorCode),
            Priorities = field(ProposalFields.Priorities),
            Beneficiaries = field(ProposalFields.Beneficiaries),
            RoundLevel = field(ProposalFields.RoundLevel),
            CallId = field(ProposalFields.CallId),
            LateReason = field(ProposalFields.LateReason),
        };
    }

    /// <summary>The value of a field by its camelCase name; unknown names throw.</summary>
    public string? Get(string field) => field switch
    {
        ProposalFields.OrganizationName => OrganizationName,
        ProposalFields.TaxCode => TaxCode,
        ProposalFields.Representative => Representative,
        ProposalFields.Email => Email,
        ProposalFields.Phone => Phone,
        ProposalFields.Address => Address,
        ProposalFields.Commune => Commune,
        ProposalFields.Province => Province,
        ProposalFields.Kind => Kind,
        ProposalFields.Sector => Sector,
        ProposalFields.FundingSource => FundingSource,
        ProposalFields.Title => Title,
        ProposalFields.Summary => Summary,
        ProposalFields.TotalCost => TotalCost,
        ProposalFields.RequestedSupport => RequestedSupport,
        ProposalFields.OwnContribution => OwnContribution,
        ProposalFields.StartDate => StartDate,
        ProposalFields.EndDate => EndDate,
        ProposalFields.ExpectedJobs => ExpectedJobs,
        ProposalFields.ExpectedTrainees => ExpectedTrainees,
        ProposalFields.EntityType => EntityType,
        ProposalFields.Activity => Activity,
        ProposalFields.SectorCode => SectorCode,
        ProposalFields.Priorities => Priorities,
        ProposalFields.Beneficiaries => Beneficiaries,
        ProposalFields.RoundLevel => RoundLevel,
        ProposalFields.CallId => CallId,
        ProposalFields.LateReason => LateReason,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown proposal field."),
    };

    /// <summary>Every field by camelCase name, in form order (to show the typed values again next to errors).</summary>
    public IReadOnlyDictionary<string, string?> ToFields() =>
        ProposalFields.All.ToDictionary(name => name, Get, StringComparer.Ordinal);
}
