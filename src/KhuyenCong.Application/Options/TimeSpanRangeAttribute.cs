using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace KhuyenCong.Application.Options;

/// <summary>
/// A duration setting between two bounds. Used instead of <c>[Range(typeof(TimeSpan), …)]</c>, whose lazy conversion
/// set-up is not thread-safe: options validated at the same moment on several threads (several hosts starting in one
/// process, as the tests do) could fail with an <see cref="InvalidCastException"/>. The bounds are parsed once here.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class TimeSpanRangeAttribute : ValidationAttribute
{
    public TimeSpanRangeAttribute(string minimum, string maximum)
    {
        Minimum = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
        Maximum = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);
    }

    public TimeSpan Minimum { get; }

    public TimeSpan Maximum { get; }

    public override bool IsValid(object? value) => value is not TimeSpan span || (span >= Minimum && span <= Maximum);
}
