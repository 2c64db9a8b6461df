using System.Diagnostics;
using System.Text;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Web;
using KhuyenCong.Web;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Pages.Tracking;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KhuyenCong.Benchmarks.Scenarios;

/// <summary>
/// <c>pages</c>: the tracking page (12 timeline entries) rendered in this process as the app renders it (a new
/// HtmlRenderer per page, <see cref="PageRenderer"/>), and through one HtmlRenderer shared by every request (its
/// dispatcher serializes them, and it keeps every root component until disposed), against the floor: the same page
/// built with StringBuilder and hand-called encoding, as the app did before the components (ADR 0012).
/// </summary>
internal sealed class PageRenderingScenario : IScenario
{
    private const int Pages = 4000;
    private const int Clients = 8;

    public string Key => "pages";

    public string Note => BenchContext.Invariant($"pages: the tracking page rendered in this process, {Pages} pages per row after 4 s of warm-up of each, 1 client or {Clients} concurrent clients on {Environment.ProcessorCount} cores; floor = the same page built with StringBuilder as before the components (the removed TrackingPageView with PageLayout.Render); \"kept\" = managed memory still held after the rows' pages and a full collection.");

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext bench)
    {
        using var services = new ServiceCollection().AddWeb().AddSingleton<IAssetUrls, Assets>().BuildServiceProvider();
        var renderer = services.GetRequiredService<PageRenderer>();
        var model = Model();
        Func<Task<string>> component = async () => (await renderer.PageAsync<TrackingPage, TrackingPageModel>(Request(), Language.Vietnamese, model)).Content!;
        Func<Task<string>> floor = () => Task.FromResult(LegacyTrackingPage.Render(Request(), model.View!));
        await using var shared = new HtmlRenderer(services, NullLoggerFactory.Instance);
        Func<Task<string>> sharedRenderer = () => RenderShared(shared, model);

        var html = await component();
        var legacy = await floor();
        Console.WriteLine(BenchContext.Invariant($"pages: component page {Encoding.UTF8.GetByteCount(html)} bytes, StringBuilder page {Encoding.UTF8.GetByteCount(legacy)} bytes"));

        // Until the JIT has compiled every path at its final tier (it waits for a quiet moment before it starts).
        foreach (var render in new[] { floor, component, sharedRenderer, floor, component, sharedRenderer })
        {
            await WarmUpAsync(render, TimeSpan.FromSeconds(2));
        }

        var floorOne = await TimeAsync(floor, 1);
        var componentOne = await TimeAsync(component, 1);
        var sharedOne = await TimeAsync(sharedRenderer, 1);
        var floorMany = await TimeAsync(floor, Clients);
        var componentMany = await TimeAsync(component, Clients);
        var sharedMany = await TimeAsync(sharedRenderer, Clients);
        return
        [
            Row("page render, HtmlRenderer per page (shipped), 1 client", componentOne, floorOne),
            Row("page render, one shared HtmlRenderer, 1 client", sharedOne, floorOne),
            Row(BenchContext.Invariant($"page render, HtmlRenderer per page (shipped), {Clients} clients"), componentMany, floorMany),
            Row(BenchContext.Invariant($"page render, one shared HtmlRenderer, {Clients} clients"), sharedMany, floorMany),
            new("page render, allocated per page, HtmlRenderer per page", Kb(componentOne.AllocatedPerPage), Kb(floorOne.AllocatedPerPage), Ratio(componentOne.AllocatedPerPage, floorOne.AllocatedPerPage)),
            new(BenchContext.Invariant($"page render, kept after {2 * Pages} pages, one shared HtmlRenderer"), Measure.Mb(sharedMany.KeptBytes), Measure.Mb(componentMany.KeptBytes) + " with a renderer per page", "grows with every page"),
        ];
    }

    private sealed record Timing(double MicrosecondsPerPage, double PagesPerSecond, double AllocatedPerPage, long KeptBytes);

    private static BenchRow Row(string name, Timing measured, Timing floor) =>
        new(name,
            BenchContext.Invariant($"{measured.MicrosecondsPerPage:F0} µs/page, {measured.PagesPerSecond:F0} pages/s"),
            BenchContext.Invariant($"{floor.MicrosecondsPerPage:F0} µs/page, {floor.PagesPerSecond:F0} pages/s"),
            Ratio(measured.MicrosecondsPerPage, floor.MicrosecondsPerPage));

    private static string Ratio(double measured, double floor) => BenchContext.Invariant($"{measured / floor:F2}×");

    private static string Kb(double bytes) => BenchContext.Invariant($"{bytes / 1024:F1} KB");

    private static async Task WarmUpAsync(Func<Task<string>> render, TimeSpan time)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < time)
        {
            await render();
        }
    }

    /// <summary><see cref="Pages"/> pages on <paramref name="clients"/> concurrent clients.</summary>
    private static async Task<Timing> TimeAsync(Func<Task<string>> render, int clients)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < Pages)
            {
                await render();
            }
        })));
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var kept = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
        return new(watch.Elapsed.TotalMicroseconds * clients / Pages, Pages / watch.Elapsed.TotalSeconds, (double)allocated / Pages, Math.Max(0, kept));
    }

    private static async Task<string> RenderShared(HtmlRenderer renderer, TrackingPageModel model)
    {
        var context = new PageContext { Language = Language.Vietnamese, LanguageSwitchHref = LanguageSwitch.Href(Request(), Language.English), Assets = new Assets() };
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(PageRoot.Context)] = context,
            [nameof(PageRoot.Component)] = typeof(TrackingPage),
            [nameof(PageRoot.Parameters)] = new Dictionary<string, object> { [nameof(TrackingPage.Model)] = model },
        });
        return await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<PageRoot>(parameters)).ToHtmlString());
    }

    private static HttpRequest Request()
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("khuyencong.example.gov.vn");
        context.Request.Path = "/track/KC-7H3Q-MX9P-2VBA-WD4R-TK";
        return context.Request;
    }

    private static TrackingPageModel Model()
    {
        var start = new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);
        var statuses = Enum.GetValues<ProposalStatus>();
        var timeline = Enumerable.Range(0, 12)
            .Select(i => new TimelineEntry(statuses[i % statuses.Length].ToCode(), ProposalStatusLabels.Label(statuses[i % statuses.Length], Language.Vietnamese), start.AddDays(i * 9)))
            .ToList();
        var view = new TrackingView("KC-7H3Q-MX9P-2VBA-WD4R-TK", "Ứng dụng máy sấy nhãn lồng bằng bơm nhiệt tại thôn Đông Kết, Hưng Yên", "in-review", "Đang thẩm định",
            start, timeline, "Hội đồng thẩm định đang chấm điểm đề án.");
        return new TrackingPageModel(view.TrackingCode, view, Submitted: false, TooManyRequests: false, null);
    }

    private sealed class Assets : IAssetUrls
    {
        public string Url(string name) => StaticAssets.Url(name);
    }

    /// <summary>The tracking page as the app built it before the components (TrackingPageView, removed), the floor.</summary>
    private static class LegacyTrackingPage
    {
        public static string Render(HttpRequest request, TrackingView view)
        {
            var body = new StringBuilder();
            body.Append("<h1>").Append("Đề án ").Append("<span id=\"tracking-code\">").Append(E(view.TrackingCode)).Append("</span></h1>");
            body.Append("<h2>").Append(E(view.Title)).Append("</h2><p>").Append("Tình trạng: ")
                .Append("<strong id=\"status\" data-status=\"").Append(E(view.Status)).Append("\">").Append(E(view.StatusLabel)).Append("</strong></p>");
            if (view.Awaiting is not null)
            {
                body.Append("<p class=\"awaiting\" role=\"status\">").Append(E(view.Awaiting)).Append("</p>");
            }

            body.Append("<h2>").Append("Quá trình xử lý").Append("</h2><ol class=\"timeline\">");
            foreach (var entry in view.Timeline)
            {
                var local = entry.At.ToOffset(VietnamTime.Offset);
                body.Append("<li><time datetime=\"").Append(E(entry.At.ToString("o", System.Globalization.CultureInfo.InvariantCulture))).Append("\">")
                    .Append(E(local.ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture))).Append("</time> ")
                    .Append(E(entry.Label)).Append("</li>");
            }

            body.Append("</ol>");
            return PageLayout.Render(request, Language.Vietnamese, "Theo dõi đề án", body.ToString());
        }

        private static string E(string value) => PageLayout.Encode(value);
    }
}
