// Each test runs whole processes (Azurite, one or two LocalHosts) and loads the machine on purpose: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace KhuyenCong.ReliabilityTests.Support;

/// <summary>The trait every test of this project carries: <c>dotnet test --filter Category=Reliability</c>.</summary>
public static class Reliability
{
    public const string Category = "Category";
    public const string Name = "Reliability";
}
