using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Sectors;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Proposals;

/// <summary>
/// The steps of <see cref="ProposalValidator.Validate(ProposalForm, Language, ValidationMode)"/>: read every field alone,
/// check the cross-field rules on the fields valid alone, and build the submission once nothing is in error.
/// </summary>
public static partial class ProposalValidator
{
    /// <summary>Each field as read alone (null when absent or in error), in the order of the form.</summary>
    private static FormValues ReadFields(Reader r, ProposalForm form, ValidationMode mode)
    {
        var values = new FormValues
        {
            OrganizationName = r.Text(ProposalFields.OrganizationName),
            TaxCode = r.Matching(ProposalFields.TaxCode, TaxCodeRegex()),
            Representative = r.Text(ProposalFields.Representative),
            Email = r.Email(),
            Phone = r.Phone(),
            Address = r.Text(ProposalFields.Address),
            Commune = r.Text(ProposalFields.Commune),
            Province = r.Province(),
            // The kind may be left out when the activity is given: it is then the activity's group.
            Kind = string.IsNullOrWhiteSpace(form.Kind) && !string.IsNullOrWhiteSpace(form.Activity)
                ? null
                : r.Choice<ProposalKind>(ProposalFields.Kind, ProposalKinds.TryParse),
            Sector = r.Text(ProposalFields.Sector),
            FundingSource = r.Choice<FundingSource>(ProposalFields.FundingSource, FundingSources.TryParse),
            Title = r.Text(ProposalFields.Title),
            Summary = r.Text(ProposalFields.Summary),
            TotalCost = r.Amount(ProposalFields.TotalCost),
            RequestedSupport = r.Amount(ProposalFields.RequestedSupport),
            OwnContribution = r.Amount(ProposalFields.OwnContribution),
            StartDate = r.Date(ProposalFields.StartDate),
            EndDate = r.Date(ProposalFields.EndDate),
            ExpectedJobs = r.Count(ProposalFields.ExpectedJobs),
            ExpectedTrainees = r.Count(ProposalFields.ExpectedTrainees),
        };
        var applicant = ReadApplicant(r, r.Language, values.TaxCode, values.Kind, values.FundingSource, mode);
        return values with { Kind = values.Kind ?? applicant.Activity?.Kind, Applicant = applicant };
    }

    /// <summary>The support asked is at most the total cost, and own contribution plus support make the total.</summary>
    private static void CheckAmountsAddUp(Reader r, FormValues values)
    {
        if (values.TotalCost is not { } total || values.RequestedSupport is not { } requested)
        {
            return;
        }

        if (requested > total)
        {
            r.Add(Messages.RequestedExceedsTotal(r.Language));
        }
        else if (values.OwnContribution is { } own && own + requested != total)
        {
            r.Add(Messages.ContributionMismatch(total - requested, r.Language));
        }
    }

    private static void CheckEndNotBeforeStart(Reader r, FormValues values)
    {
        if (values.StartDate is { } start && values.EndDate is { } end && end < start)
        {
            r.Add(Messages.EndBeforeStart(r.Language));
        }
    }

    /// <summary>The errors in the order of <see cref="ProposalFields.All"/>.</summary>
    private static List<FieldError> InFormOrder(IEnumerable<FieldError> errors)
    {
        var order = ProposalFields.All.Select((name, index) => (name, index)).ToDictionary(x => x.name, x => x.index, StringComparer.Ordinal);
        return errors.OrderBy(e => order[e.Field]).ToList();
    }

    /// <summary>The submission, once every field read without error (so every required value is there).</summary>
    private static ProposalSubmission ToSubmission(FormValues values) => new()
    {
        OrganizationName = values.OrganizationName!,
        TaxCode = values.TaxCode!,
        Representative = values.Representative!,
        Email = values.Email!,
        Phone = values.Phone!,
        Address = values.Address!,
        Commune = values.Commune!,
        Province = values.Province!,
        Kind = values.Kind!.Value,
        Sector = values.Sector!,
        FundingSource = values.FundingSource!.Value,
        Title = values.Title!,
        Summary = values.Summary!,
        TotalCost = values.TotalCost!.Value,
        RequestedSupport = values.RequestedSupport!.Value,
        OwnContribution = values.OwnContribution!.Value,
        StartDate = values.StartDate!.Value,
        EndDate = values.EndDate!.Value,
        ExpectedJobs = values.ExpectedJobs,
        ExpectedTrainees = values.ExpectedTrainees,
        EntityType = values.Applicant!.EntityType!.Code,
        Activity = (values.Applicant.Activity ?? ActivityCatalog.DefaultFor(values.Kind!.Value)).Code,
        SectorCode = values.Applicant.SectorCode ?? SectorCatalog.Match(values.Sector),
        Priorities = new Reference.ValueList<string>(values.Applicant.Priorities),
        Beneficiaries = new Reference.ValueList<Beneficiary>(values.Applicant.Beneficiaries),
        RoundLevel = values.Applicant.RoundLevel,
    };

    /// <summary>The typed values of a form's fields, each null when absent or in error.</summary>
    private sealed record FormValues
    {
        public string? OrganizationName { get; init; }
        public string? TaxCode { get; init; }
        public string? Representative { get; init; }
        public string? Email { get; init; }
        public string? Phone { get; init; }
        public string? Address { get; init; }
        public string? Commune { get; init; }
        public string? Province { get; init; }
        public ProposalKind? Kind { get; init; }
        public string? Sector { get; init; }
        public FundingSource? FundingSource { get; init; }
        public string? Title { get; init; }
        public string? Summary { get; init; }
        public long? TotalCost { get; init; }
        public long? RequestedSupport { get; init; }
        public long? OwnContribution { get; init; }
        public DateOnly? StartDate { get; init; }
        public DateOnly? EndDate { get; init; }
        public int? ExpectedJobs { get; init; }
        public int? ExpectedTrainees { get; init; }
        public ApplicantFields? Applicant { get; init; }
    }
}
