using System.Globalization;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Applicants;
using KhuyenCong.Domain.Reference;
using KhuyenCong.Domain.Sectors;

namespace KhuyenCong.Domain.Proposals;

/// <summary>
/// A valid, normalised proposal as submitted: texts NFC and trimmed, phone as 0xxxxxxxxx, province as a current
/// province code, amounts in VND. Only <see cref="ProposalValidator"/> should build one from user input.
/// </summary>
public sealed record ProposalSubmission
{
    public required string OrganizationName { get; init; }

    /// <summary>10 digits, 10 digits '-' 3 digits (a branch), or 12 digits (a personal identification number), as fits <see cref="EntityType"/>.</summary>
    public required string TaxCode { get; init; }

    public required string Representative { get; init; }

    /// <summary>The address as typed, with the domain part in lower case.</summary>
    public required string Email { get; init; }

    /// <summary>National format, digits only: "0912345678", "02213123456".</summary>
    public required string Phone { get; init; }

    public required string Address { get; init; }

    /// <summary>
    /// Commune, ward or special zone: today's official name when the province's list is loaded (then
    /// <see cref="CommuneCode"/> is set), otherwise the text as submitted (older records keep the name they were submitted under).
    /// </summary>
    public required string Commune { get; init; }

    /// <summary>Code of a current province (<see cref="Geography.ProvinceCatalog.Current"/>), e.g. "hung-yen".</summary>
    public required string Province { get; init; }

    public required ProposalKind Kind { get; init; }
    public required string Sector { get; init; }
    public required FundingSource FundingSource { get; init; }
    public required string Title { get; init; }

    /// <summary>Multi-line text: line breaks kept as "\n".</summary>
    public required string Summary { get; init; }

    /// <summary>VND. Equals <see cref="RequestedSupport"/> + <see cref="OwnContribution"/>.</summary>
    public required long TotalCost { get; init; }

    /// <summary>VND asked from the khuyến công budget, greater than 0 and at most <see cref="TotalCost"/>.</summary>
    public required long RequestedSupport { get; init; }

    /// <summary>VND the establishment puts in itself (đối ứng), 0 or more.</summary>
    public required long OwnContribution { get; init; }

    public required DateOnly StartDate { get; init; }

    /// <summary>Not before <see cref="StartDate"/>.</summary>
    public required DateOnly EndDate { get; init; }

    public int? ExpectedJobs { get; init; }
    public int? ExpectedTrainees { get; init; }

    /// <summary>The applicant's type (data/reference/entity-types.json; ND 45/2012 art. 1 cl. 2 as amended); <see cref="EntityTypes.Unspecified"/> for an old record the migration rule could not place.</summary>
    public string EntityType { get; init; } = EntityTypes.Unspecified;

    /// <summary>The activity code (data/reference/activities.json); null on a record stored before activities, meaning the default activity of <see cref="Kind"/>.</summary>
    public string? Activity { get; init; }

    /// <summary>The official code of the commune (statistics office), or null when the province's list is not loaded or the old name could not be placed.</summary>
    public string? CommuneCode { get; init; }

    /// <summary>The commune as first submitted, when an officer's merge or the migration replaced it by the official name; else null.</summary>
    public string? CommuneAsSubmitted { get; init; }

    /// <summary>The sector's code in the controlled list (data/reference/sectors.json); <see cref="SectorCatalog.Other"/> keeps <see cref="Sector"/>'s text.</summary>
    public string SectorCode { get; init; } = SectorCatalog.Other;

    /// <summary>Priority facts the applicant declared (data/reference/priority-groups.json), for ranking.</summary>
    public ValueList<string> Priorities { get; init; } = ValueList<string>.Empty;

    /// <summary>
    /// The beneficiary establishments of a đề án the applicant (an implementing unit, e.g. the Centre) carries out for
    /// others; empty when the applicant is itself the beneficiary. Distinct by tax code.
    /// </summary>
    public ValueList<Beneficiary> Beneficiaries { get; init; } = ValueList<Beneficiary>.Empty;

    /// <summary>The round's level (commune, district, province, region, national) of a typical-product round; else null.</summary>
    public string? RoundLevel { get; init; }

    /// <summary>The canonical form of this submission: validating it gives back an equal submission.</summary>
    public ProposalForm ToForm() => new()
    {
        OrganizationName = OrganizationName,
        TaxCode = TaxCode,
        Representative = Representative,
        Email = Email,
        Phone = Phone,
        Address = Address,
        Commune = Commune,
        Province = Province,
        Kind = Kind.ToCode(),
        Sector = Sector,
        FundingSource = FundingSource.ToCode(),
        Title = Title,
        Summary = Summary,
        TotalCost = TotalCost.ToString(CultureInfo.InvariantCulture),
        RequestedSupport = RequestedSupport.ToString(CultureInfo.InvariantCulture),
        OwnContribution = OwnContribution.ToString(CultureInfo.InvariantCulture),
        StartDate = StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EndDate = EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ExpectedJobs = ExpectedJobs?.ToString(CultureInfo.InvariantCulture),
        ExpectedTrainees = ExpectedTrainees?.ToString(CultureInfo.InvariantCulture),
        EntityType = EntityType,
        Activity = Activity,
        SectorCode = SectorCode,
        Priorities = Priorities.Count == 0 ? null : string.Join(',', Priorities),
        Beneficiaries = Beneficiaries.Count == 0 ? null : BeneficiaryJson.ToJson(Beneficiaries),
        RoundLevel = RoundLevel,
    };
}
