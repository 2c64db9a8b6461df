using System.Reflection;
using System.Text.Json;
using KhuyenCong.LocalHost.Functions;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.IntegrationTests.LocalHost;

/// <summary>
/// The Functions SDK writes functions.metadata from the app's attributes at build time: it is what the Functions
/// host in Azure will serve. LocalHost must serve exactly the same functions, routes, methods and auth levels.
/// </summary>
[Collection(LocalHostCollection.Name)]
public class FunctionMetadataContractTests(LocalHostFixture fixture)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static IReadOnlyList<MetadataFunction> LoadMetadata()
    {
        var local = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        var configuration = typeof(FunctionMetadataContractTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var built = Path.Combine(RepositoryLayout.FindRoot(), "src", "Functions", "bin", configuration, "net10.0", "functions.metadata");
        var path = File.Exists(built) ? built : local;
        Assert.True(File.Exists(path), $"functions.metadata not found at {built}");
        return JsonSerializer.Deserialize<List<MetadataFunction>>(File.ReadAllText(path), Json)!;
    }

    [Fact]
    public void Metadata_BuiltByTheFunctionsSdk_ListsTheAppsFunctions()
    {
        var metadata = LoadMetadata();

        Assert.Contains(metadata, f => f.Name == "Health");
        Assert.Contains(metadata, f => f.Name == "ProposalWorkflow");
    }

    [Fact]
    public void Catalog_ComparedWithMetadata_HasExactlyTheSameFunctions()
    {
        var metadata = LoadMetadata().Select(f => f.Name).Order(StringComparer.Ordinal);
        var discovered = FunctionCatalog.Discover(LocalHostApplication.FunctionsAssembly).Select(f => f.Name).Order(StringComparer.Ordinal);

        Assert.Equal(metadata, discovered);
    }

    [Fact]
    public void HttpFunctions_InMetadata_AreServedWithTheSameRouteMethodsAndAuthLevel()
    {
        var endpoints = fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<FunctionDescriptor>() is not null)
            .ToDictionary(e => e.Metadata.GetMetadata<FunctionDescriptor>()!.Name);
        var httpFunctions = LoadMetadata().Where(f => f.Trigger.Type == "httpTrigger").ToList();
        Assert.NotEmpty(httpFunctions);

        foreach (var function in httpFunctions)
        {
            Assert.True(endpoints.TryGetValue(function.Name, out var endpoint), $"{function.Name} is not served by LocalHost");
            var trigger = function.Trigger;
            Assert.Equal("/" + (trigger.Route ?? function.Name), endpoint.RoutePattern.RawText);
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => m.ToLowerInvariant()).Order();
            Assert.Equal(trigger.Methods!.Select(m => m.ToLowerInvariant()).Order(), methods);
            Assert.Equal(trigger.AuthLevel, endpoint.Metadata.GetMetadata<FunctionDescriptor>()!.Http!.AuthLevel.ToString());
        }

        Assert.Equal(httpFunctions.Count, endpoints.Count);
    }

    [Fact]
    public void DurableFunctions_InMetadata_AreRegisteredInTheDurableWorker()
    {
        var expected = LoadMetadata()
            .Where(f => f.Trigger.Type is "orchestrationTrigger" or "activityTrigger")
            .Select(f => (f.Trigger.Type == "orchestrationTrigger" ? "orchestration:" : "activity:") + f.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(expected);

        Assert.Equal(expected, fixture.Host.DurableTasks.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TimerFunctions_InMetadata_AreScheduledWithTheSameSchedule()
    {
        var expected = LoadMetadata().Where(f => f.Trigger.Type == "timerTrigger")
            .ToDictionary(f => f.Name, f => f.Trigger.Schedule ?? string.Empty);

        var served = fixture.Host.Timers.ToDictionary(t => t.Name, t => t.Invoker.Descriptor.Timer!.Schedule);

        Assert.Equal(expected.OrderBy(kv => kv.Key), served.OrderBy(kv => kv.Key));
    }

    private sealed record MetadataFunction(string Name, IReadOnlyList<MetadataBinding> Bindings)
    {
        public MetadataBinding Trigger => Bindings.Single(b => b.Type.EndsWith("Trigger", StringComparison.Ordinal));
    }

    private sealed record MetadataBinding(string Type, string? Route, IReadOnlyList<string>? Methods, string? AuthLevel, string? Schedule);
}
