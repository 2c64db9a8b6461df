using System.Text;
using System.Text.Json;
using KhuyenCong.Application.Attachments;
using KhuyenCong.Application.Options;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Attachments;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KhuyenCong.Functions.Proposals;

/// <summary>What a submission request carried: its fields, and its files (already in storage).</summary>
public sealed record ProposalRequestContent(ProposalForm Form, IReadOnlyList<IncomingAttachment> Attachments);

/// <summary>What a link page's form carried: every value of each field, and its files (already in storage).</summary>
public sealed record LinkFormContent(IReadOnlyDictionary<string, IReadOnlyList<string>> Fields, IReadOnlyList<IncomingAttachment> Files)
{
    /// <summary>The last value of a field, or null.</summary>
    public string? this[string name] => Fields.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    public IReadOnlyList<string> All(string name) => Fields.TryGetValue(name, out var values) ? values : [];
}

/// <summary>
/// Reads a submission: <c>multipart/form-data</c> (the form's own post: fields plus file parts named
/// <c>attachments</c>) or <c>application/json</c> (the same fields, no files). Files are streamed to storage as they
/// arrive, recognised by their first bytes and held to the size limits; a problem throws
/// <see cref="RequestRejectedException"/> (the caller then removes whatever was stored).
/// </summary>
public sealed class ProposalRequestReader(IAttachmentStore attachments, IOptions<IntakeOptions> options, TimeProvider time)
{
    public const string AttachmentsField = AttachmentRules.FieldName;
    private const int MaxFieldBytes = 64 * 1024;
    private const int MaxJsonBytes = 1024 * 1024;

    public async Task<ProposalRequestContent> ReadAsync(HttpRequest request, string proposalId, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var en = language == Language.English;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            throw new RequestRejectedException(StatusCodes.Status415UnsupportedMediaType, "body",
                en ? "Send the proposal as multipart/form-data or application/json." : "Vui lòng gửi đề án dưới dạng multipart/form-data hoặc application/json.");
        }

        if (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return new ProposalRequestContent(await ReadJsonAsync(request, en, cancellationToken), []);
        }

        if (mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            && HeaderUtilities.RemoveQuotes(mediaType.Boundary) is { Length: > 0 and <= 200 } boundary)
        {
            try
            {
                return await ReadMultipartAsync(request, boundary.Value!, proposalId, en, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or BadHttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                // A truncated or malformed body (a part that never ends, a header line too long, ...).
                throw new RequestRejectedException(StatusCodes.Status400BadRequest, "body", en ? "The form data is malformed." : "Dữ liệu biểu mẫu không đúng định dạng.");
            }
        }

        throw new RequestRejectedException(StatusCodes.Status415UnsupportedMediaType, "body",
            en ? "Send the proposal as multipart/form-data or application/json." : "Vui lòng gửi đề án dưới dạng multipart/form-data hoặc application/json.");
    }

    private static async Task<ProposalForm> ReadJsonAsync(HttpRequest request, bool en, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxJsonBytes)
        {
            throw TooLarge("body", en);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxJsonBytes)
            {
                throw TooLarge("body", en);
            }

