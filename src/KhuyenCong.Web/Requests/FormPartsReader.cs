using System.Security.Cryptography;
using System.Text;
using KhuyenCong.Application.Attachments;
using KhuyenCong.Application.Options;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Attachments;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KhuyenCong.Web.Requests;

/// <summary>The fields (every value of each) and the files (already in storage) of a multipart form.</summary>
public sealed record FormParts(Dictionary<string, List<string>> Fields, List<IncomingAttachment> Files);

/// <summary>
/// Reads a <c>multipart/form-data</c> body part by part, within <see cref="IntakeOptions"/>: at most
/// <see cref="IntakeOptions.MaxFormParts"/> parts and <see cref="IntakeOptions.MaxFormFieldBytes"/> bytes of fields (unknown
/// fields count too), each field at most 64 KB; files only in parts named <c>attachments</c>, streamed to storage as they
/// arrive, recognised by their first bytes. A problem throws <see cref="RequestRejectedException"/>.
/// </summary>
public sealed class FormPartsReader(IAttachmentStore attachments, IOptions<IntakeOptions> options, TimeProvider time)
{
    public const string AttachmentsField = AttachmentRules.FieldName;

    /// <summary>
    /// The prefix of a file part that says which document of the dossier it is: <c>attachments.du-toan</c> is a file
    /// marked as <c>du-toan</c> (the form's one input per document; the mark is checked by the intake).
    /// </summary>
    public const string DocumentPartPrefix = AttachmentsField + ".";

    private static bool IsFilePart(string name) =>
        name == AttachmentsField || (name.StartsWith(DocumentPartPrefix, StringComparison.Ordinal) && name.Length > DocumentPartPrefix.Length);

    private static string? DocumentOf(string name) => name.StartsWith(DocumentPartPrefix, StringComparison.Ordinal) ? name[DocumentPartPrefix.Length..] : null;
    private const int MaxFieldBytes = 64 * 1024;

