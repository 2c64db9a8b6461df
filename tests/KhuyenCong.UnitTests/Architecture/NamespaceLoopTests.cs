using System.Text.RegularExpressions;
using KhuyenCong.UnitTests.Deployment;

namespace KhuyenCong.UnitTests.Architecture;

/// <summary>
/// Namespaces import one another one way (issue 12): a loop (A imports B, B imports A, possibly through others) means
/// two folders that cannot be understood apart. The graph is read from the sources' <c>namespace</c> and
/// <c>using KhuyenCong…;</c> lines; a loop is a strongly connected component of more than one namespace.
/// </summary>
public sealed partial class NamespaceLoopTests
{
    [Theory]
    [InlineData("src/Functions")]
    [InlineData("src/KhuyenCong.Web")]
    [InlineData("src/LocalHost")]
    [InlineData("src/KhuyenCong.Infrastructure")]
    [InlineData("src/KhuyenCong.Application")]
    [InlineData("src/KhuyenCong.Domain")]
    public void Project_NamespaceImports_FormNoLoop(string project)
    {
        var loops = Loops(Imports(BuildPaths.InRepo(project.Split('/'))));

        Assert.True(loops.Count == 0, "Namespace import loops:\n" + string.Join("\n", loops.Select(l => string.Join(" ↔ ", l))));
    }

    [Fact]
    public void Loops_OfAGraphWithACycleThroughThree_FindsTheThree()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A", "D"], ["D"] = [],
        };

        var loop = Assert.Single(Loops(graph));

        Assert.Equal(["A", "B", "C"], loop);
    }

    [Fact]
    public void Loops_OfAGraphWithoutCycle_IsEmpty() =>
        Assert.Empty(Loops(new Dictionary<string, HashSet<string>> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = [] }));

    private static Dictionary<string, HashSet<string>> Imports(string folder)
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            if (NamespaceLine().Match(text) is not { Success: true } ns)
            {
                continue;
            }

            var from = ns.Groups[1].Value;
            var edges = graph.TryGetValue(from, out var set) ? set : graph[from] = [];
            edges.UnionWith(UsingLine().Matches(text).Select(m => m.Groups[1].Value).Where(to => to != from));
        }

        return graph;
    }

    /// <summary>The strongly connected components with more than one namespace (Tarjan), each sorted.</summary>
    private static List<List<string>> Loops(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var loops = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string popped;
                do
                {
                    popped = stack.Pop();
                    component.Add(popped);
                }
                while (popped != node);

                if (component.Count > 1)
                {
                    loops.Add([.. component.Order(StringComparer.Ordinal)]);
                }
            }
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return loops;
    }

    [GeneratedRegex(@"^namespace ([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^using (KhuyenCong[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex UsingLine();
}
