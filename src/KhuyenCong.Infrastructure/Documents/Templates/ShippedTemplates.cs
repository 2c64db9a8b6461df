using System.Collections.Concurrent;
using KhuyenCong.Application.Documents;

namespace KhuyenCong.Infrastructure.Documents.Templates;

/// <summary>A template that ships with the application, written in code (docs/documents.md, "Mẫu có sẵn").</summary>
public interface IShippedTemplate
{
    /// <summary>The kind's code: "receipt".</summary>
    string Kind { get; }

    /// <summary>The template as a .docx.</summary>
    byte[] Build();
}

/// <summary>The shipped templates, each written once on first use and kept.</summary>
public sealed class ShippedTemplates(IEnumerable<IShippedTemplate> templates) : IShippedTemplates
{
    private readonly IReadOnlyDictionary<string, IShippedTemplate> byKind = templates.ToDictionary(t => t.Kind, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> built = new(StringComparer.Ordinal);

    public byte[]? Get(string kind) =>
        byKind.TryGetValue(kind, out var template) ? built.GetOrAdd(kind, _ => new Lazy<byte[]>(template.Build)).Value : null;
}