    /// <summary>
    /// Reads the form, storing its files under <paramref name="proposalId"/> (at most <paramref name="maxFiles"/> and
    /// <paramref name="maxBytes"/> bytes of them). With <paramref name="deleteOnFailure"/>, a failure removes the files this
    /// call stored. <paramref name="fingerprint"/>, when given, takes every field and file.
    /// </summary>
    public async Task<FormParts> ReadAsync(Stream body, string boundary, string proposalId, bool en, int maxFiles, long maxBytes, bool deleteOnFailure,
        SubmissionFingerprint? fingerprint, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var files = new List<IncomingAttachment>();
        var pending = new List<string>();
        long total = 0;
        try
        {
            await WalkAsync(body, boundary, en, (name, value) =>
            {
                if (!fields.TryGetValue(name, out var values))
                {
                    fields[name] = values = [];
                }

                values.Add(value);
                fingerprint?.AddField(name, value);
            }, async (name, fileName, content) =>
            {
                var safeName = AcceptedFileName(fileName, files.Count, maxFiles, en);
                var file = await StoreFileAsync(content, proposalId, safeName, options.Value.MaxFileBytes, maxBytes - total, en, pending, cancellationToken);
                total += file.Size;
                files.Add(DocumentOf(name) is { } document ? file with { Document = document } : file);
                fingerprint?.AddFile(name, fileName, file.Sha256);
            }, cancellationToken);
            return new FormParts(fields, files);
        }
        catch (Exception ex)
        {
            // A refusal keeps the fields read so far (all of a browser's form when a file is refused: files come last).
            if (ex is RequestRejectedException rejected)
            {
                rejected.FieldsRead ??= fields.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value, StringComparer.Ordinal);
            }

            if (deleteOnFailure)
            {
                await DeleteStoredAsync(proposalId, pending);
            }

            throw;
        }
    }

    /// <summary>The file's sanitised name, if one more file may be attached and its name is valid; else a 400 refusal.</summary>
    private string AcceptedFileName(string fileName, int filesSoFar, int maxFiles, bool en)
    {
        if (filesSoFar >= maxFiles)
        {
            throw new RequestRejectedException(StatusCodes.Status400BadRequest, AttachmentsField,
                en ? $"At most {options.Value.MaxFiles} files can be attached." : $"Chỉ được đính kèm tối đa {options.Value.MaxFiles} tệp.");
        }

        if (!AttachmentRules.TrySanitizeFileName(fileName, out var safeName))
        {
            throw new RequestRejectedException(StatusCodes.Status400BadRequest, AttachmentsField, en ? "A file name is not valid." : "Tên tệp không hợp lệ.");
        }

        return safeName;
    }

    /// <summary>Removes the files this read stored (after a failure; not cancellable, so nothing is left behind).</summary>
    private async Task DeleteStoredAsync(string proposalId, List<string> stored)
    {
        foreach (var id in stored)
        {
            await attachments.DeleteAsync(proposalId, id, CancellationToken.None);
        }
    }

    /// <summary>The fingerprint of a form without storing anything (its files are hashed as they pass, within the same limits).</summary>
    public async Task<string> FingerprintAsync(Stream body, string boundary, bool en, CancellationToken cancellationToken)
    {
        using var fingerprint = new SubmissionFingerprint("multipart");
        var limits = options.Value;
        long total = 0;
        await WalkAsync(body, boundary, en, fingerprint.AddField, async (name, fileName, content) =>
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > limits.MaxProposalBytes)
                {
                    throw new RequestRejectedException(StatusCodes.Status413PayloadTooLarge, AttachmentsField,
                        en ? "The attachments together are larger than allowed." : "Tổng dung lượng các tệp đính kèm vượt quá giới hạn.");
                }

                hash.AppendData(buffer, 0, read);
            }

            fingerprint.AddFile(name, fileName, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }, cancellationToken);
        return fingerprint.Finish();
    }

    /// <summary>Every part in order: fields to <paramref name="onField"/> (within the caps), files to <paramref name="onFile"/>.</summary>
    private async Task WalkAsync(Stream body, string boundary, bool en, Action<string, string> onField, Func<string, string, Stream, Task> onFile, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var reader = new MultipartReader(boundary, body) { HeadersLengthLimit = 16 * 1024, HeadersCountLimit = 16 };
        var parts = 0;
        long fieldBytes = 0;
        while (await ReadSectionAsync(reader, en, cancellationToken) is { } section)
        {
            if (++parts > limits.MaxFormParts)
            {
                throw new RequestRejectedException(StatusCodes.Status413PayloadTooLarge, "body",
                    en ? $"The form has more than {limits.MaxFormParts} parts." : $"Biểu mẫu có quá {limits.MaxFormParts} mục.");
            }

            var disposition = Disposition(section, en);
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
            if (!disposition.IsFileDisposition())
            {
                var value = await ReadFieldAsync(section, name, limits.MaxFormFieldBytes - fieldBytes, en, cancellationToken);
                fieldBytes += Encoding.UTF8.GetByteCount(value);
                onField(name, value);
                continue;
            }

            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            if (string.IsNullOrEmpty(fileName) && IsFilePart(name))
            {
                // An empty file input: browsers send a part with no name and no content.
                await section.Body.CopyToAsync(Stream.Null, cancellationToken);
                continue;
            }

            await onFile(IsFilePart(name) ? name : throw new RequestRejectedException(StatusCodes.Status400BadRequest, name,
                en ? "Files must be sent as 'attachments'." : "Tệp phải được gửi trong mục 'attachments'."), fileName ?? string.Empty, section.Body);
        }
    }

    /// <summary>The part's <c>form-data</c> disposition; 400 for a part without one.</summary>
    private static ContentDispositionHeaderValue Disposition(MultipartSection section, bool en) =>
        ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
            ? disposition
            : throw new RequestRejectedException(StatusCodes.Status400BadRequest, "body", en ? "A part of the form is malformed." : "Một phần của biểu mẫu không đúng định dạng.");

    /// <summary>A text field within its own limit and the <paramref name="room"/> left for the form's fields together (413 over either).</summary>
    private Task<string> ReadFieldAsync(MultipartSection section, string name, long room, bool en, CancellationToken cancellationToken)
    {
        var total = options.Value.MaxFormFieldBytes / 1024;
        return ReadTextAsync(section.Body, Math.Min(MaxFieldBytes, room), cancellationToken, () => room < MaxFieldBytes
            ? new RequestRejectedException(StatusCodes.Status413PayloadTooLarge, "body", en
                ? $"The form's fields together are larger than {total} KB."
                : $"Các mục của biểu mẫu cộng lại lớn hơn {total} KB.")
            : ProposalRequestReader.TooLarge(name, en));
    }

    private async Task<IncomingAttachment> StoreFileAsync(Stream body, string proposalId, string fileName, long maxFile, long remaining, bool en, List<string> storedIds, CancellationToken cancellationToken)
    {
        var (head, headLength) = await ReadHeadAsync(body, fileName, en, cancellationToken);
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
            kind = inspection.IsAccepted ? inspection.Kind!.Value
                : throw new RequestRejectedException(StatusCodes.Status415UnsupportedMediaType, AttachmentsField, AttachmentRefusals.Message(inspection.Refusal, fileName, Lang(en)));
        }

        return new IncomingAttachment(id, AttachmentRules.StoredFileName(fileName, kind), kind, stored.Size, stored.Sha256, time.GetUtcNow());
    }

    /// <summary>The file's first bytes, enough to tell its kind by its signature; 400 for an empty file.</summary>
    private static async Task<(byte[] Head, int Length)> ReadHeadAsync(Stream body, string fileName, bool en, CancellationToken cancellationToken)
    {
        var head = new byte[AttachmentRules.SignatureLength];
        var headLength = 0;
        int read;
        while (headLength < head.Length && (read = await body.ReadAsync(head.AsMemory(headLength), cancellationToken)) > 0)
        {
            headLength += read;
        }

        return headLength > 0 ? (head, headLength) : throw new RequestRejectedException(StatusCodes.Status400BadRequest, AttachmentsField,
            en ? $"The file '{fileName}' is empty." : $"Tệp '{fileName}' không có nội dung.");
    }

    private async Task<OfficeInspection> InspectOfficeAsync(string proposalId, string attachmentId, CancellationToken cancellationToken)
    {
        await using var stream = await attachments.OpenReadAsync(proposalId, attachmentId, cancellationToken);
        return OfficeDocumentInspection.Inspect(stream);
    }

    private static KhuyenCong.Domain.Text.Language Lang(bool en) => en ? KhuyenCong.Domain.Text.Language.English : KhuyenCong.Domain.Text.Language.Vietnamese;

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

    private static async Task<string> ReadTextAsync(Stream body, long maxBytes, CancellationToken cancellationToken, Func<Exception> tooLarge)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw tooLarge();
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
}
