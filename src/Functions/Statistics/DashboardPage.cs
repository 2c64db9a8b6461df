using System.Globalization;
using System.Text;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Statistics;
using KhuyenCong.Domain.Text;
using static KhuyenCong.Functions.Web.PageLayout;

namespace KhuyenCong.Functions.Statistics;

/// <summary>
/// The HTML of <c>/dashboard</c>: key figures, charts drawn as inline SVG on the server (no script, no chart library,
/// nothing from outside the site), tables, the filter form and links to the exports. <c>?print=1</c> leaves out the
/// form and links; the style sheet's print rules do the rest.
/// </summary>
public static class DashboardPage
{
    private static readonly string[] Palette = ["#1f5fa8", "#e08a1e", "#2e8b57", "#8e44ad", "#c0392b", "#16a085"];

    public sealed record Form(IReadOnlyDictionary<string, string> Values, bool Print);

    public static string Content(StatisticsReport? report, Form form, IReadOnlyDictionary<string, IReadOnlyList<string>> errors, Language language)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        string L(string vi, string en) => Choose(language, vi, en);
        var html = new StringBuilder(16_384);
        html.Append("<div class=\"dashboard").Append(form.Print ? " print-view" : string.Empty).Append("\">\n");
        html.Append("<h1>").Append(Encode(L("Thống kê khuyến công", "Industrial promotion statistics"))).Append("</h1>\n");
        html.Append("<p class=\"intro\">").Append(Encode(FilterSummary(form, language))).Append("</p>\n");
        if (!form.Print)
        {
            AppendForm(html, form, errors, language);
            AppendLinks(html, form, language);
        }

        if (report is null)
        {
            html.Append("</div>");
            return html.ToString();
        }

        var t = report.Total;
        html.Append("<section aria-labelledby=\"key-figures\"><h2 id=\"key-figures\">").Append(Encode(L("Số liệu chính", "Key figures"))).Append("</h2>\n<dl class=\"key-figures\">\n");
        void Figure(string id, string label, string value) =>
            html.Append("<div><dt>").Append(Encode(label)).Append("</dt><dd data-figure=\"").Append(id).Append("\">").Append(Encode(value)).Append("</dd></div>\n");
        Figure("count", L("Tổng số đề án", "Proposals"), Number(report.Count, language));
        Figure("requested", L("Kinh phí đề nghị", "Requested"), Money(t[StatisticsMeasures.Requested], language));
        Figure("approved", L("Kinh phí phê duyệt", "Approved"), Money(t[StatisticsMeasures.Approved], language));
        Figure("paid", L("Đã thanh toán", "Paid"), Money(t[StatisticsMeasures.Paid], language));
        Figure("disbursement-rate", L("Tỷ lệ giải ngân (đã thanh toán / phê duyệt)", "Disbursement rate (paid / approved)"), Percent(report.DisbursementRate, language));
        Figure("direct-share", L("Tỷ lệ thanh toán trực tiếp cho cơ sở", "Share paid directly to establishments"), Percent(report.DirectShare, language));
        Figure("trainees", L("Số người được đào tạo (dự kiến)", "Trainees (expected)"), Number(t[StatisticsMeasures.Trainees], language));
        Figure("actual-trainees", L("Số người được đào tạo (thực tế, khi nghiệm thu)", "Trainees (actual, at acceptance)"), Number(t[StatisticsMeasures.ActualTrainees], language));
        Figure("jobs", L("Số việc làm (dự kiến)", "Jobs (expected)"), Number(t[StatisticsMeasures.Jobs], language));
        Figure("actual-jobs", L("Số việc làm (thực tế, khi nghiệm thu)", "Jobs (actual, at acceptance)"), Number(t[StatisticsMeasures.ActualJobs], language));
        Figure("models", L("Số mô hình đã xây dựng", "Models built"), Number(t[StatisticsMeasures.Models], language));
        Figure("products", L("Số sản phẩm được công nhận", "Products certified"), Number(t[StatisticsMeasures.ProductsCertified], language));
        Figure("beneficiaries", L("Số lượt cơ sở thụ hưởng", "Beneficiary establishments (per đề án)"), Number(t[StatisticsMeasures.Beneficiaries], language));
        html.Append("</dl>\n</section>\n");

