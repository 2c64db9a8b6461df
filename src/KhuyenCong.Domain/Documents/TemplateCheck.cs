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
    /// <summary>The message for the admin, in <paramref name="language"/>.</summary>
    public string Message(Language language)
    {
        var en = language == Language.English;
        return Kind switch
        {
            TemplateProblemKind.NotDocx => en
                ? "The template must be a Word document (.docx) that Word can open."
                : "Mẫu phải là tài liệu Word (.docx) mở được bằng Word.",
            TemplateProblemKind.ActiveContent => en
                ? $"The template contains {Subject}, which is not accepted: save it as a plain Word document (.docx)."
                : $"Mẫu có chứa {Subject} nên không được chấp nhận: vui lòng lưu lại thành tài liệu Word thông thường (.docx).",
            TemplateProblemKind.TooLarge => en
                ? $"The template is larger than {Subject}."
                : $"Mẫu lớn hơn {Subject}.",
            TemplateProblemKind.Malformed => en
                ? $"\"{Subject}\" is not a valid placeholder: write {{{{name}}}}, {{{{#rows}}}} or {{{{/rows}}}} with a name from the list."
                : $"\"{Subject}\" không phải là trường hợp lệ: trường được viết dạng {{{{tên}}}}, {{{{#bảng}}}} hoặc {{{{/bảng}}}} với tên trong danh sách.",
            TemplateProblemKind.Unknown => en
                ? $"The placeholder {Subject} is not one of this document's placeholders."
                : $"Trường {Subject} không thuộc danh sách trường của loại văn bản này.",
            TemplateProblemKind.Missing => en
                ? $"The template lacks the required placeholder {Subject}."
                : $"Mẫu thiếu trường bắt buộc {Subject}.",
            _ => en
                ? $"The placeholder {Subject} is misplaced: a block {{{{#name}}}} … {{{{/name}}}} must open and close on rows of one table, and its fields {{{{name.field}}}} stay inside it."
                : $"Trường {Subject} đặt sai chỗ: khối {{{{#tên}}}} … {{{{/tên}}}} phải mở và đóng trên các hàng của cùng một bảng, và các trường {{{{tên.mục}}}} phải nằm trong khối đó.",
        };
    }
}

/// <summary>A tag found in a template and the repeating block (by name) it sits in, if any.</summary>
public sealed record LocatedTag(TemplateTag Tag, string? Block);

/// <summary>
/// Checks the tags found in a template against a kind's placeholders: every tag known and in its place, every required
/// placeholder present. The container checks (a Word document, no macros) and the block structure (on table rows) are
/// the reader's: it passes the blocks it found and any problem of its own.
/// </summary>
public static class TemplateCheck
{
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
