using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Components;
using KhuyenCong.Web.Pages.Links;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// The answers of the pages behind emailed links: a page component rendered with <see cref="PageOptions.EmailedLink"/>
/// (no referrer, no store: the token is in the URL), the refusals (404 forged or unknown, 410 expired, 401/403 staff
/// only, 400 invalid form, 409 closed or already decided, 413/415 refused body), and a use case's decision as a page.
/// </summary>
public sealed class LinkPages(PageRenderer renderer)
{
    public async Task<IActionResult> PageAsync<TPage, TModel>(LinkRequest link, TModel model, int status = StatusCodes.Status200OK)
        where TPage : PageComponent<TModel>
    {
        ArgumentNullException.ThrowIfNull(link);
        return await renderer.PageAsync<TPage, TModel>(link.Http, link.Language, model, PageOptions.EmailedLink with { StatusCode = status });
    }

    /// <summary>404: the token is not genuine, or its proposal (or its person) is not known.</summary>
    public async Task<IActionResult> NotFoundAsync(HttpRequest request, Language language) =>
        await renderer.PageAsync<LinkNotFoundPage>(request, language, null, PageOptions.EmailedLink with { StatusCode = StatusCodes.Status404NotFound });

    /// <summary>410: a genuine link past its expiry.</summary>
    public async Task<IActionResult> ExpiredAsync(HttpRequest request, Language language) =>
        await renderer.PageAsync<LinkExpiredPage>(request, language, null, PageOptions.EmailedLink with { StatusCode = StatusCodes.Status410Gone });

    /// <summary>
    /// 401 (nobody signed in) or 403 (another role): deciding on this link needs a signed-in staff member with the page's
    /// role (the director). In Azure the page offers App Service Authentication's sign-in, which brings the user back to
    /// the link; under LocalHost the function key signs in (the link opened with <c>?code=</c>).
    /// </summary>
    public async Task<IActionResult> StaffOnlyAsync(HttpRequest request, Language language, bool signedIn, bool localHost)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signIn = "/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(request.Path + request.QueryString);
        return await renderer.PageAsync<LinkStaffOnlyPage, LinkStaffOnlyPageModel>(request, language, new(signedIn, localHost, signIn),
            PageOptions.EmailedLink with { StatusCode = signedIn ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized });
    }

    /// <summary>400: a form posted without the link page's form token (or with a page field that page never sends).</summary>
    public async Task<IActionResult> InvalidFormAsync(LinkRequest link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return await renderer.PageAsync<LinkInvalidFormPage>(link.Http, link.Language, null, PageOptions.EmailedLink with { StatusCode = StatusCodes.Status400BadRequest });
    }

    /// <summary>A form or file refused as a whole (413, 415, 400), with its message in the request's language.</summary>
    public Task<IActionResult> RefusedAsync(LinkRequest link, int status, string message) => PageAsync<LinkRefusedPage, string>(link, message, status);

    /// <summary>A use case's refusal: 404 not found, 409 with its reason (a decision recorded, or the stage passed).</summary>
    public async Task<IActionResult> RefusalAsync<T>(LinkRequest link, Decision<T> refusal)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Kind switch
        {
            DecisionKind.NotFound => await NotFoundAsync(link.Http, link.Language),
            DecisionKind.Conflict => await PageAsync<LinkConflictPage, LinkConflictPageModel>(link,
                new(refusal.Reason!, link.Proposal.Submission.Title, link.Proposal.TrackingCode, link.Proposal.Status), StatusCodes.Status409Conflict),
            _ => throw new InvalidOperationException($"A {refusal.Kind} decision is not a refusal the link shows on its own."),
        };
    }

    /// <summary>What a link shows on GET: its page while the use case's state allows, else the refusal.</summary>
    public async Task<IActionResult> ShowAsync<TOpen>(LinkRequest link, Decision<TOpen> open, Func<TOpen, Task<IActionResult>> page)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(page);
        return open.IsDone ? await page(open.Value!) : await RefusalAsync(link, open);
    }

    /// <summary>
    /// A decision taken on a page's form, as a page: done shows <paramref name="done"/>; not found 404; a form with errors
    /// (or, when <paramref name="conflictShowsForm"/>, a conflict while the link can still decide, such as a budget
    /// refused) shows the page's form again from the link's state now (<paramref name="reopen"/>, so it shows what holds
    /// now), with 422 or 409; any other conflict the 409 page.
    /// </summary>
    public async Task<IActionResult> AnswerAsync<TOpen, TDone>(LinkRequest link, Decision<TDone> decision, Func<Task<Decision<TOpen>>> reopen,
        Func<TOpen, int, Task<IActionResult>> formAgain, Func<TDone, Task<IActionResult>> done, bool conflictShowsForm = false)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(reopen);
        ArgumentNullException.ThrowIfNull(formAgain);
        ArgumentNullException.ThrowIfNull(done);
        if (decision.IsDone)
        {
            return await done(decision.Value!);
        }

        if (decision.Kind == DecisionKind.NotFound || (decision.Kind == DecisionKind.Conflict && !conflictShowsForm))
        {
            return await RefusalAsync(link, decision);
        }

        var open = await reopen();
        return open.IsDone
            ? await formAgain(open.Value!, decision.Kind == DecisionKind.Invalid ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict)
            : await RefusalAsync(link, open);
    }
}
