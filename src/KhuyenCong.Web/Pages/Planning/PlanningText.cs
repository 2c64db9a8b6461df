using System.Globalization;
using KhuyenCong.Domain.Programmes;

namespace KhuyenCong.Web.Pages.Planning;

/// <summary>Values the planning pages show.</summary>
internal static class PlanningText
{
    /// <summary>"2021–2025".</summary>
    public static string Period(Programme programme) =>
        programme.FromYear.ToString(CultureInfo.InvariantCulture) + "–" + programme.ToYear.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The planning pages' script: sends the form with id staff-form to the staff API as JSON.</summary>
internal static class PlanningScripts
{
    public static IReadOnlyList<string> All { get; } = ["planning.js"];
}
