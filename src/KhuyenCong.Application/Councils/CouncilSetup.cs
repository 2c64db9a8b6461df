using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Councils;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Councils;

/// <summary>A council as an officer sent it (<c>POST /api/councils</c> or the staff page's form), before any rule.</summary>
/// <param name="CallIds">The calls whose proposals it appraises (one or more).</param>
/// <param name="DecisionNumber">The number of the decision that sets it up (quyết định thành lập hội đồng).</param>
/// <param name="DecisionDate">The decision's date (yyyy-MM-dd).</param>
/// <param name="ChairId">The chair (chủ tịch hội đồng), a reviewer of the roster.</param>
/// <param name="SecretaryId">The secretary (thư ký), a reviewer of the roster.</param>
/// <param name="MemberIds">The other members (ủy viên), reviewers of the roster.</param>
/// <param name="Quorum">How many members must be present for the session to conclude, as the decision states.</param>
public sealed record CouncilForm(ListInput CallIds, FieldInput DecisionNumber, FieldInput DecisionDate, FieldInput ChairId, FieldInput SecretaryId,
    ListInput MemberIds, FieldInput Quorum);

/// <summary>
/// Sets up an appraisal council (hội đồng thẩm định) by decision for one or more calls (issue 13 line 2). Its
/// membership, chair, secretary and quorum are entered from the establishing decision, never defaulted: no national
/// text fixing them was found (docs/legal/cycle-reports-documents.md F2.4, "not found"; F1.3: who appraises at the
/// province under TT 36/2013 Đ10 k2 is not found either, so the decision establishing it is recorded). Every member
/// is an active reviewer of the roster, so members score through their emailed review links as before. A call has
/// one council: of two set up at once for the same call, one is stored, the other is a 409 naming the call.
/// </summary>
public sealed class CouncilSetup(ICouncilStore councils, ICallStore calls, IReviewerRoster roster, TimeProvider time)
{
    public const int MaxDecisionNumber = 50;
    public const int MaxMembers = 30;

    public static readonly Bilingual NoSuchCouncil = new("Không có hội đồng thẩm định này.", "No such appraisal council.");

    /// <summary>Every council, the latest decision first.</summary>
    public Task<IReadOnlyList<Council>> ListAsync(CancellationToken cancellationToken) => councils.ListAsync(cancellationToken);

    public async Task<Decision<Council>> GetAsync(string id, CancellationToken cancellationToken) =>
        await councils.GetAsync(id, cancellationToken) is { } council ? Decision<Council>.Done(council) : Decision<Council>.NotFound(NoSuchCouncil);

    public async Task<Decision<Council>> CreateAsync(CouncilForm form, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new BilingualErrors();
        var today = VietnamTime.Today(time);
        var callIds = await CallsAsync(form.CallIds, errors, cancellationToken);
        if (!form.DecisionNumber.TryText(TextMode.SingleLine, MaxDecisionNumber, required: true, out var number))
        {
            errors.Add("decisionNumber", $"Vui lòng nhập số quyết định thành lập hội đồng (tối đa {MaxDecisionNumber} ký tự), ví dụ 125/QĐ-SCT.",
                $"Enter the number of the decision setting up the council (at most {MaxDecisionNumber} characters), such as 125/QĐ-SCT.");
        }

        var date = DecisionDate(form.DecisionDate, today, errors);
        var (chair, secretary, members) = await MembersAsync(form, errors, cancellationToken);
        var quorum = Quorum(form.Quorum, chair is null || secretary is null || members is null ? null : new[] { chair, secretary }.Concat(members).Distinct(StringComparer.Ordinal).Count(), errors);
        if (!errors.IsEmpty)
        {
            return Decision<Council>.Invalid(errors);
        }

        var council = new Council(Guid.CreateVersion7().ToString("N"), callIds!, number!, date!.Value, chair!, secretary!, members!, quorum!.Value, by, time.GetUtcNow());
        if (await councils.CreateAsync(council, cancellationToken))
        {
            return Decision<Council>.Done(council);
        }

        return Decision<Council>.Conflict(await CoveredAsync(callIds!, cancellationToken));
    }

    private async Task<Bilingual> CoveredAsync(IReadOnlyList<string> callIds, CancellationToken cancellationToken)
    {
        foreach (var callId in callIds)
        {
            if (await councils.ForCallAsync(callId, cancellationToken) is { } other)
            {
                var title = (await calls.GetAsync(callId, cancellationToken))?.Title ?? callId;
                return new($"Đợt đăng ký “{title}” đã có hội đồng thẩm định (quyết định số {other.DecisionNumber}): mỗi đợt chỉ có một hội đồng.",
                    $"The call \"{title}\" already has an appraisal council (decision {other.DecisionNumber}): a call has one council.");
            }
        }

        return new("Hội đồng thẩm định này đã được lưu.", "This appraisal council was already stored.");
    }

