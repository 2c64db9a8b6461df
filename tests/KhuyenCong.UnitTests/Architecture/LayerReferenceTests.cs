using System.Xml.Linq;
using KhuyenCong.Application.Health;
using KhuyenCong.UnitTests.Deployment;

namespace KhuyenCong.UnitTests.Architecture;

/// <summary>The inner layers know no host: no durable SDK in Domain or Application (the workflow's ports are theirs, the adapters the host's).</summary>
public sealed class LayerReferenceTests
{
    [Theory]
    [InlineData("KhuyenCong.Domain")]
    [InlineData("KhuyenCong.Application")]
    public void InnerLayer_Project_ReferencesNoDurableTaskPackage(string project)
    {
        var file = XDocument.Load(BuildPaths.InRepo("src", project, project + ".csproj"));

        var packages = file.Descendants("PackageReference").Select(p => (string?)p.Attribute("Include") ?? string.Empty);

        Assert.DoesNotContain(packages, p => p.StartsWith("Microsoft.DurableTask", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ApplicationAssembly_ReferencedAssemblies_IncludeNoDurableTaskAssembly()
    {
        var referenced = typeof(IHealthProbe).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty);

        Assert.DoesNotContain(referenced, a => a.Contains("DurableTask", StringComparison.OrdinalIgnoreCase));
    }
}
