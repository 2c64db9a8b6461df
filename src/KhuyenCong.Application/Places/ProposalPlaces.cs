using System.Globalization;
using KhuyenCong.Application.Geography;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Reference;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Places;

/// <summary>
/// Places a proposal's commune (and its beneficiaries') in the official list of today's communes of its province: a
/// name matches without diacritics, with or without its kind ("Mỹ Hào", "Phường Mỹ Hào" and "phuong my hao" are one),
/// by its code, or by the name of a unit it replaced; it is recorded by today's official name and code. A province
/// without a loaded list keeps the commune as typed (no code).
/// </summary>
public sealed class ProposalPlaces(GeographyService geography)
{
    /// <summary>
    /// A new submission's places: the commune and every beneficiary's commune must be in the province's list when it is
    /// loaded (errors name <c>commune</c> or <c>beneficiaries</c>); returns the submission with official names and codes.
    /// </summary>
    public async Task<(ProposalSubmission? Submission, IReadOnlyDictionary<string, IReadOnlyList<string>> Errors)> PlaceAsync(
        ProposalSubmission submission, Language language, CancellationToken cancellationToken)
    {
        var (placed, errors) = await PlaceAsync(submission, cancellationToken);
        return (placed, errors.In(language));
    }

    /// <summary>As <see cref="PlaceAsync(ProposalSubmission, Language, CancellationToken)"/>, with the errors in both languages.</summary>
    public async Task<(ProposalSubmission? Submission, BilingualErrors Errors)> PlaceAsync(ProposalSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var errors = new BilingualErrors();
        var directory = await geography.DirectoryAsync(submission.Province, cancellationToken);
        if (directory.Current.Count == 0)
        {
            return (submission, errors);
        }

        var province = ProvinceCatalog.FindCurrent(submission.Province);
        var commune = directory.Resolve(submission.Commune);
        if (commune is null)
        {
            errors.Add(ProposalFields.Commune, NotInList(submission.Commune, province));
        }

        var beneficiaries = PlaceBeneficiaries(submission, directory, province, errors);
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        return (submission with
        {
            Commune = commune!.CommuneName,
            CommuneCode = commune.CommuneCode,
            CommuneAsSubmitted = SameText(commune.CommuneName, submission.Commune) ? submission.CommuneAsSubmitted : submission.Commune,
            Beneficiaries = new ValueList<Beneficiary>(beneficiaries),
        }, errors);
    }

    /// <summary>The beneficiaries with their communes' official names and codes; the first one not in the list is an error.</summary>
    private static List<Beneficiary> PlaceBeneficiaries(ProposalSubmission submission, CommuneDirectory directory, Province? province, BilingualErrors errors)
    {
        var beneficiaries = new List<Beneficiary>();
        for (var i = 0; i < submission.Beneficiaries.Count && !errors.Contains(ProposalFields.Beneficiaries); i++)
        {
            var b = submission.Beneficiaries[i];
            if (directory.Resolve(b.Commune) is { } found)
            {
                beneficiaries.Add(b with { Commune = found.CommuneName, CommuneCode = found.CommuneCode });
            }
            else
            {
                var number = (i + 1).ToString(CultureInfo.InvariantCulture);
                var notInList = NotInList(b.Commune, province);
                errors.Add(ProposalFields.Beneficiaries, new Bilingual(
                    $"Cơ sở thụ hưởng thứ {number}: {notInList.Vietnamese}", $"Beneficiary {number}: {notInList.English}"));
            }
        }

        return beneficiaries;
    }

    /// <summary>
    /// A historical đề án's places (an import, the migration): the commune keeps the name it was submitted under; its
    /// code is filled in when the name (or a given code) places it without doubt. A given code must be in the list:
    /// false when it is not (then the row is refused).
    /// </summary>
    public async Task<(ProposalSubmission Submission, bool CodeKnown)> PlaceHistoricalAsync(ProposalSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var directory = await geography.DirectoryAsync(submission.Province, cancellationToken);
        if (directory.Current.Count == 0)
        {
            return (submission, true);
        }

        if (submission.CommuneCode is { } code)
        {
            return (submission, directory.Current.Any(c => string.Equals(c.CommuneCode, code, StringComparison.Ordinal)));
        }

        var found = directory.Resolve(submission.Commune);
        var beneficiaries = submission.Beneficiaries
            .Select(b => b.CommuneCode is null && directory.Resolve(b.Commune) is { } place ? b with { CommuneCode = place.CommuneCode } : b)
            .ToList();
        return (submission with { CommuneCode = found?.CommuneCode, Beneficiaries = new ValueList<Beneficiary>(beneficiaries) }, true);
    }

    private static bool SameText(string a, string b) => string.Equals(VietnameseText.Normalize(a), VietnameseText.Normalize(b), StringComparison.Ordinal);

    private static Bilingual NotInList(string commune, Province? province) => new(
        $"\"{commune}\" không phải xã, phường, đặc khu hiện nay của {(province is null ? "tỉnh, thành phố đã chọn" : char.ToLowerInvariant(province.FullName[0]) + province.FullName[1..])}: vui lòng chọn trong danh sách chính thức.",
        $"\"{commune}\" is not a commune, ward or special zone of {province?.EnglishName ?? "this province"} today: choose one from the official list (GET /api/geography/communes).");
}
