using System.Globalization;
using System.Text;
using KhuyenCong.Application.Plans;
using KhuyenCong.Application.Programmes;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Programmes;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Functions.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using static KhuyenCong.Functions.Web.PageLayout;

namespace KhuyenCong.Functions.Programmes;

/// <summary>
/// Staff pages for programmes and annual plans (Vietnamese, English with <c>?lang=en</c>). The forms send JSON to the
/// staff API through <c>/assets/planning.js</c>; every value on the page goes through <see cref="PageLayout.Encode"/>.
/// </summary>
public sealed class StaffPlanningPages(IProgrammeStore programmes, ProgrammeProgress progress, AnnualPlans plans, StaffEndpoint staff, TimeProvider time)
{
    /// <summary><c>GET /staff/programmes</c>: the list and a form for a new programme.</summary>
    [Function(nameof(ProgrammesPage))]
    public Task<IActionResult> ProgrammesPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/programmes")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, c => ProgrammesPageAsync(c, cancellationToken));

    private async Task<IActionResult> ProgrammesPageAsync(StaffRequest c, CancellationToken cancellationToken)
    {
        var (request, language) = (c.Http, c.Language);
        var records = await programmes.ListAsync(cancellationToken);
        var html = new StringBuilder();
        html.Append("<h1>").Append(T(language, "Chương trình khuyến công", "Industrial promotion programmes")).Append("</h1>\n");
        html.Append("<p><a href=\"").Append(Encode(Link(request, "/staff/plans"))).Append("\">")
            .Append(T(language, "Kế hoạch khuyến công năm", "Annual plans")).Append("</a></p>\n");
        if (records.Count == 0)
        {
            html.Append("<p>").Append(T(language, "Chưa có chương trình nào.", "No programme yet.")).Append("</p>\n");
        }
        else
        {
            html.Append("<table>\n<thead><tr><th scope=\"col\">").Append(T(language, "Tên", "Name")).Append("</th><th scope=\"col\">")
                .Append(T(language, "Giai đoạn", "Period")).Append("</th><th scope=\"col\">").Append(T(language, "Nguồn kinh phí", "Funding source"))
                .Append("</th><th scope=\"col\">").Append(T(language, "Quyết định", "Decision")).Append("</th></tr></thead>\n<tbody>\n");
            foreach (var record in records)
            {
                var p = record.Programme;
                html.Append("<tr><td><a href=\"").Append(Encode(Link(request, "/staff/programmes/" + p.Id))).Append("\">").Append(Encode(p.Name)).Append("</a></td><td>")
                    .Append(Period(p)).Append("</td><td>").Append(Encode(p.FundingSource.DisplayName(language))).Append("</td><td>")
                    .Append(Encode(p.DecisionNumber)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("<h2>").Append(T(language, "Thêm chương trình", "New programme")).Append("</h2>\n");
        ProgrammeForm(html, language, null, "POST", "/api/programmes", "/staff/programmes/{id}");
        return Page(request, language, Choose(language, "Chương trình khuyến công", "Programmes"), html.ToString(), Script());
    }

    /// <summary><c>GET /staff/programmes/{id}</c>: the programme, the progress of each target and the edit form.</summary>
    [Function(nameof(ProgrammePage))]
    public Task<IActionResult> ProgrammePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/programmes/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, c => ProgrammePageAsync(c, id, cancellationToken));

    private async Task<IActionResult> ProgrammePageAsync(StaffRequest c, string id, CancellationToken cancellationToken)
    {
        var (request, language) = (c.Http, c.Language);
        var record = await programmes.GetAsync(id, cancellationToken);
        if (record is null)
        {
            var missing = "<h1>" + T(language, "Không có chương trình này", "No such programme") + "</h1>\n<p><a href=\"" + Encode(Link(request, "/staff/programmes")) + "\">"
                + T(language, "Danh sách chương trình", "All programmes") + "</a></p>";
            return Page(request, language, Choose(language, "Không tìm thấy", "Not found"), missing, statusCode: StatusCodes.Status404NotFound);
        }

        var p = record.Programme;
        var (targets, count) = await progress.ComputeAsync(p, cancellationToken);
        var html = new StringBuilder();
        html.Append("<p><a href=\"").Append(Encode(Link(request, "/staff/programmes"))).Append("\">")
            .Append(T(language, "Danh sách chương trình", "All programmes")).Append("</a></p>\n");
        html.Append("<h1>").Append(Encode(p.Name)).Append("</h1>\n<dl>\n")
            .Append("<dt>").Append(T(language, "Giai đoạn", "Period")).Append("</dt><dd>").Append(Period(p)).Append("</dd>\n")
            .Append("<dt>").Append(T(language, "Nguồn kinh phí", "Funding source")).Append("</dt><dd>").Append(Encode(p.FundingSource.DisplayName(language))).Append("</dd>\n")
            .Append("<dt>").Append(T(language, "Quyết định", "Decision")).Append("</dt><dd>").Append(Encode(p.DecisionNumber)).Append("</dd>\n")
            .Append("<dt>").Append(T(language, "Đề án thuộc chương trình", "Proposals assigned")).Append("</dt><dd>").Append(count.ToString(CultureInfo.InvariantCulture)).Append("</dd>\n")
            .Append("<dt>").Append(T(language, "Sửa lần cuối", "Last changed")).Append("</dt><dd>").Append(Encode(record.ChangedBy)).Append(", ")
            .Append(Encode(record.ChangedAt.ToOffset(VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)))
            .Append(" (").Append(T(language, "phiên bản", "version")).Append(' ').Append(record.Version.ToString(CultureInfo.InvariantCulture)).Append(")</dd>\n</dl>\n");

        html.Append("<h2>").Append(T(language, "Tiến độ thực hiện chỉ tiêu", "Progress towards the targets")).Append("</h2>\n");
        if (targets.Count == 0)
        {
            html.Append("<p>").Append(T(language, "Chương trình chưa có chỉ tiêu.", "The programme has no targets.")).Append("</p>\n");
        }
        else
        {
            html.Append("<table>\n<thead><tr><th scope=\"col\">").Append(T(language, "Chỉ tiêu", "Target")).Append("</th><th scope=\"col\">")
                .Append(T(language, "Kế hoạch", "Planned")).Append("</th><th scope=\"col\">").Append(T(language, "Đạt được", "Reached"))
                .Append("</th><th scope=\"col\">%</th></tr></thead>\n<tbody>\n");
            foreach (var t in targets)
            {
                html.Append("<tr><td>").Append(Encode(language == Language.English ? t.Target.NameEn : t.Target.NameVi)).Append("</td><td>")
                    .Append(Encode(DisplayFormat.Amount(t.Target.Target, language))).Append(' ').Append(Encode(t.Target.Unit)).Append("</td><td>")
                    .Append(Encode(DisplayFormat.Amount(t.Actual, language))).Append("</td><td>")
                    .Append(Encode(DisplayFormat.Percent(t.Percent, language))).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("<h2>").Append(T(language, "Sửa chương trình", "Edit the programme")).Append("</h2>\n");
        ProgrammeForm(html, language, record, "PUT", "/api/programmes/" + p.Id, "/staff/programmes/" + p.Id);
        return Page(request, language, p.Name, html.ToString(), Script());
    }

    /// <summary><c>GET /staff/plans?year=2026</c>: the year's plans for both funding sources, with their budget lines and edit forms.</summary>
    [Function(nameof(PlansPage))]
    public Task<IActionResult> PlansPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/plans")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, c => PlansPageAsync(c, cancellationToken));

    private async Task<IActionResult> PlansPageAsync(StaffRequest c, CancellationToken cancellationToken)
    {
        var (request, language) = (c.Http, c.Language);
        var year = int.TryParse(request.Query["year"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && BudgetKey.IsValidYear(y)
            ? y
            : VietnamTime.Today(time).Year;
        var allProgrammes = await programmes.ListAsync(cancellationToken);
        var html = new StringBuilder();
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        html.Append("<p><a href=\"").Append(Encode(Link(request, "/staff/programmes"))).Append("\">")
            .Append(T(language, "Chương trình khuyến công", "Programmes")).Append("</a></p>\n");
        html.Append("<h1>").Append(T(language, "Kế hoạch khuyến công năm ", "Annual plans ")).Append(yearText).Append("</h1>\n");
        html.Append("<form method=\"get\" action=\"/staff/plans\"><label for=\"year\">").Append(T(language, "Năm", "Year"))
            .Append("</label> <input id=\"year\" name=\"year\" type=\"number\" min=\"2000\" max=\"2100\" value=\"").Append(yearText).Append("\">");
        foreach (var name in new[] { "lang", "code" })
        {
            if (!string.IsNullOrEmpty(request.Query[name]))
            {
                html.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(Encode(request.Query[name].ToString())).Append("\">");
            }
        }

        html.Append(" <button type=\"submit\">").Append(T(language, "Xem", "Show")).Append("</button></form>\n");
        html.Append("<div id=\"form-messages\" class=\"error-summary\" role=\"alert\" tabindex=\"-1\" hidden></div>\n");
        var editing = ProposalCatalog.TryParseFundingSource(request.Query["source"].ToString(), out var chosen) ? chosen : FundingSource.National;
        foreach (var source in ProposalCatalog.FundingSources)
        {
            var key = new BudgetKey(year, source.Value);
            var view = await plans.GetAsync(key, cancellationToken);
            var plan = view.Record?.Plan;
            html.Append("<section>\n<h2>").Append(Encode(source.Value.DisplayName(language))).Append(" (").Append(Encode(source.Abbreviation)).Append(")</h2>\n");
            html.Append("<table>\n<tbody>\n");
            foreach (var (vi, en, amount) in new[]
            {
                ("Kinh phí kế hoạch (được giao)", "Plan budget (allocated)", view.Line.Allocated),
                ("Đã cam kết cho đề án được duyệt", "Committed to approved proposals", view.Line.Committed),
                ("Đã thanh toán", "Paid", view.Line.Paid),
                ("Còn lại", "Remaining", view.Line.Remaining),
            })
            {
                html.Append("<tr><th scope=\"row\">").Append(T(language, vi, en)).Append("</th><td>").Append(Encode(DisplayFormat.Amount(amount, language)))
                    .Append(T(language, " đồng", " VND")).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
            if (plan is not null && plan.Items.Count > 0)
            {
                html.Append("<table>\n<thead><tr><th scope=\"col\">").Append(T(language, "Nội dung", "Item")).Append("</th><th scope=\"col\">")
                    .Append(T(language, "Loại", "Kind")).Append("</th><th scope=\"col\">").Append(T(language, "Kinh phí dự kiến", "Expected amount")).Append("</th></tr></thead>\n<tbody>\n");
                foreach (var item in plan.Items)
                {
                    html.Append("<tr><td>").Append(Encode(item.Title)).Append("</td><td>").Append(Encode(item.Kind.DisplayName(language))).Append("</td><td>")
                        .Append(Encode(DisplayFormat.Amount(item.ExpectedAmount, language))).Append("</td></tr>\n");
                }

                html.Append("</tbody>\n</table>\n");
            }

            // One form per page (the script sends the form with id staff-form); ?source= chooses which plan it edits.
            if (source.Value == editing)
            {
                PlanForm(html, language, request, key, view, allProgrammes);
            }

            html.Append("</section>\n");
        }

        return Page(request, language, Choose(language, "Kế hoạch khuyến công năm ", "Annual plans ") + yearText, html.ToString(), Script());
    }

    private static void PlanForm(StringBuilder html, Language language, HttpRequest request, BudgetKey key, PlanView view, IReadOnlyList<ProgrammeRecord> allProgrammes)
    {
        var plan = view.Record?.Plan;
        var year = key.Year.ToString(CultureInfo.InvariantCulture);
        html.Append("<form id=\"staff-form\" data-method=\"PUT\" data-action=\"/api/plans/").Append(year).Append('/').Append(key.FundingSource.ToCode())
            .Append("\" data-next=\"/staff/plans?year=").Append(year).Append("\" data-offline=\"").Append(T(language, "Không kết nối được máy chủ.", "Could not reach the server."))
            .Append("\">\n<input type=\"hidden\" name=\"version\" data-type=\"number\" value=\"").Append((view.Record?.Version ?? 0).ToString(CultureInfo.InvariantCulture)).Append("\">\n");
        html.Append("<p><label for=\"budget\">").Append(T(language, "Kinh phí kế hoạch (đồng)", "Plan budget (VND)")).Append("</label><br>")
            .Append("<input id=\"budget\" name=\"budget\" data-type=\"number\" inputmode=\"numeric\" required value=\"").Append(view.Line.Allocated.ToString(CultureInfo.InvariantCulture)).Append("\"></p>\n");
        html.Append("<p><label for=\"programmeId\">").Append(T(language, "Thuộc chương trình", "Under programme")).Append("</label><br><select id=\"programmeId\" name=\"programmeId\">\n<option value=\"\">")
            .Append(T(language, "(không)", "(none)")).Append("</option>\n");
        foreach (var record in allProgrammes.Where(r => r.Programme.FundingSource == key.FundingSource))
        {
            html.Append("<option value=\"").Append(Encode(record.Programme.Id)).Append('"').Append(record.Programme.Id == plan?.ProgrammeId ? " selected" : string.Empty)
                .Append('>').Append(Encode(record.Programme.Name)).Append("</option>\n");
        }

        html.Append("</select></p>\n");
        html.Append("<p><label for=\"items\">").Append(T(language, "Các nội dung (mỗi dòng: mã nội dung | kinh phí dự kiến | tên), mã: ", "Items (one a line: kind code | expected amount | title), codes: "))
            .Append(Encode(string.Join(", ", ProposalCatalog.Kinds.Select(k => k.Code)))).Append("</label><br><textarea id=\"items\" name=\"items\" rows=\"8\" cols=\"80\">");
        foreach (var item in plan?.Items ?? [])
        {
            html.Append(Encode(item.Kind.ToCode())).Append(" | ").Append(item.ExpectedAmount.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(Encode(item.Title)).Append('\n');
        }

        html.Append("</textarea></p>\n<p><label for=\"notes\">").Append(T(language, "Ghi chú", "Notes")).Append("</label><br><textarea id=\"notes\" name=\"notes\" rows=\"4\" cols=\"80\">")
            .Append(Encode(plan?.Notes)).Append("</textarea></p>\n");
        var other = key.FundingSource == FundingSource.National ? "local" : "national";
        html.Append("<p><button type=\"submit\">").Append(T(language, "Lưu kế hoạch ", "Save the plan ")).Append(Encode(key.FundingSource.DisplayName(language))).Append("</button> <a href=\"")
            .Append(Encode(Link(request, "/staff/plans?year=" + year + "&source=" + other))).Append("\">").Append(T(language, "Sửa kế hoạch nguồn khác", "Edit the other source's plan")).Append("</a></p>\n</form>\n");
    }

    private static void ProgrammeForm(StringBuilder html, Language language, ProgrammeRecord? record, string method, string action, string next)
    {
        var p = record?.Programme;
        html.Append("<div id=\"form-messages\" class=\"error-summary\" role=\"alert\" tabindex=\"-1\" hidden></div>\n");
        html.Append("<form id=\"staff-form\" data-targets=\"true\" data-method=\"").Append(method).Append("\" data-action=\"").Append(Encode(action))
            .Append("\" data-next=\"").Append(Encode(next)).Append("\" data-offline=\"").Append(T(language, "Không kết nối được máy chủ.", "Could not reach the server.")).Append("\">\n");
        if (record is not null)
        {
            html.Append("<input type=\"hidden\" name=\"version\" data-type=\"number\" value=\"").Append(record.Version.ToString(CultureInfo.InvariantCulture)).Append("\">\n");
        }

        Field(html, "name", T(language, "Tên chương trình", "Name"), p?.Name, "text", "200");
        Field(html, "fromYear", T(language, "Từ năm", "From year"), p?.FromYear.ToString(CultureInfo.InvariantCulture), "number", null);
        Field(html, "toYear", T(language, "Đến năm", "To year"), p?.ToYear.ToString(CultureInfo.InvariantCulture), "number", null);
        html.Append("<p><label for=\"fundingSource\">").Append(T(language, "Nguồn kinh phí", "Funding source")).Append("</label><br><select id=\"fundingSource\" name=\"fundingSource\">\n");
        foreach (var source in ProposalCatalog.FundingSources)
        {
            html.Append("<option value=\"").Append(source.Code).Append('"').Append(p?.FundingSource == source.Value ? " selected" : string.Empty).Append('>')
                .Append(Encode(source.Value.DisplayName(language))).Append("</option>\n");
        }

        html.Append("</select></p>\n");
        Field(html, "decisionNumber", T(language, "Số quyết định phê duyệt", "Decision number"), p?.DecisionNumber, "text", "50");
        html.Append("<fieldset>\n<legend>").Append(T(language, "Chỉ tiêu (để trống nếu không áp dụng)", "Targets (leave empty when not used)")).Append("</legend>\n");
        foreach (var measure in ProgrammeMeasures.All)
        {
            var target = p?.Targets.FirstOrDefault(t => t.Code == measure.Code);
            var id = "target-" + measure.Code;
            html.Append("<p><label for=\"").Append(id).Append("\">").Append(Encode(measure.Name(language))).Append("</label> <small>")
                .Append(Encode(language == Language.English ? measure.DescriptionEn : measure.DescriptionVi)).Append("</small><br>")
                .Append("<input id=\"").Append(id).Append("\" name=\"target:").Append(measure.Code).Append("\" inputmode=\"numeric\" value=\"")
                .Append(target?.Target.ToString(CultureInfo.InvariantCulture)).Append("\"> ")
                .Append("<input name=\"unit:").Append(measure.Code).Append("\" aria-label=\"").Append(T(language, "Đơn vị tính", "Unit")).Append("\" value=\"")
                .Append(Encode(target?.Unit ?? measure.UnitVi)).Append("\">")
                .Append("<input type=\"hidden\" name=\"nameVi:").Append(measure.Code).Append("\" value=\"").Append(Encode(target?.NameVi ?? measure.NameVi)).Append("\">")
                .Append("<input type=\"hidden\" name=\"nameEn:").Append(measure.Code).Append("\" value=\"").Append(Encode(target?.NameEn ?? measure.NameEn)).Append("\"></p>\n");
        }

        html.Append("</fieldset>\n<p><button type=\"submit\">").Append(T(language, "Lưu", "Save")).Append("</button></p>\n</form>\n");
    }

    private static void Field(StringBuilder html, string name, string label, string? value, string type, string? maxLength)
    {
        html.Append("<p><label for=\"").Append(name).Append("\">").Append(label).Append("</label><br><input id=\"").Append(name).Append("\" name=\"").Append(name)
            .Append("\" type=\"").Append(type).Append('"').Append(type == "number" ? " data-type=\"number\"" : string.Empty)
            .Append(maxLength is null ? string.Empty : " maxlength=\"" + maxLength + "\"").Append(" required value=\"").Append(Encode(value)).Append("\"></p>\n");
    }

    private static string Period(Programme p) =>
        p.FromYear.ToString(CultureInfo.InvariantCulture) + "–" + p.ToYear.ToString(CultureInfo.InvariantCulture);

    /// <summary>Encoded text in the page's language.</summary>
    private static string T(Language language, string vietnamese, string english) => Encode(Choose(language, vietnamese, english));

    /// <summary>A staff link keeping the page's <c>lang</c> and (under LocalHost) <c>code</c> query values.</summary>
    private static string Link(HttpRequest request, string path)
    {
        var query = new List<string>();
        foreach (var name in new[] { "lang", "code" })
        {
            if (!string.IsNullOrEmpty(request.Query[name]))
            {
                query.Add(name + "=" + Uri.EscapeDataString(request.Query[name].ToString()));
            }
        }

        return query.Count == 0 ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join("&", query);
    }

    private static string Script() => "<script src=\"" + Encode(StaticAssets.Url("planning.js")) + "\"></script>";
}
