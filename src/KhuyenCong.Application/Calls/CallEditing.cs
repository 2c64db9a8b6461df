using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Calls;

/// <summary>
/// Creating and editing calls for proposals (đợt đăng ký: <c>POST /api/calls</c>, <c>PUT /api/calls/{id}</c>, officers),
/// under <see cref="CallRules"/>, and reading them (<c>GET /api/calls</c>, public). An edit names the version it started
/// from: of two edits of one version the first wins, the second is a conflict. Once proposals were submitted to a call,
/// its plan year and funding source stay: the proposals carry them (their plan year, their budget line).
/// </summary>
public sealed class CallEditing(ICallStore store, IProposalRepository proposals, TimeProvider time)
{
    public static readonly Bilingual InvalidCall = new("Thông tin đợt đăng ký chưa hợp lệ.", "The call has errors.");

    public static readonly Bilingual NoSuchCall = new("Không có đợt đăng ký này.", "No such call.");

    public static readonly Bilingual VersionRequired = new(
        "Vui lòng gửi phiên bản đã sửa (trường \"version\" của đợt đăng ký khi đọc).", "Send the version you edited (the \"version\" of the call as read).");

    public static readonly Bilingual Stale = new(
        "Người khác đã lưu phiên bản mới hơn của đợt đăng ký này: vui lòng tải lại rồi sửa lại.",
        "Someone saved a newer version of this call: reload it, then make your changes again.");

    /// <summary>Today in Vietnam: what a call's status (upcoming, open, closed) is counted on.</summary>
    public DateOnly Today => VietnamTime.Today(time);

    /// <summary>Every call, the latest to open first.</summary>
    public async Task<IReadOnlyList<Call>> ListAsync(CancellationToken cancellationToken) =>
        (await store.ListAsync(cancellationToken)).OrderByDescending(c => c.OpensOn).ThenByDescending(c => c.CreatedAt).ToList();

    /// <summary>The calls open today (Vietnam), the first to close first.</summary>
    public async Task<IReadOnlyList<Call>> OpenAsync(CancellationToken cancellationToken) => OpenOn(await store.ListAsync(cancellationToken), Today);

    /// <summary>The calls open on <paramref name="today"/>, the first to close first.</summary>
    public static IReadOnlyList<Call> OpenOn(IEnumerable<Call> calls, DateOnly today) =>
        calls.Where(c => c.StatusOn(today) == CallStatus.Open).OrderBy(c => c.ClosesOn).ThenBy(c => c.Title, StringComparer.Ordinal).ToList();

    public async Task<Decision<Call>> GetAsync(string id, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } call ? Decision<Call>.Done(call) : Decision<Call>.NotFound(NoSuchCall);

    /// <summary>Creates a call (version 1) under a new id.</summary>
    public async Task<Decision<Call>> CreateAsync(CallForm form, string by, CancellationToken cancellationToken)
    {
        var errors = new BilingualErrors();
        if (CallRules.Validate(form, Today, null, errors) is not { } content)
        {
            return Decision<Call>.Invalid(errors);
        }

        var call = With(new Call(Guid.CreateVersion7().ToString("N"), 0, default, string.Empty, default, default, [],
            new Dictionary<string, IReadOnlyList<string>>(), null, by, time.GetUtcNow(), 1), content);
        if (!await store.CreateAsync(call, cancellationToken))
        {
            throw new InvalidOperationException("A new call's id was already taken.");
        }

        return Decision<Call>.Done(call);
    }

    /// <summary>Replaces a call edited from <paramref name="version"/>.</summary>
    public async Task<Decision<Call>> UpdateAsync(string id, CallForm form, FieldInput version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await store.GetAsync(id, cancellationToken) is not { } existing)
        {
            return Decision<Call>.NotFound(NoSuchCall);
        }

        var errors = new BilingualErrors();
        var content = CallRules.Validate(form, Today, existing.PlanYear, errors);
        if (!version.TryWholeNumber(out var expected) || expected < 1)
        {
            errors.Add("version", VersionRequired);
        }

        if (content is null || !errors.IsEmpty)
        {
            return Decision<Call>.Invalid(errors);
        }

        if (expected != existing.Version)
        {
            return Decision<Call>.Conflict(Stale);
        }

        if (await KeptFieldErrorsAsync(existing, content, cancellationToken) is { } kept)
        {
            return Decision<Call>.Invalid(kept);
        }

        return await store.UpdateAsync(With(existing, content), expected, cancellationToken) is { } stored
            ? Decision<Call>.Done(stored)
            : Decision<Call>.Conflict(Stale);
    }

    /// <summary>The plan year and funding source of a call that already has proposals stay as they are.</summary>
    private async Task<BilingualErrors?> KeptFieldErrorsAsync(Call existing, CallContent content, CancellationToken cancellationToken)
    {
        if (content.PlanYear == existing.PlanYear && content.FundingSource == existing.FundingSource)
        {
            return null;
        }

        var submitted = await proposals.ListAsync(new ProposalListQuery(existing.PlanYear, null, null, null) { CallId = existing.Id }, cancellationToken);
        if (submitted.Count == 0)
        {
            return null;
        }

        var field = content.PlanYear != existing.PlanYear ? "planYear" : "fundingSource";
        return new BilingualErrors().Add(field,
            $"Đã có {submitted.Count} đề án nộp vào đợt đăng ký này: không thể đổi năm kế hoạch hay nguồn kinh phí của đợt.",
            $"{submitted.Count} proposal(s) were already submitted to this call: its plan year and funding source cannot change.");
    }

    private static Call With(Call call, CallContent c) => call with
    {
        PlanYear = c.PlanYear,
        FundingSource = c.FundingSource,
        Title = c.Title,
        OpensOn = c.OpensOn,
        ClosesOn = c.ClosesOn,
        Kinds = c.Kinds,
        RequiredDocuments = c.RequiredDocuments,
        Description = c.Description,
    };
}
