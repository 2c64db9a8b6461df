namespace KhuyenCong.Web.Components.Charts;

/// <summary>One bar of a <see cref="BarChart"/>: its label and value.</summary>
public sealed record ChartBar(string Label, long Value);

/// <summary>One group of a <see cref="GroupedBarChart"/>: its label and one value per series.</summary>
public sealed record ChartGroup(string Label, IReadOnlyList<long> Values);

/// <summary>The geometry the charts share: colours, bar lengths, shortened labels.</summary>
internal static class ChartGeometry
{
    /// <summary>The series' colours, in order (contrast with white above 3:1).</summary>
    public static readonly IReadOnlyList<string> Palette = ["#1f5fa8", "#e08a1e", "#2e8b57", "#8e44ad", "#c0392b", "#16a085"];

    public static string Colour(int series) => Palette[series % Palette.Count];

    /// <summary>The length of a bar of <paramref name="value"/> when <paramref name="max"/> fills <paramref name="span"/> (0 or more).</summary>
    public static int Length(long value, long max, int span) => max <= 0 || value <= 0 ? 0 : (int)Math.Round(span * (double)value / max);

    /// <summary>The drawn width: a value above zero is never invisible.</summary>
    public static int Drawn(int length, long value) => Math.Max(length, value > 0 ? 1 : 0);

    /// <summary>The text cut to <paramref name="max"/> characters with "…".</summary>
    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
