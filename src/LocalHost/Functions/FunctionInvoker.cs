using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.LocalHost.Functions;

/// <summary>What one invocation can bind from: the scope's services, the trigger's value, the HTTP request.</summary>
public sealed record InvocationContext(IServiceProvider Services, object? TriggerValue, HttpContext? Http, CancellationToken CancellationToken);

/// <summary>
/// Calls a function method as the Functions worker would: the declaring class built with constructor injection
/// from the app's own service registrations, each parameter bound from its trigger or binding attribute.
/// </summary>
public sealed class FunctionInvoker
{
    private readonly FunctionDescriptor descriptor;
    private readonly ObjectFactory? factory;
    private readonly Func<InvocationContext, object?>[] binders;

    public FunctionInvoker(FunctionDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        this.descriptor = descriptor;
        var method = descriptor.Method;
        factory = method.IsStatic ? null : ActivatorUtilities.CreateFactory(method.DeclaringType!, Type.EmptyTypes);
        binders = method.GetParameters().Select(p => CreateBinder(descriptor, p)).ToArray();
    }

    public FunctionDescriptor Descriptor => descriptor;

    public async Task<object?> InvokeAsync(InvocationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = factory?.Invoke(context.Services, null);
        try
        {
            var arguments = binders.Select(b => b(context)).ToArray();
            object? result;
            try
            {
                result = descriptor.Method.Invoke(target, arguments);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }

            return await UnwrapAsync(result);
        }
        finally
        {
            switch (target)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static async Task<object?> UnwrapAsync(object? result)
    {
        if (result is not Task task)
        {
            return result;
        }

        await task;
        var type = task.GetType();
        return type.IsGenericType && type.GetProperty("Result") is { } property && property.PropertyType.Name != "VoidTaskResult"
            ? property.GetValue(task)
            : null;
    }

    private static Func<InvocationContext, object?> CreateBinder(FunctionDescriptor descriptor, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        // By position, not by reference: the runtime caches ParameterInfo lazily and hosts starting at the same time
        // (parallel test collections) can get different instances for the same parameter.
        if (parameter.Position == descriptor.TriggerParameter.Position && parameter.Member == descriptor.TriggerParameter.Member)
        {
            return descriptor.Kind switch
            {
                TriggerKind.Http when type == typeof(HttpRequest) => c => c.Http!.Request,
                TriggerKind.Http => throw Unsupported(descriptor, parameter, "HTTP triggers bind to HttpRequest (ASP.NET Core integration)"),
                _ => c => c.TriggerValue,
            };
        }

        if (parameter.GetCustomAttribute<DurableClientAttribute>() is not null)
        {
            return type == typeof(DurableTaskClient)
                ? c => c.Services.GetRequiredService<DurableTaskClient>()
                : throw Unsupported(descriptor, parameter, "[DurableClient] binds to DurableTaskClient");
        }

        if (type == typeof(CancellationToken))
        {
            return c => c.CancellationToken;
        }

        if (type == typeof(HttpContext))
        {
            return c => c.Http;
        }

        if (descriptor.Kind == TriggerKind.Http && parameter.Name is { } name && IsSimple(type))
        {
            // Route parameters, as the Functions host binds {name} segments by parameter name.
            return c => ConvertRouteValue(c.Http!.Request.RouteValues.TryGetValue(name, out var v) ? v : null, type);
        }

        throw Unsupported(descriptor, parameter, "use constructor injection for services");
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t == typeof(string) || t == typeof(Guid) || t == typeof(decimal) || t == typeof(DateOnly);
    }

    private static object? ConvertRouteValue(object? value, Type type)
    {
        if (value is null)
        {
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target.IsInstanceOfType(value)
            ? value
            : TypeDescriptor.GetConverter(target).ConvertFrom(null, CultureInfo.InvariantCulture, value);
    }

    private static InvalidOperationException Unsupported(FunctionDescriptor descriptor, ParameterInfo parameter, string hint) =>
        new($"LocalHost cannot bind parameter '{parameter.Name}' ({parameter.ParameterType.Name}) of function '{descriptor.Name}': {hint}.");
}
