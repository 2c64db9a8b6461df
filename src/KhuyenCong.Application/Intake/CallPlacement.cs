using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Councils;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Intake;

/// <summary>Where a new proposal goes: its call (null: none, no call being open) and, for an officer's late entry, the reason.</summary>
/// <param name="Errors">Problems by field (400): a call to choose, an unknown call, a kind or funding source the call does not take.</param>
/// <param name="Conflict">The call does not receive proposals today (409, naming <c>callId</c> and the call's dates).</param>
public sealed record CallPlacementResult(Call? Call, string? LateReason, BilingualErrors Errors, CallConflict? Conflict);

/// <summary>Why the chosen call cannot take the proposal now, with the call (its dates go into the answer).</summary>
public sealed record CallConflict(Bilingual Message, Call Call, CallStatus Status);

/// <summary>
/// The call rules of the intake (issue 13 line 1, ADR 0020): while any call is open, a proposal names one
/// (<c>callId</c>); a call that is unknown, or does not take the proposal's kind or funding source, is a 400 naming the
/// field; a call not open today (upcoming or closed) is a 409 naming <c>callId</c> and its dates. An officer may enter a
/// proposal for a closed call with a reason (<c>lateReason</c>, ADR 0021) until the call's council has held its session
/// (the session closes the appraisal of the call's proposals; one entered after would never be appraised). With no call
/// open and none named, the proposal has no call and keeps the year it is submitted in as its plan year.
/// </summary>
public sealed class CallPlacement(ICallStore calls, ICouncilStore councils, TimeProvider time)
{
    public const int MaxLateReason = 1000;

    public async Task<CallPlacementResult> PlaceAsync(ProposalForm form, Submitter submitter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(submitter);
        var errors = new BilingualErrors();
        var today = VietnamTime.Today(time);
        var late = LateReason(form, submitter, errors);
        if (string.IsNullOrWhiteSpace(form.CallId))
        {
            var open = (await calls.ListAsync(cancellationToken)).Where(c => c.StatusOn(today) == CallStatus.Open).ToList();
            if (open.Count > 0 || late is not null)
            {
                errors.Add(ProposalFields.CallId, ChooseACall(open));
            }

            return new CallPlacementResult(null, null, errors, null);
        }

        var call = IsKey(form.CallId.Trim()) ? await calls.GetAsync(form.CallId.Trim(), cancellationToken) : null;
        if (call is null)
        {
            errors.Add(ProposalFields.CallId, "Không có đợt đăng ký này: vui lòng chọn một đợt đang nhận hồ sơ.", "No such call: choose a call that is open.");
            return new CallPlacementResult(null, null, errors, null);
        }

        FitsTheCall(form, call, errors);
        var status = call.StatusOn(today);
        if (!errors.IsEmpty || status == CallStatus.Open)
        {
            return new CallPlacementResult(call, null, errors, null);
        }

        return status == CallStatus.Closed && late is not null
            ? await LateEntryAsync(call, late, errors, cancellationToken)
            : new CallPlacementResult(call, null, errors, new CallConflict(NotOpen(call, status, submitter), call, status));
    }

    /// <summary>A late entry is taken until the call's council has held its session.</summary>
    private async Task<CallPlacementResult> LateEntryAsync(Call call, string reason, BilingualErrors errors, CancellationToken cancellationToken)
    {
        if (await councils.ForCallAsync(call.Id, cancellationToken) is { } council && await councils.SessionOfAsync(council.Id, cancellationToken) is { } session)
        {
            var message = new Bilingual(
                $"Hội đồng thẩm định của đợt “{call.Title}” đã họp ngày {Vi(session.HeldOn)}: không thể nhận thêm đề án nộp muộn vào đợt này.",
                $"The appraisal council of \"{call.Title}\" met on {En(session.HeldOn)}: no late proposal can be added to this call.");
            return new CallPlacementResult(call, null, errors, new CallConflict(message, call, CallStatus.Closed));
        }

        return new CallPlacementResult(call, reason, errors, null);
    }

