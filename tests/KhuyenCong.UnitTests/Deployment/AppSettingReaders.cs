using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using KhuyenCong.Infrastructure.Email;

namespace KhuyenCong.UnitTests.Deployment;

/// <summary>One setting an options class binds: <c>Section__Property</c>.</summary>
internal sealed record OptionsSetting(string Name, Type OptionsType, bool IsRequired, bool IsLeaf)
{
    /// <summary>True when <paramref name="setting"/> is this property, or a key inside it when the property is an object or a collection.</summary>
    public bool Binds(string setting) =>
        string.Equals(setting, Name, StringComparison.OrdinalIgnoreCase)
        || (!IsLeaf && setting.StartsWith(Name + "__", StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Who reads which setting in the app: the options classes (a type with <c>public const string SectionName</c>,
/// bound with <c>AddOptions&lt;T&gt;().BindConfiguration(SectionName)</c>) of KhuyenCong.Infrastructure and
/// KhuyenCong.Application, and the <c>%Name%</c> binding expressions of host.json and of the function triggers.
/// </summary>
internal static partial class AppSettingReaders
{
    public static IReadOnlyList<Assembly> OptionsAssemblies { get; } =
    [
        typeof(SendGridOptions).Assembly,
        typeof(KhuyenCong.Application.DependencyInjection).Assembly,
    ];

    /// <summary>Every bindable property of every options class, as the environment-variable name that sets it.</summary>
    public static IReadOnlyList<OptionsSetting> OptionsSettings() =>
        OptionsAssemblies
            .SelectMany(a => a.GetTypes()) // internal options classes count too: binding does not need them public
            .Select(t => (Type: t, Section: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Section is { IsLiteral: true } && x.Section.FieldType == typeof(string))
            .SelectMany(x =>
            {
                var section = ((string)x.Section!.GetRawConstantValue()!).Replace(":", "__", StringComparison.Ordinal);
                return x.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
                    .Select(p => new OptionsSetting(
                        $"{section}__{p.Name}", x.Type, p.IsDefined(typeof(RequiredAttribute), inherit: true), IsLeaf(p.PropertyType)));
            })
            .ToList();

    /// <summary>Names in <c>%Name%</c> binding expressions of host.json and of src/Functions (trigger attributes such as timer schedules).</summary>
    public static IReadOnlySet<string> BindingExpressionNames()
    {
        var functionsSources = Directory.EnumerateFiles(BuildPaths.InRepo("src", "Functions"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        return functionsSources.Append(BuildPaths.InRepo("host.json"))
            .SelectMany(f => BindingExpression().Matches(File.ReadAllText(f)))
            .Select(m => m.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsLeaf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Uri)
            || type == typeof(TimeSpan) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid)
            || type == typeof(DateOnly) || type == typeof(TimeOnly);
    }

    [GeneratedRegex(@"""%([A-Za-z][A-Za-z0-9_:]*)%""")]
    private static partial Regex BindingExpression();
}
