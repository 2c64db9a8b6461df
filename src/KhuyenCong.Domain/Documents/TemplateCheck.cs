using KhuyenCong.Domain.Attachments;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Domain.Documents;

public enum TemplateProblemKind
{
    /// <summary>Not a Word document (.docx), or a damaged one.</summary>
    NotDocx,

    /// <summary>Macros, ActiveX controls or embedded OLE objects, or a macro-enabled or template document type.</summary>
    ActiveContent,

    /// <summary>Larger than the limit.</summary>
    TooLarge,

    /// <summary>Text starting with <c>{{</c> that is not a placeholder.</summary>
    Malformed,

    /// <summary>A placeholder the kind does not know.</summary>
    Unknown,

    /// <summary>A required placeholder the template lacks.</summary>
    Missing,

    /// <summary>A row field outside its block, or a block that is not on table rows or does not close.</summary>
    Misplaced,
}

/// <summary>Why a template is refused, naming the placeholder (or the file) at fault.</summary>
public sealed record TemplateProblem(TemplateProblemKind Kind, string Subject)
{
    /// <summary>The message for the admin, in both languages.</summary>
    public Bilingual Text => Kind switch
    {
        TemplateProblemKind.NotDocx => new(
            "Mẫu phải là tài liệu Word (.docx) mở được bằng Word.",
            "The template must be a Word document (.docx) that Word can open."),
        TemplateProblemKind.ActiveContent => new(
            $"Mẫu có chứa {Subject} nên không được chấp nhận: vui lòng lưu lại thành tài liệu Word thông thường (.docx).",
            $"The template contains {ActiveContent.English(Subject)}, which is not accepted: save it as a plain Word document (.docx)."),
        TemplateProblemKind.TooLarge => new($"Mẫu lớn hơn {Subject}.", $"The template is larger than {Subject}."),
        TemplateProblemKind.Malformed => new(
            $"\"{Subject}\" không phải là trường hợp lệ: trường được viết dạng {{{{tên}}}}, {{{{#bảng}}}} hoặc {{{{/bảng}}}} với tên trong danh sách.",
            $"\"{Subject}\" is not a valid placeholder: write {{{{name}}}}, {{{{#rows}}}} or {{{{/rows}}}} with a name from the list."),
        TemplateProblemKind.Unknown => new(
            $"Trường {Subject} không thuộc danh sách trường của loại văn bản này.",
            $"The placeholder {Subject} is not one of this document's placeholders."),
        TemplateProblemKind.Missing => new($"Mẫu thiếu trường bắt buộc {Subject}.", $"The template lacks the required placeholder {Subject}."),
        _ => new(
            $"Trường {Subject} đặt sai chỗ: khối {{{{#tên}}}} … {{{{/tên}}}} phải mở và đóng trên các hàng của cùng một bảng, và các trường {{{{tên.mục}}}} phải nằm trong khối đó.",
            $"The placeholder {Subject} is misplaced: a block {{{{#name}}}} … {{{{/name}}}} must open and close on rows of one table, and its fields {{{{name.field}}}} stay inside it."),
    };

    /// <summary>The message for the admin, in <paramref name="language"/>.</summary>
    public string Message(Language language) => Text.In(language);
}

/// <summary>
/// The active content a template is refused for: the subject the API's <c>problems</c> name (in Vietnamese, as stored
/// in <see cref="TemplateProblem.Subject"/>) and its English for the English message.
/// </summary>
public static class ActiveContent
{
    public static readonly Bilingual Macros = new("macro", "macros");

    public static readonly Bilingual EmbeddedObjects = new("đối tượng nhúng (OLE, ActiveX)", "embedded objects (OLE, ActiveX)");

    public static readonly Bilingual ExternalLinks = new("liên kết tới tệp bên ngoài", "links to outside files");

    public static readonly Bilingual WordTemplate = new("kiểu mẫu Word (.dotx) thay vì tài liệu (.docx)", "the Word template type (.dotx) instead of a document (.docx)");

    private static readonly Bilingual[] All = [Macros, EmbeddedObjects, ExternalLinks, WordTemplate];

    public static TemplateProblem Problem(Bilingual what)
    {
        ArgumentNullException.ThrowIfNull(what);
        return new(TemplateProblemKind.ActiveContent, what.Vietnamese);
    }

    internal static string English(string subject) => All.FirstOrDefault(a => a.Vietnamese == subject)?.English ?? subject;
}

