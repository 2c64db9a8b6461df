using System.Text.Json;
using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Web.Http;

/// <summary>
/// The one prologue of every staff route, in this order: the language; the signed-in staff member and the role (401,
/// 403); for a request that changes something (POST, PUT, DELETE, PATCH), the same-origin check (403,
/// <see cref="SameOrigin"/>), the CSRF token of an HTML form post, whatever route it is sent to (403,
/// <see cref="StaffFormTokens"/>), the body's type (415: JSON routes take <c>application/json</c> only) and the body
/// read within limits (413, 400). Refusals are RFC 9457 problems in the request's language (pages: a page).
/// </summary>
public sealed partial class StaffEndpoint(StaffFormTokens tokens, SameOrigin origin, ILogger<StaffEndpoint> logger, IStaffActionPages? actionPages = null)
{
    /// <summary>Largest JSON body a staff route reads.</summary>
    public const int MaxJsonBytes = 1024 * 1024;

    /// <summary>The staff pages' action forms: a handful of short fields.</summary>
    private static readonly FormLimits ActionForm = new(MaxFields: 50, MaxFieldBytes: 16 * 1024, MaxBodyBytes: 256 * 1024);

    /// <summary>The staff pages' list forms: a few fields for each line of a ranking or a plan decision.</summary>
    private static readonly FormLimits ListForm = new(MaxFields: 2000, MaxFieldBytes: 16 * 1024, MaxBodyBytes: 1024 * 1024);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Flags]
    private enum Accepts
    {
        Nothing = 0,
        Json = 1,
        Form = 2,
        File = 4,
    }

    /// <summary>The CSRF token to put in the forms of a page rendered for <paramref name="staff"/>.</summary>
    public string FormToken(StaffPrincipal staff) => tokens.Issue(staff);

    /// <summary>A read (GET) answered with data: any staff member when <paramref name="role"/> is null.</summary>
    public async Task<IActionResult> ReadAsync(HttpRequest request, string? role, Func<StaffRequest, Task<IActionResult>> handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var (call, refusal) = await OpenAsync(request, role, Accepts.Nothing, null, page: false, CancellationToken.None);
        return refusal ?? await handle(call!);
    }

    /// <summary>A staff page (GET, any staff member): without a staff member, the sign-in page.</summary>
    public async Task<IActionResult> PageAsync(HttpRequest request, Func<StaffRequest, Task<IActionResult>> handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var (call, refusal) = await OpenAsync(request, null, Accepts.Nothing, null, page: true, CancellationToken.None);
        return refusal ?? await handle(call!);
    }

    /// <summary>
    /// A staff page (GET) for one role (an admin passes, as <see cref="StaffPrincipal.IsInRole"/> says): without a staff
    /// member, the sign-in page (401); without the role, the staff denied page (403).
    /// </summary>
    public async Task<IActionResult> PageAsync(HttpRequest request, string role, Func<StaffRequest, Task<IActionResult>> handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var (call, refusal) = await OpenAsync(request, role, Accepts.Nothing, null, page: true, CancellationToken.None);
        return refusal ?? await handle(call!);
    }

    /// <summary>A change without a body (DELETE): a body, if any, may only be JSON (and is ignored).</summary>
    public async Task<IActionResult> WriteAsync(HttpRequest request, string role, Func<StaffRequest, Task<IActionResult>> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var (call, refusal) = await OpenAsync(request, role, Accepts.Nothing, null, page: false, cancellationToken);
        return refusal ?? await handle(call!);
    }

    /// <summary>A change whose body is a JSON <typeparamref name="T"/> (400 naming the body when it is not).</summary>
    public async Task<IActionResult> JsonAsync<T>(HttpRequest request, string role, BodyShape shape, Func<StaffRequest, T, Task<IActionResult>> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(handle);
        var (call, refusal) = await OpenAsync(request, role, Accepts.Json, null, page: false, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        return Deserialize<T>(call!.Json!.Value) is { } value ? await handle(call, value) : NotTheShape(call, shape);
    }

    /// <summary>
    /// A change sent as a JSON <typeparamref name="T"/> (the API, read as <see cref="JsonAsync{T}"/> reads it) or as a
    /// staff page's HTML list form (CSRF token; up to 2,000 fields) that <see cref="StaffFormPage{T}.Read"/> reads into
    /// one; the answer is not cached. A form is answered with a 303 to the page on success, with the page again (values
    /// kept, each error at its field) on a 400 naming fields, otherwise with a page naming the problem and a way back.
    /// </summary>
    public async Task<IActionResult> FormOrJsonAsync<T>(HttpRequest request, string role, BodyShape shape, StaffFormPage<T> form,
        Func<StaffRequest, T, Task<IActionResult>> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(handle);
        var (call, refusal) = await OpenAsync(request, role, Accepts.Json | Accepts.Form, null, page: false, cancellationToken, ListForm);
        var result = refusal;
        if (result is null)
        {
            call!.NoStore();
            var value = call.Form is { } posted ? form.Read(posted) : Deserialize<T>(call.Json!.Value);
            result = value is null ? NotTheShape(call, shape) : await handle(call, value);
        }

        if (!RequestBody.IsForm(request))
        {
            return result;
        }

        return call is not null && result is ObjectResult { StatusCode: StatusCodes.Status400BadRequest } && ProblemReader.Read(result) is { Errors.Count: > 0 } problem
            ? await form.Again(call, problem)
            : StaffPages.FormAnswerTo(request, RequestLanguage.From(request), form.Page, form.Page, result);
    }

    /// <summary>
    /// A staff action on a proposal: a JSON object (the API, <c>staff.js</c>) or the staff page's HTML form, which is
    /// answered with a redirect back to the proposal's page, or a page with the problem.
    /// </summary>
    public async Task<IActionResult> ActionAsync(HttpRequest request, string role, string proposalId, string action,
        Func<StaffRequest, ActionInput, Task<IActionResult>> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var (call, refusal) = await OpenAsync(request, role, Accepts.Json | Accepts.Form, null, page: false, cancellationToken);
        var result = refusal;
        if (result is null)
        {
            var input = call!.Form is { } form ? ActionInput.FromForm(form) : ActionInput.FromJson(call.Json!.Value);
            result = input is null ? NotAnObject(call) : await handle(call, input);
        }

        if (!RequestBody.IsForm(request))
        {
            return result;
        }

        return await AgainAsync(call, proposalId, action, result, cancellationToken)
            ?? StaffPages.FormAnswer(request, RequestLanguage.From(request), proposalId, action, result);
    }

    /// <summary>
    /// A refused action form (its fields, or a conflict with the proposal's stage: 400, 409, 422) shown again on its page
    /// with what was sent; null for other answers (success, refusals before the form was read) and other actions.
    /// </summary>
    private async Task<IActionResult?> AgainAsync(StaffRequest? call, string proposalId, string action, IActionResult result, CancellationToken cancellationToken) =>
        call is not null && actionPages is not null && actionPages.ShowsAgain(action)
            && result is ObjectResult { StatusCode: StatusCodes.Status400BadRequest or StatusCodes.Status409Conflict or StatusCodes.Status422UnprocessableEntity }
            && ProblemReader.Read(result) is { } problem
            ? await actionPages.AgainAsync(call, proposalId, action, problem, cancellationToken)
            : null;

    /// <summary>
    /// A change sent as a JSON object (the API) or as a staff page's HTML form (with its CSRF token), read the same way
    /// as <see cref="StaffFields"/> (a body that is not an object is a 400 naming <c>body</c>); the answer is not cached.
    /// A form is answered with a 303 to the URL <paramref name="done"/> makes of the answer (or a page with the problem and
    /// a way back to <paramref name="back"/>).
    /// </summary>
    public async Task<IActionResult> FormOrJsonAsync(HttpRequest request, string role, string back, Func<IActionResult, string> done,
        Func<StaffRequest, StaffFields, Task<IActionResult>> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(done);
        var result = await FieldsAsync(request, role, handle, cancellationToken);
        return RequestBody.IsForm(request) ? StaffPages.FormAnswerTo(request, RequestLanguage.From(request), done(result), back, result) : result;
    }

    /// <summary>
    /// A change to several proposals sent as a JSON object or a staff page's form: the handler answers itself (JSON, or
    /// the page of per-row results, or a file); a refused form (origin, token, fields) gets the problem page with a way
    /// <paramref name="back"/>. The answer is not cached.
    /// </summary>
    public async Task<IActionResult> BulkAsync(HttpRequest request, string role, string back,
        Func<StaffRequest, StaffFields, Task<IActionResult>> handle, CancellationToken cancellationToken)
    {
        var result = await FieldsAsync(request, role, handle, cancellationToken);
        var done = result is FileContentResult or ContentResult { StatusCode: null or (>= 200 and < 300) };
        return RequestBody.IsForm(request) && !done ? StaffPages.FormAnswerTo(request, RequestLanguage.From(request), back, back, result) : result;
    }

    /// <summary>A file sent raw (one of the rule's types) or as the first file of a multipart form (which carries the CSRF token).</summary>
    public async Task<IActionResult> FileAsync(HttpRequest request, string role, StaffFileRule file, Func<StaffRequest, byte[], Task<IActionResult>> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(handle);
        var (call, refusal) = await OpenAsync(request, role, Accepts.File, file, page: false, cancellationToken);
        return refusal ?? await handle(call!, call!.File!);
    }

    private static T? Deserialize<T>(ReadOnlyMemory<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json.Span, Json);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return default;
        }
    }

    private static IActionResult NotTheShape(StaffRequest call, BodyShape shape) =>
        call.FieldProblem(StatusCodes.Status400BadRequest, "body", "Nội dung phải là " + shape.Vietnamese + ".", "The body must be " + shape.English + ".");

    /// <summary>The prologue, then the fields of a JSON object or a staff form given to <paramref name="handle"/>; the answer is not cached.</summary>
    private async Task<IActionResult> FieldsAsync(HttpRequest request, string role, Func<StaffRequest, StaffFields, Task<IActionResult>> handle,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var (call, refusal) = await OpenAsync(request, role, Accepts.Json | Accepts.Form, null, page: false, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        call!.NoStore();
        return StaffFields.From(call) is { } fields ? await handle(call, fields) : NotAnObject(call);
    }

    private static IActionResult NotAnObject(StaffRequest call) =>
        call.FieldProblem(StatusCodes.Status400BadRequest, "body", "Nội dung gửi lên phải là một đối tượng JSON (hoặc biểu mẫu của trang cán bộ).",
            "Send a JSON object (or the staff page's form).");

    private async Task<(StaffRequest? Call, IActionResult? Refusal)> OpenAsync(HttpRequest request, string? role, Accepts accepts, StaffFileRule? file, bool page,
        CancellationToken cancellationToken, FormLimits? formLimits = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = RequestLanguage.From(request);
        var denied = StatusCodes.Status401Unauthorized;
        var staff = role is null ? StaffAccess.Principal(request) : StaffAccess.Require(request, role, out denied);
        if (staff is null)
        {
            return (null, page ? StaffPages.Denied(request, language, denied) : StaffAccess.Denied(denied, language));
        }

        var call = new StaffRequest(request, staff, language);
        var changes = !SameOrigin.IsSafeMethod(request.Method);
        if (!changes && accepts == Accepts.Nothing)
        {
            return (call, null);
        }

        if (changes && !origin.Allows(request))
        {
            LogRefused(logger, request.Method, request.Path, "cross-site");
            return (null, call.Problem(StatusCodes.Status403Forbidden,
                "Yêu cầu đến từ một trang web khác: thao tác của cán bộ chỉ được thực hiện từ chính các trang của hệ thống.",
                "This request comes from another site: staff changes are accepted only from this site's own pages."));
        }

        try
        {
            var refusal = RequestBody.IsForm(request) ? await ReadFormAsync(call, accepts, file, formLimits ?? ActionForm, cancellationToken) : await ReadBodyAsync(call, accepts, file, cancellationToken);
            return refusal is null ? (call, null) : (null, refusal);
        }
        catch (IOException)
        {
            // The client cut the body off or stopped sending it.
            return (null, ClientBody.Answer(request));
        }
    }

    private async Task<IActionResult?> ReadFormAsync(StaffRequest call, Accepts accepts, StaffFileRule? file, FormLimits formLimits, CancellationToken cancellationToken)
    {
        var limits = file is null ? formLimits : new FormLimits(ActionForm.MaxFields, ActionForm.MaxFieldBytes, file.MaxBytes + (64 * 1024));
        var (form, problem) = await RequestBody.ReadFormAsync(call.Http, limits, cancellationToken);
        if (form is null)
        {
            return problem == StatusCodes.Status413PayloadTooLarge
                ? call.FieldProblem(problem, "body", "Biểu mẫu có quá nhiều mục hoặc quá lớn.", "The form has too many fields or is too large.")
                : call.FieldProblem(problem, "body", "Dữ liệu biểu mẫu không đúng định dạng.", "The form data is malformed.");
        }

        string? token = form[StaffFormTokens.FieldName];
        if (!tokens.IsValid(call.Staff, string.IsNullOrEmpty(token) ? call.Http.Headers[StaffFormTokens.HeaderName].ToString() : token))
        {
            LogRefused(logger, call.Http.Method, call.Http.Path, "no valid form token");
            return call.FieldProblem(StatusCodes.Status403Forbidden, StaffFormTokens.FieldName,
                "Biểu mẫu thiếu mã bảo mật hợp lệ (trang có thể đã mở quá lâu): vui lòng tải lại trang rồi gửi lại.",
                "The form has no valid security token (the page may have been open too long): reload the page and send again.");
        }

        if (accepts.HasFlag(Accepts.File) && file is not null)
        {
            var part = form.Files.Count > 0 ? form.Files[0] : null;
            if (part is not null && part.Length > file.MaxBytes)
            {
                return FileTooLarge(call, file);
            }

            await using var stream = part?.OpenReadStream() ?? Stream.Null;
            call.File = await RequestBody.ReadAtMostAsync(stream, file.MaxBytes, cancellationToken);
            return call.File is null ? FileTooLarge(call, file) : null;
        }

        call.Form = form;
        return accepts.HasFlag(Accepts.Form) ? null : Unsupported(call, accepts, file);
    }

    private static async Task<IActionResult?> ReadBodyAsync(StaffRequest call, Accepts accepts, StaffFileRule? file, CancellationToken cancellationToken)
    {
        var request = call.Http;
        if (accepts.HasFlag(Accepts.Json) && RequestBody.IsJson(request))
        {
            var json = request.ContentLength > MaxJsonBytes ? null : await RequestBody.ReadAtMostAsync(request.Body, MaxJsonBytes, cancellationToken);
            call.Json = json;
            return json is null
                ? call.FieldProblem(StatusCodes.Status413PayloadTooLarge, "body", "Nội dung gửi lên quá lớn (tối đa 1 MB).", "The body is too large (at most 1 MB).")
                : null;
        }

        if (accepts.HasFlag(Accepts.File) && file is not null && file.MediaTypes.Contains(RequestBody.MediaType(request), StringComparer.OrdinalIgnoreCase))
        {
            call.File = request.ContentLength > file.MaxBytes ? null : await RequestBody.ReadAtMostAsync(request.Body, file.MaxBytes, cancellationToken);
            return call.File is null ? FileTooLarge(call, file) : null;
        }

        return accepts == Accepts.Nothing && (!RequestBody.HasContent(request) || RequestBody.IsJson(request)) ? null : Unsupported(call, accepts, file);
    }

    private static IActionResult FileTooLarge(StaffRequest call, StaffFileRule file)
    {
        var size = DisplayFormat.Amount(file.MaxBytes / 1024, call.Language) + " KB";
        return call.FieldProblem(StatusCodes.Status413PayloadTooLarge, "file", $"Tệp lớn hơn {size}.", $"The file is larger than {size}.");
    }

    private static IActionResult Unsupported(StaffRequest call, Accepts accepts, StaffFileRule? file) => accepts switch
    {
        Accepts.Json => call.FieldProblem(StatusCodes.Status415UnsupportedMediaType, "body",
            "Vui lòng gửi nội dung dạng JSON (Content-Type: application/json).", "Send the body as JSON (Content-Type: application/json)."),
        Accepts.Json | Accepts.Form => call.FieldProblem(StatusCodes.Status415UnsupportedMediaType, "body",
            "Vui lòng gửi nội dung dạng JSON (Content-Type: application/json) hoặc bằng biểu mẫu của trang cán bộ.",
            "Send the body as JSON (Content-Type: application/json) or with the staff page's form."),
        Accepts.File => call.FieldProblem(StatusCodes.Status415UnsupportedMediaType, "file",
            $"Vui lòng gửi tệp trong nội dung yêu cầu (Content-Type: {string.Join(", ", file!.MediaTypes)}) hoặc trong biểu mẫu multipart/form-data.",
            $"Send the file as the request body (Content-Type: {string.Join(", ", file!.MediaTypes)}) or in a multipart/form-data form."),
        _ => call.FieldProblem(StatusCodes.Status415UnsupportedMediaType, "body",
            "Thao tác này không nhận nội dung gửi kèm.", "This request takes no body."),
    };

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Staff request {Method} {Path} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, string reason);
}
