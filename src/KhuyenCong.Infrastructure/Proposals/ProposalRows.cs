using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Applicants;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Reference;
using KhuyenCong.Domain.Sectors;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Infrastructure.Proposals;

/// <summary>
/// How a proposal is written to and read from its record row (docs/storage.md). A record stored before a column
/// existed is read by the documented rule (ADR 0023): an entity type from its tax code and name
/// (<see cref="EntityTypes.Infer"/>), the activity of its kind (<see cref="ActivityCatalog.DefaultFor"/>), the sector
/// group its text names exactly (<see cref="SectorCatalog.Match"/>), no commune code, no priorities, no beneficiaries,
/// no actual results; the migration (<c>POST /api/admin/migrations/reference-data</c>) writes those values down.
/// </summary>
internal static class ProposalRows
{
    public const string RecordKey = "record";
    public const string AttachmentPrefix = "attachment-";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void WriteSubmission(TableEntity row, ProposalSubmission s)
    {
        row["OrganizationName"] = s.OrganizationName;
        row["TaxCode"] = s.TaxCode;
        row["Representative"] = s.Representative;
        row["Email"] = s.Email;
        row["Phone"] = s.Phone;
        row["Address"] = s.Address;
        row["Commune"] = s.Commune;
        row["Province"] = s.Province;
        row["Kind"] = s.Kind.ToCode();
        row["Sector"] = s.Sector;
        row["FundingSource"] = s.FundingSource.ToCode();
        row["Title"] = s.Title;
        row["Summary"] = s.Summary;
        row["TotalCost"] = s.TotalCost;
        row["RequestedSupport"] = s.RequestedSupport;
        row["OwnContribution"] = s.OwnContribution;
        row["StartDate"] = s.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        row["EndDate"] = s.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Null would leave an earlier value in place under a merge: -1 marks "not given", "" an absent text.
        row["ExpectedJobs"] = s.ExpectedJobs ?? -1;
        row["ExpectedTrainees"] = s.ExpectedTrainees ?? -1;
        row["EntityType"] = s.EntityType;
        row["Activity"] = ProposalActivity.Of(s).Code;
        row["CommuneCode"] = s.CommuneCode ?? string.Empty;
        row["CommuneAsSubmitted"] = s.CommuneAsSubmitted ?? string.Empty;
        row["SectorCode"] = s.SectorCode;
        row["Priorities"] = string.Join(',', s.Priorities);
        row["Beneficiaries"] = s.Beneficiaries.Count == 0 ? string.Empty : BeneficiaryJson.ToJson(s.Beneficiaries);
        row["BeneficiaryCount"] = BeneficiaryCount(s);
        row["RoundLevel"] = s.RoundLevel ?? string.Empty;
        row["RecordVersion"] = Proposal.CurrentRecordVersion;
    }

    /// <summary>The beneficiary establishments the statistics count: the listed ones, or the applicant itself when it is an establishment.</summary>
    public static int BeneficiaryCount(ProposalSubmission s) =>
        s.Beneficiaries.Count > 0 ? s.Beneficiaries.Count
        : EntityTypes.TryParse(s.EntityType, out var type) && type.Role == EntityRole.Implementer ? 0 : 1;