/// <summary>A tag found in a template and the repeating block (by name) it sits in, if any.</summary>
public sealed record LocatedTag(TemplateTag Tag, string? Block);

/// <summary>
/// Checks the tags found in a template against a kind's placeholders: every tag known and in its place, every required
/// placeholder present. The container comes first (<see cref="Container"/>: a Word document, no macros or OLE); what
/// only an opened Word package shows (its type, external links) and the block structure (on table rows) are the
/// reader's: it passes the blocks it found and any problem of its own.
/// </summary>
public static class TemplateCheck
{
    /// <summary>
    /// The first gate, the dossier attachments' own (<see cref="OfficeDocumentInspection"/>), so one rule set decides
    /// macros, OLE objects and ActiveX for every file the application takes: a ZIP container (not a PDF, an old .doc or
    /// text), without macros or embedded objects, not a workbook. Null when the file passes: the Word reader then opens
    /// it by its relationships (a main part not named word/document.xml is still read, and checked again).
    /// </summary>
    public static TemplateProblem? Container(ReadOnlyMemory<byte> content)
    {
        if (AttachmentRules.Detect(content.Span[..Math.Min(content.Length, AttachmentRules.SignatureLength)]) != AttachmentKind.OfficeZip)
        {
            return new TemplateProblem(TemplateProblemKind.NotDocx, string.Empty);
        }

        var inspection = OfficeDocumentInspection.InspectFile(content);
        return inspection.Refusal switch
        {
            OfficeRefusal.Macros => ActiveContent.Problem(ActiveContent.Macros),
            OfficeRefusal.EmbeddedObjects => ActiveContent.Problem(ActiveContent.EmbeddedObjects),
            _ when inspection.Kind == AttachmentKind.Xlsx => new TemplateProblem(TemplateProblemKind.NotDocx, string.Empty),
            _ => null,
        };
    }

    public static IReadOnlyList<TemplateProblem> Check(IReadOnlyList<LocatedTag> tags, IReadOnlyList<string> malformed, PlaceholderSet placeholders)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(malformed);
        ArgumentNullException.ThrowIfNull(placeholders);
        var problems = malformed.Distinct(StringComparer.Ordinal).Select(m => new TemplateProblem(TemplateProblemKind.Malformed, m)).ToList();
        foreach (var (tag, block) in tags)
        {
            var problem = tag.Kind == TagKind.Value ? CheckValue(tag, block, placeholders) : CheckBlockTag(tag, placeholders);
            if (problem is not null && !problems.Contains(problem))
            {
                problems.Add(problem);
            }
        }

        var present = tags.Select(t => t.Tag.Name).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(placeholders.Values.Where(v => v.Required && !present.Contains(v.Name))
            .Select(v => new TemplateProblem(TemplateProblemKind.Missing, TemplateTags.Write(TagKind.Value, v.Name))));
        foreach (var rows in placeholders.Rows)
        {
            if (!present.Contains(rows.Name))
            {
                if (rows.Required)
                {
                    problems.Add(new TemplateProblem(TemplateProblemKind.Missing, TemplateTags.Write(TagKind.Open, rows.Name)));
                }

                continue;
            }

            problems.AddRange(rows.Fields.Where(f => f.Required && !present.Contains(rows.FieldName(f.Name)))
                .Select(f => new TemplateProblem(TemplateProblemKind.Missing, TemplateTags.Write(TagKind.Value, rows.FieldName(f.Name)))));
        }

        return problems;
    }

    private static TemplateProblem? CheckValue(TemplateTag tag, string? block, PlaceholderSet placeholders)
    {
        if (placeholders.Value(tag.Name) is not null)
        {
            return null;
        }

        var rows = placeholders.RowsOfField(tag.Name);
        return rows is null ? new TemplateProblem(TemplateProblemKind.Unknown, TemplateTags.Write(TagKind.Value, tag.Name))
            : rows.Name != block ? new TemplateProblem(TemplateProblemKind.Misplaced, TemplateTags.Write(TagKind.Value, tag.Name))
            : null;
    }

    private static TemplateProblem? CheckBlockTag(TemplateTag tag, PlaceholderSet placeholders) =>
        placeholders.RowsNamed(tag.Name) is null ? new TemplateProblem(TemplateProblemKind.Unknown, TemplateTags.Write(tag.Kind, tag.Name)) : null;
}