        html.Append("<section class=\"charts\" aria-labelledby=\"charts\"><h2 id=\"charts\">").Append(Encode(L("Biểu đồ", "Charts"))).Append("</h2>\n");
        html.Append(BarChart("by-year", L("Số đề án theo năm", "Proposals by year"),
            report.ByYear.Select(g => (g.Key, g.Count)).ToList(), v => Number(v, language)));
        html.Append(BarChart("by-kind", L("Số đề án theo nội dung", "Proposals by kind"),
            report.ByKind.Select(g => (StatisticsView.KindLabel(g.Key, language), g.Count)).ToList(), v => Number(v, language)));
        string[] series = [L("Đề nghị", "Requested"), L("Phê duyệt", "Approved"), L("Đã thanh toán", "Paid")];
        html.Append(GroupedChart("money-by-source", L("Kinh phí theo nguồn (đồng)", "Money by funding source (VND)"), series,
            report.ByFundingSource.Select(g => (StatisticsView.SourceLabel(g.Key, language), MoneySeries(g.Measures))).ToList(), v => Number(v, language)));
        html.Append(GroupedChart("money-by-year", L("Kinh phí theo năm (đồng)", "Money by year (VND)"), series,
            report.ByYear.Select(g => (g.Key, MoneySeries(g.Measures))).ToList(), v => Number(v, language)));
        html.Append("</section>\n");

