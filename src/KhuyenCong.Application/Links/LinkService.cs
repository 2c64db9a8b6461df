using System.Security.Cryptography;
using System.Text;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Options;
using KhuyenCong.Domain.Links;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Links;

/// <summary>The actions an emailed link can carry.</summary>
public static class LinkActions
{
    public const string Withdraw = "withdraw";

    /// <summary>A reviewer's review page (subject: reviewer id; round: appraisal round). Single-use.</summary>
    public const string Review = "review";

    /// <summary>The director's approval page (subject: "director"; round: approval round). Single-use.</summary>
    public const string Approve = "approve";

    /// <summary>The applicant's page to add documents and correct fields (subject: "applicant"; round: screening round). Single-use.</summary>
    public const string Revise = "revise";

    /// <summary>The applicant's page for progress reports and acceptance papers (subject: "applicant"). Usable many times.</summary>
    public const string Report = "report";

    /// <summary>
    /// The director's page to approve or send back a call's selection (subject: "director"; the proposal id slot holds
    /// the call id; round: selection round). Served under <c>/links/selection/</c>; one decision per round.
    /// </summary>
    public const string ApproveSelection = "approve-selection";
}

/// <summary>
/// Creates and checks the signed links put in emails. The development key (<see cref="LinkSigningKeys.DevelopmentKeyId"/>,
/// public in the repository) works only under LocalHost: start-up validation refuses it elsewhere, and so does
/// <see cref="Verify"/>.
/// </summary>
public sealed class LinkService(IOptions<LinksOptions> links, IOptions<KhuyenCongOptions> app, IOptions<HostPlatformOptions> platform, TimeProvider time)
{
    private readonly Lazy<LinkSigningKeys> keys = new(() => LinkSigningKeys.Parse(links.Value.SigningKeys));

    /// <summary>
    /// An absolute URL for one action, by one person, on one proposal, expiring after the configured lifetime
    /// (<see cref="LinksOptions.ApprovalLifetime"/> for the director's approval links, <see cref="LinksOptions.Lifetime"/> otherwise).
    /// </summary>
    public string CreateUrl(string action, string proposalId, string subject, int round = 1)
    {
        var lifetime = action == LinkActions.Approve ? links.Value.ApprovalLifetime : links.Value.Lifetime;
        var claims = new LinkClaims(LinkToken.NewLinkId(), action, proposalId, subject, round, time.GetUtcNow() + lifetime);
        return $"{app.Value.PublicBaseUrl.TrimEnd('/')}/links/{LinkToken.Create(claims, keys.Value)}";
    }

    /// <summary>The director's link to a call's selection in <paramref name="round"/> (<see cref="LinkActions.ApproveSelection"/>), with the approval links' lifetime.</summary>
    public string CreateSelectionUrl(string callId, int round)
    {
        var claims = new LinkClaims(LinkToken.NewLinkId(), LinkActions.ApproveSelection, callId, "director", round, time.GetUtcNow() + links.Value.ApprovalLifetime);
        return $"{app.Value.PublicBaseUrl.TrimEnd('/')}/links/selection/{LinkToken.Create(claims, keys.Value)}";
    }

    public LinkTokenStatus Verify(string? token, out LinkClaims? claims)
    {
        if (!platform.Value.IsLocalHost && LinkToken.KeyIdOf(token) == LinkSigningKeys.DevelopmentKeyId)
        {
            claims = null;
            return LinkTokenStatus.Invalid;
        }

        return LinkToken.Verify(token, keys.Value, time.GetUtcNow(), out claims);
    }

    /// <summary>
    /// The value the link's page puts in its form, checked on POST: only a page served for this link can post a
    /// decision for it (a request forged elsewhere without the page lacks it). Signed with the key that signed the link
    /// (<see cref="LinkClaims.KeyId"/>), not the current one, so a key rotation does not break pages already open.
    /// </summary>
    public string FormToken(LinkClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (!keys.Value.TryGet(claims.KeyId, out var key))
        {
            keys.Value.TryGet(keys.Value.CurrentKeyId, out key);
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(key!, Encoding.UTF8.GetBytes("form|" + claims.LinkId)));
    }

    public bool IsValidFormToken(LinkClaims claims, string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(FormToken(claims));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(presented));
    }
}

/// <summary>The decision first recorded through a link.</summary>
public sealed record LinkUse(string LinkId, string Decision, DateTimeOffset At);

/// <summary>Makes decision links single-use: the first decision on a link wins, under any concurrency.</summary>
public interface ILinkUseStore
{
    /// <returns>The use recorded now, or the earlier one when the link was already used (then nothing changes).</returns>
    Task<(bool First, LinkUse Use)> TryUseAsync(string linkId, string proposalId, string decision, CancellationToken cancellationToken);

    Task<LinkUse?> GetAsync(string linkId, CancellationToken cancellationToken);

    /// <summary>Forgets a use whose decision could not be delivered, so the link can be used again.</summary>
    Task ReleaseAsync(string linkId, CancellationToken cancellationToken);
}