    public static ProposalSubmission ReadSubmission(TableEntity e)
    {
        ProposalKinds.TryParse(e.GetString("Kind"), out var kind);
        FundingSources.TryParse(e.GetString("FundingSource"), out var source);
        var taxCode = e.GetString("TaxCode") ?? string.Empty;
        var organization = e.GetString("OrganizationName") ?? string.Empty;
        var sector = e.GetString("Sector") ?? string.Empty;
        return new ProposalSubmission
        {
            OrganizationName = organization,
            TaxCode = taxCode,
            Representative = e.GetString("Representative") ?? string.Empty,
            Email = e.GetString("Email") ?? string.Empty,
            Phone = e.GetString("Phone") ?? string.Empty,
            Address = e.GetString("Address") ?? string.Empty,
            Commune = e.GetString("Commune") ?? string.Empty,
            Province = e.GetString("Province") ?? string.Empty,
            Kind = kind,
            Sector = sector,
            FundingSource = source,
            Title = e.GetString("Title") ?? string.Empty,
            Summary = e.GetString("Summary") ?? string.Empty,
            TotalCost = e.GetInt64("TotalCost") ?? 0,
            RequestedSupport = e.GetInt64("RequestedSupport") ?? 0,
            OwnContribution = e.GetInt64("OwnContribution") ?? 0,
            StartDate = DateOnly.ParseExact(e.GetString("StartDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            EndDate = DateOnly.ParseExact(e.GetString("EndDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            ExpectedJobs = Count(e, "ExpectedJobs"),
            ExpectedTrainees = Count(e, "ExpectedTrainees"),
            EntityType = Empty(e.GetString("EntityType")) ?? EntityTypes.Infer(taxCode, organization),
            Activity = Empty(e.GetString("Activity")) is { } activity && ActivityCatalog.TryParse(activity, out var a) ? a.Code : ActivityCatalog.DefaultFor(kind).Code,
            CommuneCode = Empty(e.GetString("CommuneCode")),
            CommuneAsSubmitted = Empty(e.GetString("CommuneAsSubmitted")),
            SectorCode = Empty(e.GetString("SectorCode")) ?? SectorCatalog.Match(sector),
            Priorities = new ValueList<string>((e.GetString("Priorities") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)),
            Beneficiaries = new ValueList<Beneficiary>(BeneficiaryJson.FromStored(e.GetString("Beneficiaries"))),
            RoundLevel = Empty(e.GetString("RoundLevel")),
        };
    }

    public static int? Count(TableEntity e, string name) => e.GetInt32(name) is { } value && value >= 0 ? value : null;

    public static void WriteFunding(TableEntity row, ProposalFunding f)
    {
        // Absent values are written as empty/null-like markers so a merge clears what an earlier write set.
        row["ApprovedAmount"] = f.ApprovedAmount ?? -1L;
        row["DecisionNumber"] = f.DecisionNumber ?? string.Empty;
        row["DecisionDate"] = Date(f.DecisionDate);
        row["ContractNumber"] = f.ContractNumber ?? string.Empty;
        row["ContractDate"] = Date(f.ContractDate);
        row["PaidAmount"] = f.PaidAmount;
        row["AcceptedOn"] = Date(f.AcceptedOn);
        row["SettledOn"] = Date(f.SettledOn);
        row["ActualTrainees"] = f.Results?.Trainees ?? -1;
        row["ActualJobs"] = f.Results?.Jobs ?? -1;
        row["ModelsBuilt"] = f.Results?.Models ?? -1;
        row["ProductsCertified"] = f.Results?.ProductsCertified ?? -1;
        row["CarriedToYear"] = f.CarriedToYear ?? -1;
    }

    public static ProposalFunding ReadFunding(TableEntity e)
    {
        var approved = e.GetInt64("ApprovedAmount");
        var results = new ActualResults(Count(e, "ActualTrainees"), Count(e, "ActualJobs"), Count(e, "ModelsBuilt"), Count(e, "ProductsCertified"));
        return new ProposalFunding
        {
            ApprovedAmount = approved is null or < 0 ? null : approved,
            DecisionNumber = Empty(e.GetString("DecisionNumber")),
            DecisionDate = ParseDate(e.GetString("DecisionDate")),
            ContractNumber = Empty(e.GetString("ContractNumber")),
            ContractDate = ParseDate(e.GetString("ContractDate")),
            PaidAmount = e.GetInt64("PaidAmount") ?? 0,
            AcceptedOn = ParseDate(e.GetString("AcceptedOn")),
            SettledOn = ParseDate(e.GetString("SettledOn")),
            Results = results.IsEmpty ? null : results,
            CarriedToYear = e.GetInt32("CarriedToYear") is { } carried and > 0 ? carried : null,
        };
    }

    public static string SearchText(Proposal p) => SearchText(p.Submission, p.TrackingCode);

    public static string SearchText(ProposalSubmission s, string trackingCode) =>
        VietnameseText.Fold($"{s.Title} {s.OrganizationName} {s.TaxCode} {trackingCode} {string.Join(' ', s.Beneficiaries.Select(b => b.Name + " " + b.TaxCode))}").TrimEnd();

    public static TableEntity ToRecord(Proposal p)
    {
        var record = new TableEntity(p.Id, RecordKey)
        {
            ["TrackingCode"] = p.TrackingCode,
            ["Status"] = p.Status.ToCode(),
            ["SubmittedAt"] = p.SubmittedAt,
            ["Year"] = p.Year,
            ["PlanYear"] = p.PlanYear,
            ["AssignedPlanYear"] = p.AssignedPlanYear,
            ["CallId"] = p.CallId ?? string.Empty,
            ["LateReason"] = p.LateReason ?? string.Empty,
            ["Channel"] = p.Channel.ToString(),
            ["EnteredBy"] = p.EnteredBy,
            ["EarlierProposals"] = JsonSerializer.Serialize(p.EarlierProposals, Json),
            ["EarlierProposalCount"] = p.EarlierProposalCount,
            ["SearchText"] = SearchText(p),
            ["ProgrammeId"] = p.ProgrammeId ?? string.Empty,
        };
        WriteSubmission(record, p.Submission);
        WriteFunding(record, p.Funding);
        return record;
    }

    public static Proposal FromRecord(TableEntity e, IReadOnlyList<AttachmentInfo> attachments, IReadOnlyList<StatusChange> history)
    {
        ProposalStatusCodes.TryParse(e.GetString("Status"), out var status);
        return new Proposal
        {
            Id = e.PartitionKey,
            TrackingCode = e.GetString("TrackingCode"),
            Status = status,
            SubmittedAt = e.GetDateTimeOffset("SubmittedAt") ?? default,
            Channel = Enum.TryParse<SubmissionChannel>(e.GetString("Channel"), out var channel) ? channel : SubmissionChannel.Online,
            EnteredBy = e.GetString("EnteredBy"),
            Submission = ReadSubmission(e),
            Attachments = attachments,
            History = history,
            EarlierProposals = JsonSerializer.Deserialize<List<EarlierProposal>>(e.GetString("EarlierProposals") ?? "[]", Json) ?? [],
            EarlierProposalCount = e.GetInt32("EarlierProposalCount") ?? 0,
            Funding = ReadFunding(e),
            ProgrammeId = Empty(e.GetString("ProgrammeId")),
            CallId = Empty(e.GetString("CallId")),
            AssignedPlanYear = e.GetInt32("AssignedPlanYear"),
            LateReason = Empty(e.GetString("LateReason")),
            RecordVersion = e.GetInt32("RecordVersion") ?? 1,
        };
    }

    public static TableEntity ToEntity(string proposalId, AttachmentInfo a) => new(proposalId, AttachmentPrefix + a.Id)
    {
        ["FileName"] = a.FileName,
        ["ContentType"] = a.ContentType,
        ["Size"] = a.Size,
        ["Sha256"] = a.Sha256,
        ["UploadedAt"] = a.UploadedAt,
        ["Purpose"] = a.Purpose,
        ["Document"] = a.Document,
    };

    public static AttachmentInfo ReadAttachment(TableEntity entity) =>
        new(entity.RowKey[AttachmentPrefix.Length..], entity.GetString("FileName"), entity.GetString("ContentType"),
            entity.GetInt64("Size") ?? 0, entity.GetString("Sha256"), entity.GetDateTimeOffset("UploadedAt") ?? default,
            Empty(entity.GetString("Purpose")))
        {
            Document = Empty(entity.GetString("Document")),
        };

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string? Empty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
