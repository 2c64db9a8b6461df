using System.Text.Json.Serialization;
using KhuyenCong.Domain.Attachments;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Web.Pages.NewProposal;

/// <summary>Everything the form script reads from <c>#form-rules</c>.</summary>
/// <param name="Language">"vi" or "en": the language of every text here.</param>
/// <param name="Fields">The rules of each field, in form order.</param>
/// <param name="CrossField">Messages of the rules between fields.</param>
/// <param name="Caps">Caps in force on <paramref name="CapsDate"/>.</param>
/// <param name="CapsDate">The day (Vietnam time) the caps were resolved for, yyyy-MM-dd.</param>
/// <param name="CapsUnavailable">True when the caps could not be read (the form still works, without the cap box).</param>
/// <param name="Attachments">Limits on attached files.</param>
/// <param name="Texts">Other texts the script shows.</param>
public sealed record FormRulesModel(
    string Language,
    IReadOnlyList<FieldRuleModel> Fields,
    CrossFieldMessages CrossField,
    IReadOnlyList<CapModel> Caps,
    string CapsDate,
    bool CapsUnavailable,
    AttachmentRulesModel Attachments,
    IReadOnlyDictionary<string, string> Texts);

/// <summary>One field's rule (<see cref="ProposalFieldRule"/>) with its label and messages in the page language.</summary>
public sealed record FieldRuleModel(
    string Name,
    string Kind,
    bool Required,
    int MaxLength,
    string? Pattern,
    string? Min,
    string? Max,
    IReadOnlyList<string>? Choices,
    string Label,
    FieldMessagesModel Messages);

/// <summary>The messages one field can show; null where the check does not apply to the field.</summary>
public sealed record FieldMessagesModel(
    string? Required,
    string? TooLong,
    string? InvalidCharacters,
    string? InvalidFormat,
    string? UnknownChoice,
    string? TooSmall,
    string? TooLarge,
    string? OutOfRange);

/// <summary>Messages of the rules between fields; <see cref="ContributionMismatch"/> holds "{amount}".</summary>
public sealed record CrossFieldMessages(string RequestedExceedsTotal, string ContributionMismatch, string EndBeforeStart);

/// <summary>A cap in force: <c>province</c> null means every province; <c>maxPercent</c> or <c>maxAmount</c> null means no such figure was found.</summary>
public sealed record CapModel(
    string FundingSource,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Province,
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? MaxPercent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? MaxAmount,
    string Basis);

/// <summary>Limits on attachments (<see cref="AttachmentRules"/>).</summary>
public sealed record AttachmentRulesModel(string Field, long MaxFileBytes, long MaxTotalBytes, int MaxFiles, IReadOnlyList<string> AllowedExtensions);