        html.Append("<section class=\"tables\" aria-labelledby=\"tables\"><h2 id=\"tables\">").Append(Encode(L("Bảng số liệu", "Tables"))).Append("</h2>\n");
        string[] moneyHead = [L("Số đề án", "Proposals"), L("Đề nghị (đồng)", "Requested (VND)"), L("Phê duyệt (đồng)", "Approved (VND)"), L("Đã thanh toán (đồng)", "Paid (VND)")];
        object[] MoneyCells(StatisticsMeasures m) => [m[StatisticsMeasures.Count], m[StatisticsMeasures.Requested], m[StatisticsMeasures.Approved], m[StatisticsMeasures.Paid]];
        Table(html, "table-status", L("Theo tình trạng", "By status"), [L("Tình trạng", "Status"), L("Số đề án", "Proposals")],
            Enum.GetValues<ProposalStatus>().Where(s => t.StatusCount(s) != 0).Select(s => (ProposalStatusLabels.Label(s, language), new object[] { t.StatusCount(s) })), language);
        Table(html, "table-year", L("Theo năm", "By year"), [L("Năm", "Year"), .. moneyHead], report.ByYear.Select(g => (g.Key, MoneyCells(g.Measures))), language);
        Table(html, "table-kind", L("Theo nội dung", "By kind"), [L("Nội dung", "Kind"), .. moneyHead],
            report.ByKind.Select(g => (StatisticsView.KindLabel(g.Key, language), MoneyCells(g.Measures))), language);
        Table(html, "table-source", L("Theo nguồn kinh phí", "By funding source"),
            [L("Nguồn", "Source"), .. moneyHead, L("Trực tiếp cho cơ sở (đồng)", "Directly to establishments (VND)"), L("Tỷ lệ giải ngân", "Disbursement rate")],
            report.ByFundingSource.Select(g => (StatisticsView.SourceLabel(g.Key, language),
                (object[])[.. MoneyCells(g.Measures), g.Measures[StatisticsMeasures.PaidDirect],
                    Percent(StatisticsReport.Ratio(g.Measures[StatisticsMeasures.Paid], g.Measures[StatisticsMeasures.Approved]), language)])), language);
        Table(html, "table-sector", L("Theo lĩnh vực", "By sector"), [L("Lĩnh vực", "Sector"), L("Số đề án", "Proposals")],
            report.BySector.Select(g => (StatisticsView.SectorLabel(g.Key, g.Label, language), new object[] { g.Count })), language);
        Table(html, "table-commune", L("Theo xã, phường (địa giới hiện nay)", "By commune (today's boundaries)"), [L("Xã, phường", "Commune"), L("Tỉnh, thành phố", "Province"), L("Số đề án", "Proposals")],
            report.ByCommune.Select(g => (g.Label, new object[] { StatisticsView.ProvinceLabel(g.Key[..g.Key.IndexOf('|', StringComparison.Ordinal)], language), g.Count })), language);
        Table(html, "table-programme", L("Theo chương trình", "By programme"), [L("Chương trình", "Programme"), .. moneyHead],
            report.ByProgramme.Select(g => (StatisticsView.ProgrammeLabel(g.Key, language), MoneyCells(g.Measures))), language);
        html.Append("</section>\n");
        html.Append("<p class=\"hint\">").Append(Encode(L(
            "Thanh toán trực tiếp cho cơ sở: số đã thanh toán cho các nội dung mua máy móc, công nghệ cho chính cơ sở sản xuất (ứng dụng máy móc thiết bị tiên tiến, dây chuyền công nghệ, mô hình trình diễn kỹ thuật). Số dự kiến lấy từ đề án; số thực tế do cán bộ ghi khi nghiệm thu. Mỗi cơ sở thụ hưởng được đếm một lần trong mỗi đề án.",
            "Paid directly to establishments: paid amounts of activities that buy machinery or technology for the producing establishments themselves (advanced machinery, technology lines, technical demonstration models). Expected figures come from the proposals; actual ones are recorded by officers at acceptance. Each beneficiary establishment counts once per đề án.")))
            .Append("</p>\n</div>");
        return html.ToString();
    }

    private static long[] MoneySeries(StatisticsMeasures m) => [m[StatisticsMeasures.Requested], m[StatisticsMeasures.Approved], m[StatisticsMeasures.Paid]];

    private static string FilterSummary(Form form, Language language)
    {
        var parts = StatisticsFilter.ParameterNames.Where(n => form.Values.TryGetValue(n, out var v) && v.Length > 0)
            .Select(n => $"{n} = {form.Values[n]}").ToList();
        return parts.Count == 0
            ? Choose(language, "Tất cả các năm và đề án.", "All years and proposals.")
            : Choose(language, "Lọc theo: ", "Filtered by: ") + string.Join("; ", parts);
    }

    private static void AppendForm(StringBuilder html, Form form, IReadOnlyDictionary<string, IReadOnlyList<string>> errors, Language language)
    {
        string L(string vi, string en) => Choose(language, vi, en);
        string V(string name) => form.Values.TryGetValue(name, out var v) ? v : string.Empty;
        html.Append("<form class=\"filters\" method=\"get\" action=\"/dashboard\">\n<fieldset><legend>").Append(Encode(L("Bộ lọc", "Filters"))).Append("</legend>\n");
        if (language == Language.English)
        {
            html.Append("<input type=\"hidden\" name=\"lang\" value=\"en\">\n");
        }

        void Field(string name, string label, string control)
        {
            html.Append("<div class=\"field").Append(errors.ContainsKey(name) ? " has-error" : string.Empty).Append("\"><label for=\"f-").Append(name).Append("\">")
                .Append(Encode(label)).Append("</label>").Append(control);
            if (errors.TryGetValue(name, out var messages))
            {
                html.Append("<p class=\"field-error\" id=\"e-").Append(name).Append("\">").Append(Encode(string.Join(" ", messages))).Append("</p>");
            }

            html.Append("</div>\n");
        }

        string Input(string name, string type) =>
            $"<input type=\"{type}\" id=\"f-{name}\" name=\"{name}\" value=\"{Encode(V(name))}\"{(type == "number" ? " class=\"input-number\" min=\"2000\" max=\"2100\"" : string.Empty)}>";
        string Select(string name, IEnumerable<(string Value, string Label)> options)
        {
            var s = new StringBuilder($"<select id=\"f-{name}\" name=\"{name}\"><option value=\"\">{Encode(L("Tất cả", "All"))}</option>");
            foreach (var (value, label) in options)
            {
                s.Append("<option value=\"").Append(Encode(value)).Append('"').Append(value == V(name) ? " selected" : string.Empty).Append('>').Append(Encode(label)).Append("</option>");
            }

            return s.Append("</select>").ToString();
        }

        Field("from", L("Từ năm", "From year"), Input("from", "number"));
        Field("to", L("Đến năm", "To year"), Input("to", "number"));
        Field("fundingSource", L("Nguồn kinh phí", "Funding source"), Select("fundingSource", ProposalCatalog.FundingSources.Select(e => (e.Code, e.Value.DisplayName(language)))));
        Field("kind", L("Nội dung khuyến công", "Kind"), Select("kind", ProposalCatalog.Kinds.Select(e => (e.Code, e.Value.DisplayName(language)))));
        Field("province", L("Tỉnh, thành phố (hiện nay)", "Province (today)"), Select("province", ProvinceCatalog.Current.Select(p => (p.Code, language == Language.English ? p.EnglishName : p.Name))));
        Field("commune", L("Xã, phường", "Commune"), Input("commune", "text"));
        Field("sector", L("Lĩnh vực", "Sector"), Input("sector", "text"));
        html.Append("<button class=\"button\" type=\"submit\">").Append(Encode(L("Xem thống kê", "Show statistics"))).Append("</button>\n</fieldset>\n</form>\n");
    }

    private static void AppendLinks(StringBuilder html, Form form, Language language)
    {
        var query = string.Join('&', StatisticsFilter.ParameterNames.Where(n => form.Values.TryGetValue(n, out var v) && v.Length > 0)
            .Select(n => n + "=" + Uri.EscapeDataString(form.Values[n])));
        var lang = language == Language.English ? "&lang=en" : string.Empty;
        string Href(string path, string extra) => path + "?" + string.Join('&', new[] { extra, query }.Where(s => s.Length > 0)) + lang;
        html.Append("<p class=\"dashboard-links\">")
            .Append("<a class=\"button\" href=\"").Append(Encode(Href("/api/stats/export", "format=csv"))).Append("\">").Append(Encode(Choose(language, "Tải CSV", "Download CSV"))).Append("</a> ")
            .Append("<a class=\"button\" href=\"").Append(Encode(Href("/api/stats/export", "format=xlsx"))).Append("\">").Append(Encode(Choose(language, "Tải Excel", "Download Excel"))).Append("</a> ")
            .Append("<a class=\"button\" href=\"").Append(Encode(Href("/dashboard", "print=1"))).Append("\">").Append(Encode(Choose(language, "Bản in", "Print view"))).Append("</a>")
            .Append("</p>\n");
    }

    private static void Table(StringBuilder html, string id, string caption, IReadOnlyList<string> head, IEnumerable<(string Label, object[] Cells)> rows, Language language)
    {
        html.Append("<table class=\"stats-table\" id=\"").Append(id).Append("\"><caption>").Append(Encode(caption)).Append("</caption>\n<thead><tr>");
        foreach (var h in head)
        {
            html.Append("<th scope=\"col\">").Append(Encode(h)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        var any = false;
        foreach (var (label, cells) in rows)
        {
            any = true;
            html.Append("<tr><th scope=\"row\">").Append(Encode(label)).Append("</th>");
            foreach (var cell in cells)
            {
                html.Append(cell is long n ? "<td class=\"number\">" + Encode(Number(n, language)) : "<td>" + Encode(Convert.ToString(cell, CultureInfo.InvariantCulture))).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        if (!any)
        {
            html.Append("<tr><td colspan=\"").Append(head.Count).Append("\">").Append(Encode(Choose(language, "Chưa có số liệu.", "No data."))).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    /// <summary>A horizontal bar chart as inline SVG: one bar per item, labelled, with its value.</summary>
    public static string BarChart(string id, string title, IReadOnlyList<(string Label, long Value)> items, Func<long, string> format)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(format);
        const int width = 720, labelWidth = 260, valueWidth = 90, row = 26, top = 8;
        var height = top * 2 + Math.Max(1, items.Count) * row;
        var max = Math.Max(1, items.Count == 0 ? 1 : items.Max(i => i.Value));
        var svg = Open(id, title, width, height);
        for (var i = 0; i < items.Count; i++)
        {
            var (label, value) = items[i];
            var y = top + i * row;
            var length = (int)Math.Round((width - labelWidth - valueWidth) * (double)value / max);
            svg.Append("<text x=\"").Append(labelWidth - 8).Append("\" y=\"").Append(y + 17).Append("\" text-anchor=\"end\">").Append(Encode(Shorten(label, 38))).Append("</text>")
                .Append("<rect class=\"bar\" x=\"").Append(labelWidth).Append("\" y=\"").Append(y + 4).Append("\" width=\"").Append(Math.Max(length, value > 0 ? 1 : 0))
                .Append("\" height=\"").Append(row - 8).Append("\" fill=\"").Append(Palette[0]).Append("\"><title>").Append(Encode(label + ": " + format(value))).Append("</title></rect>")
                .Append("<text x=\"").Append(labelWidth + length + 6).Append("\" y=\"").Append(y + 17).Append("\">").Append(Encode(format(value))).Append("</text>\n");
        }

        return Close(svg, items.Count == 0);
    }

    /// <summary>Grouped horizontal bars (one group per item, one bar per series) with a legend, as inline SVG.</summary>
    public static string GroupedChart(string id, string title, IReadOnlyList<string> series, IReadOnlyList<(string Label, long[] Values)> items, Func<long, string> format)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(format);
        const int width = 720, labelWidth = 200, valueWidth = 150, bar = 14, legend = 28;
        var group = series.Count * bar + 14;
        var height = legend + Math.Max(1, items.Count) * group + 8;
        var max = Math.Max(1, items.Count == 0 ? 1 : items.Max(i => i.Values.DefaultIfEmpty(0).Max()));
        var svg = Open(id, title, width, height);
        for (var s = 0; s < series.Count; s++)
        {
            svg.Append("<rect x=\"").Append(labelWidth + s * 160).Append("\" y=\"6\" width=\"12\" height=\"12\" fill=\"").Append(Palette[s % Palette.Length]).Append("\"/>")
                .Append("<text x=\"").Append(labelWidth + s * 160 + 18).Append("\" y=\"17\">").Append(Encode(series[s])).Append("</text>");
        }

        for (var i = 0; i < items.Count; i++)
        {
            var (label, values) = items[i];
            var y = legend + i * group;
            svg.Append("<text x=\"").Append(labelWidth - 8).Append("\" y=\"").Append(y + group / 2).Append("\" text-anchor=\"end\">").Append(Encode(Shorten(label, 30))).Append("</text>");
            for (var s = 0; s < series.Count && s < values.Length; s++)
            {
                var length = (int)Math.Round((width - labelWidth - valueWidth) * (double)values[s] / max);
                var by = y + s * bar + 4;
                svg.Append("<rect class=\"bar\" x=\"").Append(labelWidth).Append("\" y=\"").Append(by).Append("\" width=\"").Append(Math.Max(length, values[s] > 0 ? 1 : 0))
                    .Append("\" height=\"").Append(bar - 3).Append("\" fill=\"").Append(Palette[s % Palette.Length]).Append("\"><title>")
                    .Append(Encode($"{label}, {series[s]}: {format(values[s])}")).Append("</title></rect>")
                    .Append("<text class=\"small\" x=\"").Append(labelWidth + length + 6).Append("\" y=\"").Append(by + bar - 4).Append("\">").Append(Encode(format(values[s]))).Append("</text>");
            }

            svg.Append('\n');
        }

        return Close(svg, items.Count == 0);
    }

    private static StringBuilder Open(string id, string title, int width, int height) => new StringBuilder()
        .Append("<figure class=\"chart\" id=\"chart-").Append(id).Append("\"><figcaption>").Append(Encode(title)).Append("</figcaption>\n")
        .Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height)
        .Append("\" role=\"img\" aria-label=\"").Append(Encode(title)).Append("\" font-size=\"13\" font-family=\"sans-serif\">\n");

    private static string Close(StringBuilder svg, bool empty) =>
        svg.Append(empty ? "<text x=\"10\" y=\"22\">–</text>" : string.Empty).Append("</svg></figure>\n").ToString();

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Number(long value, Language language) => DisplayFormat.Amount(value, language);

    private static string Money(long value, Language language) => DisplayFormat.Amount(value, language) + Choose(language, " đồng", " VND");

    private static string Percent(decimal? ratio, Language language) =>
        ratio is null ? "–" : DisplayFormat.Percent(Math.Round(ratio.Value * 100, 2), language) + "%";
}
