using System.Reflection;
using KhuyenCong.Application.Telemetry;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.UnitTests.Architecture;

/// <summary>Every <c>[LoggerMessage]</c> of the solution has its own event id, in the block of its area (<see cref="LogEventIds"/>).</summary>
public sealed class LogEventIdTests
{
    private static readonly Assembly[] Solution =
    [
        typeof(KhuyenCong.Domain.Proposals.ProposalStatus).Assembly,
        typeof(LogEventIds).Assembly,
        typeof(KhuyenCong.Infrastructure.Storage.ConditionalWrites).Assembly,
        typeof(KhuyenCong.Functions.Workflow.ProposalWorkflow).Assembly,
        typeof(KhuyenCong.Web.Problems.ProblemBuilder).Assembly,
        typeof(KhuyenCong.LocalHost.Hosting.LocalHostApplication).Assembly,
    ];

    private static List<(string Method, string? Namespace, int Id)> Messages() =>
        [.. Solution.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => ($"{x.Method.DeclaringType!.FullName}.{x.Method.Name}", x.Method.DeclaringType!.Namespace, x.Attribute!.EventId))];

    [Fact]
    public void LoggerMessages_OfTheSolution_AreFound()
    {
        var messages = Messages();

        Assert.True(messages.Count >= 50, $"only {messages.Count} [LoggerMessage] methods found");
        Assert.Contains(messages, m => m.Namespace!.StartsWith("KhuyenCong.LocalHost", StringComparison.Ordinal));
    }

    [Fact]
    public void LoggerMessages_EventIds_AreUnique()
    {
        var reused = Messages().GroupBy(m => m.Id).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}").ToList();

        Assert.True(reused.Count == 0, "Event ids used twice:\n" + string.Join("\n", reused));
    }

    [Fact]
    public void LoggerMessages_EventIds_LieInTheBlockOfTheirArea()
    {
        var misplaced = Messages()
            .Select(m => (m.Method, m.Id, Area: LogEventIds.AreaOf(m.Namespace)))
            .Where(m => m.Area is null || !m.Area.Contains(m.Id))
            .Select(m => $"{m.Method} ({m.Id}): " + (m.Area is null ? "no area claims its namespace" : $"outside {m.Area.Name} {m.Area.First}-{m.Area.Last}"))
            .ToList();

        Assert.True(misplaced.Count == 0, string.Join("\n", misplaced));
    }

    [Fact]
    public void Areas_Blocks_DoNotOverlap()
    {
        var areas = LogEventIds.Areas.OrderBy(a => a.First).ToList();

        Assert.All(areas, a => Assert.True(a.First <= a.Last, a.Name));
        Assert.All(areas.Zip(areas.Skip(1)), pair => Assert.True(pair.First.Last < pair.Second.First, $"{pair.First.Name} overlaps {pair.Second.Name}"));
    }

    [Theory]
    [InlineData("KhuyenCong.Functions.Workflow", 2000)]
    [InlineData("KhuyenCong.Application.Exchange", 2400)]
    [InlineData("KhuyenCong.Infrastructure.Geography", 4200)]
    [InlineData("KhuyenCong.LocalHost.Durable", 1)]
    [InlineData("KhuyenCong.Web.Components", 3000)]
    public void AreaOf_Namespace_IsTheAreaThatClaimsIt(string ns, int first)
    {
        Assert.Equal(first, LogEventIds.AreaOf(ns)?.First);
    }

    [Fact]
    public void AreaOf_NamespaceNoAreaClaims_IsNull()
    {
        Assert.Null(LogEventIds.AreaOf("KhuyenCong.Infrastructure.Storage"));
    }
}
