using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.LocalHost.Functions;

public enum TriggerKind
{
    Http,
    Timer,
    Orchestration,
    Activity,
}

/// <summary>What an HTTP trigger declares: route (relative to the empty route prefix), methods, auth level.</summary>
public sealed record HttpTriggerInfo(string Route, IReadOnlyList<string> Methods, AuthorizationLevel AuthLevel);

/// <summary>What a timer trigger declares: its NCRONTAB schedule (possibly a %Setting% name) and start-up behaviour.</summary>
public sealed record TimerTriggerInfo(string Schedule, bool RunOnStartup);

/// <summary>One function of the app, as its attributes declare it.</summary>
public sealed record FunctionDescriptor(
    string Name,
    TriggerKind Kind,
    MethodInfo Method,
    ParameterInfo TriggerParameter,
    HttpTriggerInfo? Http,
    TimerTriggerInfo? Timer);

/// <summary>
/// Discovers the functions of an Azure Functions worker assembly from its own attributes (<c>[Function]</c> and the
/// trigger attributes): the same facts the Functions SDK writes to <c>functions.metadata</c>. There is no second,
/// hand-kept list of functions anywhere in LocalHost.
/// </summary>
public static class FunctionCatalog
{
    public static IReadOnlyList<FunctionDescriptor> Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var functions = new List<FunctionDescriptor>();
        foreach (var type in assembly.GetTypes().Where(t => t.IsClass && (t.IsPublic || t.IsNestedPublic)))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                var function = method.GetCustomAttribute<FunctionAttribute>();
                if (function is null)
                {
                    continue;
                }

                functions.Add(Describe(function.Name, method));
            }
        }

        var duplicates = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new InvalidOperationException($"Function names must be unique: {string.Join(", ", duplicates)}.");
        }

        return functions.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    private static FunctionDescriptor Describe(string name, MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } http)
            {
                var methods = (http.Methods is { Length: > 0 } m ? m : ["get", "post", "put", "delete", "patch", "head", "options"])
                    .Select(x => x.ToLowerInvariant()).ToList();
                var route = string.IsNullOrEmpty(http.Route) ? name : http.Route.TrimStart('/');
                return new FunctionDescriptor(name, TriggerKind.Http, method, parameter, new HttpTriggerInfo(route, methods, http.AuthLevel), null);
            }

            if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
            {
                return new FunctionDescriptor(name, TriggerKind.Timer, method, parameter, null, new TimerTriggerInfo(timer.Schedule, timer.RunOnStartup));
            }

            if (parameter.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null)
            {
                return new FunctionDescriptor(name, TriggerKind.Orchestration, method, parameter, null, null);
            }

            if (parameter.GetCustomAttribute<ActivityTriggerAttribute>() is not null)
            {
                return new FunctionDescriptor(name, TriggerKind.Activity, method, parameter, null, null);
            }
        }

        throw new InvalidOperationException(
            $"Function '{name}' ({method.DeclaringType?.FullName}.{method.Name}) has a trigger LocalHost does not run. " +
            "LocalHost runs HTTP, timer, orchestration and activity triggers.");
    }
}