            buffer.Write(chunk, 0, read);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.ToArray());
        }
        catch (JsonException)
        {
            throw new RequestRejectedException(StatusCodes.Status400BadRequest, "body", en ? "The body is not valid JSON." : "Nội dung gửi lên không phải JSON hợp lệ.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new RequestRejectedException(StatusCodes.Status400BadRequest, "body", en ? "The body must be a JSON object." : "Nội dung gửi lên phải là một đối tượng JSON.");
            }

            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.Null => null,
                    // The two list fields (beneficiaries of a đề án nhóm, priority codes) are arrays; the validator reads them.
                    JsonValueKind.Array when property.Name is ProposalFields.Beneficiaries or ProposalFields.Priorities => property.Value.GetRawText(),
                    _ => throw new RequestRejectedException(StatusCodes.Status400BadRequest, property.Name,
                        en ? "This field must be text or a number." : "Trường này phải là chữ hoặc số."),
                };
            }

            return ProposalForm.FromFields(name => fields.GetValueOrDefault(name));
        }
    }

    private async Task<ProposalRequestContent> ReadMultipartAsync(HttpRequest request, string boundary, string proposalId, bool en, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var (fields, files) = await ReadPartsAsync(request.Body, boundary, proposalId, en, limits.MaxFiles, limits.MaxProposalBytes, deleteOnFailure: false, cancellationToken);
        return new ProposalRequestContent(ProposalForm.FromFields(n => fields.TryGetValue(n, out var v) ? v[^1] : null), AttachmentDocumentMarks.Apply(files, fields, en));
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
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            && mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            && HeaderUtilities.RemoveQuotes(mediaType.Boundary) is { Length: > 0 and <= 200 } boundary)
        {
            try
            {
                var (fields, files) = await ReadPartsAsync(request.Body, boundary.Value!, proposalId, en, Math.Max(0, maxFiles), Math.Max(0, maxBytes), deleteOnFailure: true, cancellationToken);
                return new LinkFormContent(fields.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value, StringComparer.Ordinal), files);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or BadHttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                throw new RequestRejectedException(StatusCodes.Status400BadRequest, "body", en ? "The form data is malformed." : "Dữ liệu biểu mẫu không đúng định dạng.");
            }
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return new LinkFormContent(form.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value.Select(v => v ?? string.Empty).ToList(), StringComparer.Ordinal), []);
        }

        throw new RequestRejectedException(StatusCodes.Status415UnsupportedMediaType, "body",
            en ? "Send the form as multipart/form-data." : "Vui lòng gửi biểu mẫu dưới dạng multipart/form-data.");
    }

    private async Task<(Dictionary<string, List<string>> Fields, List<IncomingAttachment> Files)> ReadPartsAsync(
        Stream body, string boundary, string proposalId, bool en, int maxFiles, long maxBytes, bool deleteOnFailure, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var files = new List<IncomingAttachment>();
        var pending = new List<string>();
        long total = 0;
        var reader = new MultipartReader(boundary, body) { HeadersLengthLimit = 16 * 1024 };
        try
        {
            while (await ReadSectionAsync(reader, en, cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    throw new RequestRejectedException(StatusCodes.Status400BadRequest, "body", en ? "A part of the form is malformed." : "Một phần của biểu mẫu không đúng định dạng.");
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                if (!disposition.IsFileDisposition())
                {
                    if (!fields.TryGetValue(name, out var values))
                    {
                        fields[name] = values = [];
                    }

                    values.Add(await ReadTextAsync(section.Body, name, en, cancellationToken));
                    continue;
                }

                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                if (string.IsNullOrEmpty(fileName) && name == AttachmentsField)
                {
                    // An empty file input: browsers send a part with no name and no content.
                    await section.Body.CopyToAsync(Stream.Null, cancellationToken);
                    continue;
                }

                if (name != AttachmentsField)
                {
                    throw new RequestRejectedException(StatusCodes.Status400BadRequest, name, en ? "Files must be sent as 'attachments'." : "Tệp phải được gửi trong mục 'attachments'.");
                }

                if (files.Count >= maxFiles)
                {
                    throw new RequestRejectedException(StatusCodes.Status400BadRequest, AttachmentsField,
                        en ? $"At most {limits.MaxFiles} files can be attached." : $"Chỉ được đính kèm tối đa {limits.MaxFiles} tệp.");
                }

                if (!AttachmentRules.TrySanitizeFileName(fileName, out var safeName))
                {
                    throw new RequestRejectedException(StatusCodes.Status400BadRequest, AttachmentsField,
                        en ? "A file name is not valid." : "Tên tệp không hợp lệ.");
                }

                var file = await StoreFileAsync(section.Body, proposalId, safeName, limits.MaxFileBytes, maxBytes - total, en, pending, cancellationToken);
                total += file.Size;
                files.Add(file);
            }

            return (fields, files);
        }
        catch when (deleteOnFailure)
        {
            foreach (var id in pending)
            {
                await attachments.DeleteAsync(proposalId, id, CancellationToken.None);
            }

            throw;
        }
    }

    private async Task<IncomingAttachment> StoreFileAsync(Stream body, string proposalId, string fileName, long maxFile, long remaining, bool en, List<string> storedIds, CancellationToken cancellationToken)
    {
        var head = new byte[AttachmentRules.SignatureLength];
        var headLength = 0;
        int read;
        while (headLength < head.Length && (read = await body.ReadAsync(head.AsMemory(headLength), cancellationToken)) > 0)
        {
            headLength += read;
        }

        if (headLength == 0)
        {
            throw new RequestRejectedException(StatusCodes.Status400BadRequest, AttachmentsField,
                en ? $"The file '{fileName}' is empty." : $"Tệp '{fileName}' không có nội dung.");
        }

        var kind = AttachmentRules.Detect(head.AsSpan(0, headLength))
            ?? throw new RequestRejectedException(StatusCodes.Status415UnsupportedMediaType, AttachmentsField,
                AttachmentRefusals.Message(AttachmentRules.IsOleCompound(head.AsSpan(0, headLength)) ? OfficeRefusal.EmbeddedObjects : OfficeRefusal.UnknownType, fileName, Lang(en)));

        var id = Guid.CreateVersion7().ToString("N");
        storedIds.Add(id);
        var limit = Math.Min(maxFile, remaining);
        var tooLarge = maxFile <= remaining
            ? (en ? $"The file '{fileName}' is larger than {FileSize(maxFile, en)}." : $"Tệp '{fileName}' lớn hơn {FileSize(maxFile, en)}.")
            : (en ? "The attachments together are larger than allowed." : "Tổng dung lượng các tệp đính kèm vượt quá giới hạn.");
        var content = new LimitedStream(head, headLength, body, limit, () => new RequestRejectedException(StatusCodes.Status413PayloadTooLarge, AttachmentsField, tooLarge));
        // A Word or Excel document is told apart once stored (its ZIP directory is at the end): until then its blob is named
        // as the sender's extension suggests. The record's name (what is served) always follows the inspected content.
        var provisional = kind != AttachmentKind.OfficeZip ? kind
            : fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? AttachmentKind.Xlsx : AttachmentKind.Docx;
        var stored = await attachments.UploadAsync(proposalId, id, content, AttachmentRules.ContentType(kind), AttachmentRules.StoredFileName(fileName, provisional), cancellationToken);

        if (kind == AttachmentKind.OfficeZip)
        {
            var inspection = await InspectOfficeAsync(proposalId, id, cancellationToken);
            if (!inspection.IsAccepted)
            {
                throw new RequestRejectedException(StatusCodes.Status415UnsupportedMediaType, AttachmentsField, AttachmentRefusals.Message(inspection.Refusal, fileName, Lang(en)));
            }

            kind = inspection.Kind!.Value;
        }

        return new IncomingAttachment(id, AttachmentRules.StoredFileName(fileName, kind), kind, stored.Size, stored.Sha256, time.GetUtcNow());
    }

    private async Task<OfficeInspection> InspectOfficeAsync(string proposalId, string attachmentId, CancellationToken cancellationToken)
    {
        await using var stream = await attachments.OpenReadAsync(proposalId, attachmentId, cancellationToken);
        return OfficeDocumentInspection.Inspect(stream);
    }

    private static async Task<MultipartSection?> ReadSectionAsync(MultipartReader reader, bool en, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            throw new RequestRejectedException(StatusCodes.Status400BadRequest, "body", en ? "The form data is malformed." : "Dữ liệu biểu mẫu không đúng định dạng.");
        }
    }

    private static async Task<string> ReadTextAsync(Stream body, string name, bool en, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxFieldBytes)
            {
                throw TooLarge(name, en);
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// A size limit as users read it: "20 MB", "1.5 MB" ("1,5 MB" in Vietnamese), "64 KB", "900 bytes"; rounded down, so a
    /// file over the limit is never "larger than" a figure above the limit, and limits under 1 MB never read "0 MB".
    /// </summary>
    private static string FileSize(long bytes, bool en)
    {
        const long Kilobyte = 1024;
        const long Megabyte = 1024 * Kilobyte;
        var (value, unit) = bytes >= Megabyte ? (Math.Floor(bytes * 10m / Megabyte) / 10m, "MB")
            : bytes >= Kilobyte ? (Math.Floor(bytes * 10m / Kilobyte) / 10m, "KB")
            : (bytes, en ? "bytes" : "byte");
        var text = value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        return $"{(en ? text : text.Replace('.', ','))} {unit}";
    }

    private static Language Lang(bool en) => en ? Language.English : Language.Vietnamese;

    private static RequestRejectedException TooLarge(string field, bool en) =>
        new(StatusCodes.Status413PayloadTooLarge, field, en ? "This field is too large." : "Nội dung của mục này quá lớn.");

    /// <summary>The bytes already read, then the rest of the part, failing once more than the limit has passed.</summary>
    private sealed class LimitedStream(byte[] head, int headLength, Stream rest, long limit, Func<Exception> tooLarge) : Stream
    {
        private int headPosition;
        private long total;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => total; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int read;
            if (headPosition < headLength)
            {
                read = Math.Min(buffer.Length, headLength - headPosition);
                head.AsMemory(headPosition, read).CopyTo(buffer);
                headPosition += read;
            }
            else
            {
                read = await rest.ReadAsync(buffer, cancellationToken);
            }

            total += read;
            return total > limit ? throw tooLarge() : read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
