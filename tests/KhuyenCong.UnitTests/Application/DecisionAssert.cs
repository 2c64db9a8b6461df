using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Application;

/// <summary>Assertions on a use case's <see cref="Decision{T}"/>.</summary>
internal static class DecisionAssert
{
    public static T Done<T>(Decision<T> decision)
    {
        Assert.True(decision.IsDone, $"Expected done, got {decision.Kind}: {decision.Reason?.English}{Describe(decision.Errors)}");
        return decision.Value!;
    }

    /// <summary>Invalid, naming exactly <paramref name="field"/>, with <paramref name="message"/> in both languages.</summary>
    public static void Invalid<T>(Decision<T> decision, string field, Bilingual message)
    {
        Assert.Equal(DecisionKind.Invalid, decision.Kind);
        Assert.Equal([field], decision.Errors!.Fields);
        Assert.Equal([message.Vietnamese], decision.Errors.In(Language.Vietnamese)[field]);
        Assert.Equal([message.English], decision.Errors.In(Language.English)[field]);
    }

    /// <summary>Invalid, naming exactly <paramref name="fields"/>.</summary>
    public static BilingualErrors InvalidFields<T>(Decision<T> decision, params string[] fields)
    {
        Assert.Equal(DecisionKind.Invalid, decision.Kind);
        Assert.Equal(fields.Order(StringComparer.Ordinal), decision.Errors!.Fields.Order(StringComparer.Ordinal));
        return decision.Errors;
    }

    public static Bilingual Conflict<T>(Decision<T> decision)
    {
        Assert.Equal(DecisionKind.Conflict, decision.Kind);
        return decision.Reason!;
    }

    public static Bilingual NotFound<T>(Decision<T> decision)
    {
        Assert.Equal(DecisionKind.NotFound, decision.Kind);
        return decision.Reason!;
    }

    private static string Describe(BilingualErrors? errors) =>
        errors is null ? string.Empty : " " + string.Join("; ", errors.In(Language.English).Select(e => e.Key + ": " + string.Join(", ", e.Value)));
}
