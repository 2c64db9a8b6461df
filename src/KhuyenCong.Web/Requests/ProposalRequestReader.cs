using System.Text.Json;
using KhuyenCong.Application.Attachments;
using KhuyenCong.Application.Options;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Requests;

/// <summary>What a submission request carried: its fields, and its files (already in storage).</summary>
/// <param name="Fingerprint">What the body carried, hashed (<see cref="SubmissionFingerprint"/>): the same again is a repeat.</param>
public sealed record ProposalRequestContent(ProposalForm Form, IReadOnlyList<IncomingAttachment> Attachments, string Fingerprint);

/// <summary>What a link page's form carried: every value of each field, and its files (already in storage).</summary>
public sealed record LinkFormContent(IReadOnlyDictionary<string, IReadOnlyList<string>> Fields, IReadOnlyList<IncomingAttachment> Files)
{
    /// <summary>The last value of a field, or null.</summary>
    public string? this[string name] => Fields.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    public IReadOnlyList<string> All(string name) => Fields.TryGetValue(name, out var values) ? values : [];
}

/// <summary>
/// Reads a submission: <c>multipart/form-data</c> (the form's own post: fields plus file parts named
/// <c>attachments</c>, read by <see cref="FormPartsReader"/>) or <c>application/json</c> (the same fields, no files).
/// Files are streamed to storage as they arrive, recognised by their first bytes and held to the size limits; a
/// problem throws <see cref="RequestRejectedException"/> (the caller then removes whatever was stored). A body the
/// client cut off or sent malformed is a 400, never a storage outage.
/// </summary>
public sealed class ProposalRequestReader(FormPartsReader parts, IOptions<IntakeOptions> options)
{
    private const int MaxJsonBytes = 1024 * 1024;

    public async Task<ProposalRequestContent> ReadAsync(HttpRequest request, string proposalId, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var en = language == Language.English;
        if (RequestBody.IsJson(request))
        {
            var (form, fingerprint) = await ReadJsonAsync(request, en, cancellationToken);
            return new ProposalRequestContent(form, [], fingerprint);
        }

        var boundary = Multipart(request, en);
        using var print = new SubmissionFingerprint("multipart");
        var limits = options.Value;
        var (fields, files) = await GuardAsync(
            () => parts.ReadAsync(request.Body, boundary, proposalId, en, limits.MaxFiles, limits.MaxProposalBytes, deleteOnFailure: false, print, cancellationToken),
            en, cancellationToken);
        return new ProposalRequestContent(PostedFormFields.Read(n => fields.TryGetValue(n, out var v) ? v : []),
            AttachmentDocumentMarks.Apply(files, fields, en), print.Finish());
    }

    /// <summary>
    /// The fingerprint of a submission's body without storing anything (a repeat of an <c>Idempotency-Key</c> is checked
    /// against the first body). A body that cannot be read throws <see cref="RequestRejectedException"/>.
    /// </summary>
    public async Task<string> FingerprintAsync(HttpRequest request, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var en = language == Language.English;
        if (RequestBody.IsJson(request))
        {
            return (await ReadJsonAsync(request, en, cancellationToken)).Fingerprint;
        }

        var boundary = Multipart(request, en);
        return await GuardAsync(() => parts.FingerprintAsync(request.Body, boundary, en, cancellationToken), en, cancellationToken);
    }

    /// <summary>
    /// Reads a form posted by a link's page: <c>multipart/form-data</c> (its files, in parts named <c>attachments</c>,
    /// streamed to the proposal's storage with the same checks as a submission) or <c>application/x-www-form-urlencoded</c>
    /// (no files). At most <paramref name="maxFiles"/> files and <paramref name="maxBytes"/> bytes of files (what the
    /// proposal may still take). A problem throws <see cref="RequestRejectedException"/>, after removing the files this
    /// call stored.
    /// </summary>
    public async Task<LinkFormContent> ReadLinkFormAsync(HttpRequest request, string proposalId, Language language, int maxFiles, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var en = language == Language.English;
        if (RequestBody.Boundary(request) is { } boundary)
        {
            var (fields, files) = await GuardAsync(
                () => parts.ReadAsync(request.Body, boundary, proposalId, en, Math.Max(0, maxFiles), Math.Max(0, maxBytes), deleteOnFailure: true, null, cancellationToken),
                en, cancellationToken);
            return new LinkFormContent(fields.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value, StringComparer.Ordinal), files);
        }

        if (!RequestBody.IsForm(request))
        {
            throw new RequestRejectedException(StatusCodes.Status415UnsupportedMediaType, "body",
                en ? "Send the form as multipart/form-data." : "Vui lòng gửi biểu mẫu dưới dạng multipart/form-data.");
        }

