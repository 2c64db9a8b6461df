using System.Globalization;

namespace KhuyenCong.Domain.Proposals;

/// <summary>
/// A valid, normalised proposal as submitted: texts NFC and trimmed, phone as 0xxxxxxxxx, province as a current
/// province code, amounts in VND. Only <see cref="ProposalValidator"/> should build one from user input.
/// </summary>
public sealed record ProposalSubmission
{
    public required string OrganizationName { get; init; }

    /// <summary>10 digits, or 10 digits, '-' and 3 digits (a branch).</summary>
    public required string TaxCode { get; init; }

    public required string Representative { get; init; }

    /// <summary>The address as typed, with the domain part in lower case.</summary>
    public required string Email { get; init; }

    /// <summary>National format, digits only: "0912345678", "02213123456".</summary>
    public required string Phone { get; init; }

    public required string Address { get; init; }

    /// <summary>Commune, ward or special zone, free text until the official list is loaded.</summary>
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
    };
}
