using System.Collections.Frozen;
using System.Security.Cryptography;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Pages.Staff;

namespace KhuyenCong.Functions.Web;

/// <summary>One file of <c>src/Functions/Web/Assets</c>, embedded in the assembly.</summary>
/// <param name="Name">File name ("base.css"), the last segment of its URL.</param>
/// <param name="Content">The bytes.</param>
/// <param name="ContentType">Media type with charset.</param>
/// <param name="ETag">Strong entity tag, quoted, from a hash of the content.</param>
/// <param name="Version">Short hash of the content, added to URLs so a new deployment is never served from a stale cache.</param>
public sealed record StaticAsset(string Name, ReadOnlyMemory<byte> Content, string ContentType, string ETag, string Version);

/// <summary>The embedded assets (style sheet and scripts), by file name. Only these names are ever served.</summary>
public static class StaticAssets
{
    private const string ResourcePrefix = "KhuyenCong.Functions.Web.Assets.";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, StaticAsset> ByName = Load();

    /// <summary>The names of every asset.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>The asset with exactly this name (case-sensitive); false for any other name, including paths.</summary>
    public static bool TryGet(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StaticAsset? asset)
    {
        asset = null;
        return name is not null && ByName.TryGetValue(name, out asset);
    }

    /// <summary>The URL of an asset with its version: "/assets/base.css?v=…". Unknown names throw.</summary>
    public static string Url(string name) =>
        TryGet(name, out var asset)
            ? $"/assets/{asset.Name}?v={asset.Version}"
            : throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown asset.");

    private static FrozenDictionary<string, StaticAsset> Load()
    {
        var assembly = typeof(StaticAssets).Assembly;
        var assets = new Dictionary<string, StaticAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            var extension = Path.GetExtension(name);
            if (!ContentTypes.TryGetValue(extension, out var contentType))
            {
                throw new InvalidOperationException($"The embedded asset '{name}' has no known content type.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var hash = Convert.ToHexStringLower(SHA256.HashData(content));
            assets[name] = new StaticAsset(name, content, contentType, $"\"{hash[..32]}\"", hash[..12]);
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