        var limits = options.Value;
        var (form, problem) = await RequestBody.ReadFormAsync(request, new FormLimits(limits.MaxFormParts, MaxFieldBytesPerField, limits.MaxFormFieldBytes), cancellationToken);
        return form is not null
            ? new LinkFormContent(form.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value.Select(v => v ?? string.Empty).ToList(), StringComparer.Ordinal), [])
            : throw FormProblem(problem, en);
    }

    /// <summary>The 413 for a field over its limit.</summary>
    internal static RequestRejectedException TooLarge(string field, bool en) =>
        new(StatusCodes.Status413PayloadTooLarge, field, en ? "This field is too large." : "Nội dung của mục này quá lớn.");

    /// <summary>The refusal of an HTML form <see cref="RequestBody.ReadFormAsync"/> could not read (413 too many or too long fields, 400 malformed).</summary>
    internal static RequestRejectedException FormProblem(int status, bool en) => status == StatusCodes.Status413PayloadTooLarge
        ? new(status, "body", en ? "The form has too many fields or is too large." : "Biểu mẫu có quá nhiều mục hoặc quá lớn.")
        : new(status, "body", en ? "The form data is malformed." : "Dữ liệu biểu mẫu không đúng định dạng.");

    private const int MaxFieldBytesPerField = 64 * 1024;

    /// <summary>The multipart boundary; 415 for any other body (a multipart type without a usable boundary too).</summary>
    private static string Multipart(HttpRequest request, bool en) =>
        RequestBody.Boundary(request) ?? throw new RequestRejectedException(StatusCodes.Status415UnsupportedMediaType, "body",
            en ? "Send the proposal as multipart/form-data or application/json." : "Vui lòng gửi đề án dưới dạng multipart/form-data hoặc application/json.");

    /// <summary>Runs a read of the body, turning a body the client cut off or framed wrongly into a 400.</summary>
    private static async Task<T> GuardAsync<T>(Func<Task<T>> read, bool en, CancellationToken cancellationToken)
    {
        try
        {
            return await read();
        }
        catch (Exception ex) when (ex is not RequestRejectedException && (ex is IOException or InvalidDataException || ClientBody.IsFailure(ex))
            && !cancellationToken.IsCancellationRequested)
        {
            // A truncated or malformed body (a part that never ends, a header line too long, a body cut off, ...).
            throw new RequestRejectedException(StatusCodes.Status400BadRequest, "body", en
                ? "The form data is malformed or arrived incomplete." : "Dữ liệu biểu mẫu không đúng định dạng hoặc đến không đầy đủ.");
        }
    }

    private static async Task<(ProposalForm Form, string Fingerprint)> ReadJsonAsync(HttpRequest request, bool en, CancellationToken cancellationToken)
    {
        using var document = Parse(await ReadJsonBytesAsync(request, en, cancellationToken), en);
        using var fingerprint = new SubmissionFingerprint("json");
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new RequestRejectedException(StatusCodes.Status400BadRequest, "body", en ? "The body must be a JSON object." : "Nội dung gửi lên phải là một đối tượng JSON.");
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var value = FieldValue(property, en);
            fields[property.Name] = value;
            fingerprint.AddField(property.Name, value);
        }

        return (ProposalForm.FromFields(name => fields.GetValueOrDefault(name)), fingerprint.Finish());
    }

    /// <summary>The body, at most <see cref="MaxJsonBytes"/> (413 over it, 400 cut off).</summary>
    private static async Task<byte[]> ReadJsonBytesAsync(HttpRequest request, bool en, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxJsonBytes)
        {
            throw TooLarge("body", en);
        }

        try
        {
            return await RequestBody.ReadAtMostAsync(request.Body, MaxJsonBytes, cancellationToken) ?? throw TooLarge("body", en);
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RequestRejectedException(StatusCodes.Status400BadRequest, "body", en ? "The body arrived incomplete." : "Nội dung gửi lên đến không đầy đủ.");
        }
    }

    private static JsonDocument Parse(byte[] bytes, bool en)
    {
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            throw new RequestRejectedException(StatusCodes.Status400BadRequest, "body", en ? "The body is not valid JSON." : "Nội dung gửi lên không phải JSON hợp lệ.");
        }
    }

    /// <summary>A property's value as the form's text: strings, numbers and null; the two list fields as their JSON; 400 naming the field otherwise.</summary>
    private static string? FieldValue(JsonProperty property, bool en) => property.Value.ValueKind switch
    {
        JsonValueKind.String when JsonText.TryGetString(property.Value, out var text) => text,
        JsonValueKind.String => throw new RequestRejectedException(StatusCodes.Status400BadRequest, property.Name,
            en ? "This field holds a character that is not text (a lone surrogate)." : "Trường này chứa ký tự không hợp lệ (không phải văn bản)."),
        JsonValueKind.Number => property.Value.GetRawText(),
        JsonValueKind.Null => null,
        // The two list fields (beneficiaries of a đề án nhóm, priority codes) are arrays; the validator reads them.
        JsonValueKind.Array when property.Name is ProposalFields.Beneficiaries or ProposalFields.Priorities => property.Value.GetRawText(),
        _ => throw new RequestRejectedException(StatusCodes.Status400BadRequest, property.Name,
            en ? "This field must be text or a number." : "Trường này phải là chữ hoặc số."),
    };
}