    private static string? LateReason(ProposalForm form, Submitter submitter, BilingualErrors errors)
    {
        var input = FieldInput.Of(form.LateReason);
        if (input.IsAbsent)
        {
            return null;
        }

        if (submitter.Channel != SubmissionChannel.Officer)
        {
            errors.Add(ProposalFields.LateReason, "Chỉ cán bộ Trung tâm mới nhập được đề án nộp muộn: vui lòng chọn một đợt đăng ký đang nhận hồ sơ.",
                "Only an officer of the Centre can enter a late proposal: choose a call that is open.");
            return null;
        }

        if (!input.TryText(TextMode.MultiLine, MaxLateReason, required: true, out var reason))
        {
            errors.Add(ProposalFields.LateReason, $"Lý do nộp muộn dài tối đa {MaxLateReason} ký tự, không có ký tự điều khiển.",
                $"The reason for the late entry has at most {MaxLateReason} characters, without control characters.");
            return null;
        }

        return reason;
    }

    private static void FitsTheCall(ProposalForm form, Call call, BilingualErrors errors)
    {
        if (ProposalKinds.TryParse(form.Kind, out var kind) && !call.Accepts(kind.ToCode()))
        {
            var names = call.Kinds.Select(k => ProposalKinds.TryParse(k, out var known) ? known : default).ToList();
            errors.Add(ProposalFields.Kind,
                $"Đợt đăng ký “{call.Title}” chỉ nhận các nội dung: {string.Join("; ", names.Select(k => k.DisplayName(Language.Vietnamese)))}.",
                $"The call \"{call.Title}\" takes only: {string.Join("; ", names.Select(k => k.DisplayName(Language.English)))}.");
        }

        if (FundingSources.TryParse(form.FundingSource, out var source) && source != call.FundingSource)
        {
            errors.Add(ProposalFields.FundingSource,
                $"Đợt đăng ký “{call.Title}” dành cho nguồn {call.FundingSource.DisplayName(Language.Vietnamese)}: vui lòng chọn nguồn này.",
                $"The call \"{call.Title}\" is for {call.FundingSource.DisplayName(Language.English)}: choose that source.");
        }
    }

    private static Bilingual ChooseACall(IReadOnlyList<Call> open) => open.Count == 0
        ? new("Đề án nộp muộn phải nêu đợt đăng ký của nó.", "A late proposal names its call.")
        : new($"Vui lòng chọn đợt đăng ký (đang nhận hồ sơ: {string.Join("; ", open.Select(c => c.Title))}).",
            $"Choose the call (open now: {string.Join("; ", open.Select(c => c.Title))}).");

    private static Bilingual NotOpen(Call call, CallStatus status, Submitter submitter)
    {
        var (opensVi, closesVi, opensEn, closesEn) = (Vi(call.OpensOn), Vi(call.ClosesOn), En(call.OpensOn), En(call.ClosesOn));
        if (status == CallStatus.Upcoming)
        {
            return new($"Đợt đăng ký “{call.Title}” nhận hồ sơ từ ngày {opensVi} đến ngày {closesVi}: chưa đến ngày nhận hồ sơ.",
                $"The call \"{call.Title}\" takes proposals from {opensEn} to {closesEn}: it is not open yet.");
        }

        var officer = submitter.Channel == SubmissionChannel.Officer;
        return new($"Đợt đăng ký “{call.Title}” đã kết thúc nhận hồ sơ ngày {closesVi} (nhận từ ngày {opensVi})."
                + (officer ? " Cán bộ có thể nhập đề án nộp muộn kèm lý do (lateReason)." : string.Empty),
            $"The call \"{call.Title}\" closed on {closesEn} (it took proposals from {opensEn})."
                + (officer ? " An officer may enter a late proposal with a reason (lateReason)." : string.Empty));
    }

    private static bool IsKey(string id) => id.Length is > 0 and <= 64 && id.All(char.IsAsciiLetterOrDigit);

    private static string Vi(DateOnly date) => DisplayFormat.Date(date, Language.Vietnamese);

    private static string En(DateOnly date) => DisplayFormat.Date(date, Language.English);
}
