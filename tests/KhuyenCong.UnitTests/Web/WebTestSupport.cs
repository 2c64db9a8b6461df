using System.Text.Json;
using System.Text.RegularExpressions;
using KhuyenCong.Application.Caps;
using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Caps;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.UnitTests.Web;

/// <summary>A cap store held in memory, for tests only (the real one is on Table Storage).</summary>
internal sealed class InMemoryCapStore(IEnumerable<SupportCap> caps) : ICapStore
{
    private readonly List<SupportCap> caps = caps.ToList();

    public Task<IReadOnlyList<SupportCap>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SupportCap>>(caps.ToList());

    public Task SaveAsync(SupportCap cap, string changedBy, CancellationToken cancellationToken)
    {
        caps.Add(cap);
        return Task.CompletedTask;
    }

    public Task<int> SeedAsync(CancellationToken cancellationToken) => Task.FromResult(0);
}

/// <summary>Calls held in memory, for the form page's tests only (the real store is on Table Storage).</summary>
internal sealed class InMemoryCallStore(params KhuyenCong.Domain.Calls.Call[] calls) : KhuyenCong.Application.Calls.ICallStore
{
    public Task<IReadOnlyList<KhuyenCong.Domain.Calls.Call>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<KhuyenCong.Domain.Calls.Call>>(calls);

    public Task<KhuyenCong.Domain.Calls.Call?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(calls.FirstOrDefault(c => c.Id == id));

    public Task<bool> CreateAsync(KhuyenCong.Domain.Calls.Call call, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The form page only reads calls.");

    public Task<KhuyenCong.Domain.Calls.Call?> UpdateAsync(KhuyenCong.Domain.Calls.Call call, long expectedVersion, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The form page only reads calls.");
}

/// <summary>A cap store that cannot be reached.</summary>
internal sealed class FailingCapStore : ICapStore
{
    public Task<IReadOnlyList<SupportCap>> ListAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException("storage is down");

    public Task SaveAsync(SupportCap cap, string changedBy, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("storage is down");

    public Task<int> SeedAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException("storage is down");
}

/// <summary>A clock stopped at one instant.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

internal static partial class WebTestSupport
{
    /// <summary>A GET request for a path and query ("/?lang=en"), with optional cookie and headers.</summary>
    public static HttpRequest Request(string pathAndQuery = "/", string? cookie = null, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        var uri = new Uri("http://localhost" + pathAndQuery);
        context.Request.Method = "GET";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        context.Request.Path = Uri.UnescapeDataString(uri.AbsolutePath);
        context.Request.QueryString = new QueryString(uri.Query);
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = cookie;
        }

        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context.Request;
    }

    /// <summary>App Service in Azure with App Service Authentication (Entra ID) on: where the principal header is trusted.</summary>
    public static HostPlatformOptions SignedInAzure() => new() { SiteName = "kc-test", AuthEnabled = "True", AuthDefaultProvider = HostPlatformOptions.EntraProvider };

    /// <summary>Gives the request the app's <see cref="StaffIdentity"/> for a platform (by default <see cref="SignedInAzure"/>).</summary>
    public static HttpRequest WithPlatform(this HttpRequest request, HostPlatformOptions? platform = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.RequestServices = new ServiceCollection()
            .AddSingleton(new StaffIdentity(Microsoft.Extensions.Options.Options.Create(platform ?? SignedInAzure())))
            .BuildServiceProvider();
        return request;
    }

    /// <summary>The text of <c>&lt;script type="application/json" id="form-rules"&gt;</c>, parsed.</summary>
    public static JsonDocument FormRules(string html)
    {
        var match = FormRulesRegex().Match(html);
        Assert.True(match.Success, "the page has no #form-rules block");
        return JsonDocument.Parse(match.Groups["json"].Value);
    }

    /// <summary>The opening tag of the element with this id (input, select, textarea...).</summary>
    public static string TagWithId(string html, string id)
    {
        var match = Regex.Match(html, "<(input|select|textarea)\\b[^>]*\\bid=\"" + Regex.Escape(id) + "\"[^>]*>");
        Assert.True(match.Success, $"no control with id '{id}'");
        return match.Value;
    }

    /// <summary>The inner HTML of the label for a control.</summary>
    public static string LabelFor(string html, string id)
    {
        var match = Regex.Match(html, "<label for=\"" + Regex.Escape(id) + "\">(?<text>.*?)</label>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no <label for=\"{id}\">");
        return match.Groups["text"].Value;
    }

    /// <summary>The value of an attribute in an opening tag, or null.</summary>
    public static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, "\\s" + Regex.Escape(name) + "(?:=\"(?<value>[^\"]*)\")?(?=[\\s>])");
        return match.Success ? match.Groups["value"].Value : null;
    }

    [GeneratedRegex("<script type=\"application/json\" id=\"form-rules\">(?<json>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex FormRulesRegex();
}
