using KhuyenCong.Application.Documents;
using KhuyenCong.UnitTests.Deployment;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.UnitTests.Documents;

/// <summary>docs/documents.md lists every kind and every placeholder the code declares, so the guide never falls behind.</summary>
public sealed class DocumentsDocTests : IDisposable
{
    private readonly ServiceProvider services = DocumentsTestServices.Create();

    public void Dispose() => services.Dispose();

    [Fact]
    public void DocumentsGuide_ListsEveryKindAndEveryPlaceholder()
    {
        var guide = File.ReadAllText(BuildPaths.InRepo("docs", "documents.md"));
        var missing = new List<string>();
        foreach (var kind in services.GetRequiredService<DocumentCatalog>().All)
        {
            var set = DocumentCatalog.PlaceholdersOf(kind);
            var names = set.Values.Select(v => "{{" + v.Name + "}}")
                .Concat(set.Rows.Select(r => "{{#" + r.Name + "}}"))
                .Concat(set.Rows.SelectMany(r => r.Fields.Select(f => "{{" + r.FieldName(f.Name) + "}}")))
                .Append("`" + kind.Info.Code + "`");
            missing.AddRange(names.Where(n => !guide.Contains(n, StringComparison.Ordinal)).Select(n => kind.Info.Code + ": " + n));
        }

        Assert.True(missing.Count == 0, "docs/documents.md does not mention: " + string.Join(", ", missing.Distinct()));
    }
}