    private async Task<IReadOnlyList<string>?> CallsAsync(ListInput input, BilingualErrors errors, CancellationToken cancellationToken)
    {
        var ids = input.Items.Distinct(StringComparer.Ordinal).ToList();
        if (input.WrongType || ids.Count == 0)
        {
            errors.Add("callIds", "Vui lòng chọn ít nhất một đợt đăng ký mà hội đồng thẩm định.", "Choose at least one call the council appraises.");
            return null;
        }

        var unknown = new List<string>();
        foreach (var id in ids)
        {
            if (await calls.GetAsync(id, cancellationToken) is null)
            {
                unknown.Add(id);
            }
        }

        if (unknown.Count > 0)
        {
            errors.Add("callIds", $"Không có đợt đăng ký: {string.Join(", ", unknown)}.", $"No such call: {string.Join(", ", unknown)}.");
            return null;
        }

        return ids;
    }

    private static DateOnly? DecisionDate(FieldInput input, DateOnly today, BilingualErrors errors)
    {
        if (!input.TryDate(out var date))
        {
            errors.Add("decisionDate", "Vui lòng nhập ngày ký quyết định (dạng yyyy-MM-dd).", "Enter the decision's date (yyyy-MM-dd).");
            return null;
        }

        if (date > today)
        {
            errors.Add("decisionDate", $"Ngày ký quyết định ({DisplayFormat.Date(date, Language.Vietnamese)}) chưa đến: chỉ ghi nhận quyết định đã ký.",
                $"The decision's date ({DisplayFormat.Date(date, Language.English)}) is in the future: only a signed decision is recorded.");
            return null;
        }

        return date;
    }

    private async Task<(string? Chair, string? Secretary, IReadOnlyList<string>? Members)> MembersAsync(CouncilForm form, BilingualErrors errors,
        CancellationToken cancellationToken)
    {
        var active = (await roster.ListAsync(cancellationToken)).Where(e => e.Reviewer.Active).Select(e => e.Reviewer.Id).ToHashSet(StringComparer.Ordinal);
        var chair = Member(form.ChairId, "chairId", active, errors, new("chủ tịch hội đồng", "the chair"));
        var secretary = Member(form.SecretaryId, "secretaryId", active, errors, new("thư ký hội đồng", "the secretary"));
        if (chair is not null && chair == secretary)
        {
            errors.Add("secretaryId", "Thư ký hội đồng phải là người khác chủ tịch hội đồng.", "The secretary must be someone other than the chair.");
            secretary = null;
        }

        var ids = form.MemberIds.Items.Distinct(StringComparer.Ordinal).Where(id => id != chair && id != secretary).ToList();
        var unknown = ids.Where(id => !active.Contains(id)).ToList();
        if (form.MemberIds.WrongType || unknown.Count > 0 || ids.Count + 2 > MaxMembers)
        {
            errors.Add("memberIds", unknown.Count > 0
                ? new Bilingual($"Không có trong danh sách chuyên gia thẩm định đang hoạt động: {string.Join(", ", unknown)}.",
                    $"Not an active reviewer of the roster: {string.Join(", ", unknown)}.")
                : new Bilingual($"Thành viên hội đồng là danh sách mã chuyên gia, tối đa {MaxMembers} người kể cả chủ tịch và thư ký.",
                    $"The members are a list of reviewer ids, at most {MaxMembers} including the chair and the secretary."));
            return (chair, secretary, null);
        }

        return (chair, secretary, ids);
    }

    private static string? Member(FieldInput input, string field, HashSet<string> active, BilingualErrors errors, Bilingual role)
    {
        if (!input.TryText(TextMode.SingleLine, 64, required: true, out var id))
        {
            errors.Add(field, $"Vui lòng chọn {role.Vietnamese} trong danh sách chuyên gia thẩm định.", $"Choose {role.English} from the reviewer roster.");
            return null;
        }

        if (!active.Contains(id!))
        {
            errors.Add(field, $"“{id}” không có trong danh sách chuyên gia thẩm định đang hoạt động.", $"\"{id}\" is not an active reviewer of the roster.");
            return null;
        }

        return id;
    }

    private static int? Quorum(FieldInput input, int? members, BilingualErrors errors)
    {
        if (!input.TryWholeNumber(out var quorum) || quorum < 1 || (members is { } n && quorum > n))
        {
            var most = members is { } m ? $" đến {m}" : string.Empty;
            var mostEn = members is { } m2 ? $" to {m2}" : string.Empty;
            errors.Add("quorum", $"Vui lòng nhập số thành viên tối thiểu phải có mặt theo quyết định (từ 1{most}).",
                $"Enter the least number of members who must be present, as the decision states (1{mostEn}).");
            return null;
        }

        return (int)quorum;
    }
}
