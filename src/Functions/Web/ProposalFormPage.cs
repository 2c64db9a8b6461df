using System.Globalization;
using System.Text;
using KhuyenCong.Domain.Attachments;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Functions.Web;

/// <summary>
/// The proposal form, rendered on the server: readable and submittable without script; <c>form.js</c> adds
/// validation as the user types, the cap box and sending with progress.
/// </summary>
public static class ProposalFormPage
{
    /// <summary>Where the form posts (multipart/form-data).</summary>
    public const string SubmitPath = "/api/proposals";

    private enum Group
    {
        Establishment,
        Content,
        Funding,
        Schedule,
    }

    private sealed record FieldUi(Group Group, string Autocomplete, string? InputMode = null, string InputType = "text");

    private static readonly Dictionary<string, FieldUi> Ui = new(StringComparer.Ordinal)
    {
        [ProposalFields.OrganizationName] = new(Group.Establishment, "organization"),
        [ProposalFields.TaxCode] = new(Group.Establishment, "off", "numeric"),
        [ProposalFields.Representative] = new(Group.Establishment, "name"),
        [ProposalFields.Email] = new(Group.Establishment, "email", "email", "email"),
        [ProposalFields.Phone] = new(Group.Establishment, "tel", "tel", "tel"),
        [ProposalFields.Address] = new(Group.Establishment, "address-line1"),
        [ProposalFields.Commune] = new(Group.Establishment, "address-level2"),
        [ProposalFields.Province] = new(Group.Establishment, "address-level1"),
        [ProposalFields.Kind] = new(Group.Content, "off"),
        [ProposalFields.Sector] = new(Group.Content, "off"),
        [ProposalFields.Title] = new(Group.Content, "off"),
        [ProposalFields.Summary] = new(Group.Content, "off"),
        [ProposalFields.FundingSource] = new(Group.Funding, "off"),
        [ProposalFields.TotalCost] = new(Group.Funding, "off", "numeric"),
        [ProposalFields.RequestedSupport] = new(Group.Funding, "off", "numeric"),
        [ProposalFields.OwnContribution] = new(Group.Funding, "off", "numeric"),
        [ProposalFields.StartDate] = new(Group.Schedule, "off", null, "date"),
        [ProposalFields.EndDate] = new(Group.Schedule, "off", null, "date"),
        [ProposalFields.ExpectedJobs] = new(Group.Schedule, "off", "numeric"),
        [ProposalFields.ExpectedTrainees] = new(Group.Schedule, "off", "numeric"),
        [ProposalFields.EntityType] = new(Group.Establishment, "off"),
    };

    private static readonly CompareInfo VietnameseOrder = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    /// <summary>The page as a response (see <see cref="PageLayout.Page"/>).</summary>
    public static ContentResult Render(HttpRequest request, Language language, IEnumerable<SupportCap> caps, DateOnly today, bool capsUnavailable = false)
    {
        var rules = ProposalFormRules.Build(language, caps, today, capsUnavailable);
        return PageLayout.Page(request, language, ProposalFormTexts.Title.In(language), MainContent(language, rules), EndOfBody(rules));
    }

    /// <summary>The content of <c>&lt;main&gt;</c>.</summary>
    public static string MainContent(Language l, FormRulesModel rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var html = new StringBuilder(48 * 1024);
        html.Append("<h1>").Append(E(ProposalFormTexts.Title.In(l))).Append("</h1>\n")
            .Append("<p class=\"intro\">").Append(E(ProposalFormTexts.Intro.In(l))).Append("</p>\n")
            .Append("<div id=\"error-summary\" class=\"error-summary\" role=\"alert\" tabindex=\"-1\" hidden>\n")
            .Append("<h2 id=\"error-summary-title\">").Append(E(ProposalFormTexts.ErrorSummaryTitle.In(l))).Append("</h2>\n")
            .Append("<ul id=\"error-summary-list\"></ul>\n</div>\n")
            .Append("<form id=\"proposal-form\" class=\"proposal-form\" method=\"post\" action=\"")
            .Append(E(SubmitPath + "?lang=" + l.ToCode())).Append("\" enctype=\"multipart/form-data\" accept-charset=\"utf-8\">\n");

        Fieldset(html, ProposalFormTexts.GroupEstablishment.In(l), "group-establishment", l, Group.Establishment);
        Fieldset(html, ProposalFormTexts.GroupContent.In(l), "group-content", l, Group.Content);
        Fieldset(html, ProposalFormTexts.GroupFunding.In(l), "group-funding", l, Group.Funding, () => CapBox(html, l, rules));
        Fieldset(html, ProposalFormTexts.GroupSchedule.In(l), "group-schedule", l, Group.Schedule);
        Attachments(html, l);

        html.Append("<div class=\"submit-area\">\n")
            .Append("<button type=\"submit\" id=\"submit-button\" class=\"button\">").Append(E(ProposalFormTexts.Submit.In(l))).Append("</button>\n")
            .Append("<div id=\"submit-status\" class=\"submit-status\" role=\"status\" aria-live=\"polite\">")
            .Append("<progress id=\"upload-progress\" max=\"100\" value=\"0\" hidden></progress>")
            .Append("<span id=\"upload-percent\"></span></div>\n")
            .Append("<p id=\"submit-message\" class=\"submit-message\" role=\"alert\" hidden></p>\n")
            .Append("</div>\n</form>\n");
        return html.ToString();
    }

    private static string EndOfBody(FormRulesModel rules) =>
        "<script type=\"application/json\" id=\"form-rules\">" + ProposalFormRules.ToJson(rules) + "</script>\n"
        + "<script src=\"" + E(StaticAssets.Url("form.js")) + "\" defer></script>";

    private static void Fieldset(StringBuilder html, string legend, string id, Language l, Group group, Action? after = null)
    {
        html.Append("<fieldset id=\"").Append(id).Append("\">\n<legend>").Append(E(legend)).Append("</legend>\n");
        // Fields without a place on this page (activity, sector group, priorities, beneficiaries, round level) are sent by
        // API clients; the form's rework shows them (issue 16).
        foreach (var rule in ProposalFieldRules.All.Where(r => Ui.TryGetValue(r.Name, out var ui) && ui.Group == group))
        {
            Field(html, rule, Ui[rule.Name], l);
        }

        after?.Invoke();
        html.Append("</fieldset>\n");
    }

    private static void Field(StringBuilder html, ProposalFieldRule rule, FieldUi ui, Language l)
    {
        var name = E(rule.Name);
        var hint = ProposalFormTexts.Hint(rule.Name, l);
        html.Append("<div class=\"field\" id=\"field-").Append(name).Append("\">\n");
        Label(html, rule.Name, rule.Label(l), rule.Required, l);
        if (hint is not null)
        {
            html.Append("<p class=\"hint\" id=\"").Append(name).Append("-hint\">").Append(E(hint)).Append("</p>\n");
        }

        html.Append("<p class=\"field-error\" id=\"").Append(name).Append("-error\" aria-live=\"polite\"></p>\n");
        var common = new StringBuilder()
            .Append(" id=\"").Append(name).Append("\" name=\"").Append(name).Append('"')
            .Append(" aria-describedby=\"").Append(hint is null ? string.Empty : name + "-hint ").Append(name).Append("-error\"")
            .Append(" autocomplete=\"").Append(E(ui.Autocomplete)).Append('"')
            .Append(rule.Required ? " required aria-required=\"true\"" : string.Empty)
            .ToString();

        switch (rule.Kind)
        {
            case FieldValueKind.Choice:
                html.Append("<select").Append(common).Append(">\n<option value=\"\">").Append(E(ProposalFormTexts.ChooseOption.In(l))).Append("</option>\n");
                foreach (var (value, text) in Options(rule.Name, l))
                {
                    html.Append("<option value=\"").Append(E(value)).Append("\">").Append(E(text)).Append("</option>\n");
                }

                html.Append("</select>\n");
                break;
            case FieldValueKind.MultilineText:
                html.Append("<textarea").Append(common).Append(" rows=\"6\" maxlength=\"")
                    .Append(rule.MaxLength.ToString(CultureInfo.InvariantCulture)).Append("\"></textarea>\n");
                break;
            default:
                html.Append("<input type=\"").Append(ui.InputType).Append('"').Append(common)
                    .Append(" maxlength=\"").Append(rule.MaxLength.ToString(CultureInfo.InvariantCulture)).Append('"');
                if (ui.InputMode is not null)
                {
                    html.Append(" inputmode=\"").Append(ui.InputMode).Append('"');
                }

                if (rule.Pattern is not null && ui.InputType != "date")
                {
                    html.Append(" pattern=\"").Append(E(rule.Pattern)).Append('"');
                }

                if (rule.Kind == FieldValueKind.Date)
                {
                    html.Append(" min=\"").Append(E(rule.Min)).Append("\" max=\"").Append(E(rule.Max)).Append('"');
                }

                if (rule.Kind is FieldValueKind.Text or FieldValueKind.Email or FieldValueKind.Phone)
                {
                    html.Append(" spellcheck=\"false\"");
                }

                html.Append(rule.Kind is FieldValueKind.Amount or FieldValueKind.Integer ? " class=\"input-number\">\n" : ">\n");
                break;
        }

        html.Append("</div>\n");
    }

    private static void Label(StringBuilder html, string forId, string label, bool required, Language l) =>
        html.Append("<label for=\"").Append(E(forId)).Append("\">").Append(E(label))
            .Append(" <span class=\"").Append(required ? "required" : "optional").Append("\">(")
            .Append(E((required ? ProposalFormTexts.Required : ProposalFormTexts.Optional).In(l))).Append(")</span></label>\n");

    internal static IEnumerable<(string Value, string Text)> Options(string field, Language l) => field switch
    {
        ProposalFields.Province => ProvinceCatalog.Current
            .OrderBy(p => p.Name, Comparer<string>.Create((a, b) => VietnameseOrder.Compare(a, b, CompareOptions.None)))
            .Select(p => (p.Code, p.Name)),
        ProposalFields.Kind => ProposalCatalog.Kinds.Select(k => (k.Code, l == Language.English ? k.EnglishName : k.VietnameseName)),
        ProposalFields.FundingSource => ProposalCatalog.FundingSources.Select(s => (s.Code, l == Language.English ? s.EnglishName : s.VietnameseName)),
        ProposalFields.EntityType => Domain.Applicants.EntityTypes.Selectable.Select(t => (t.Code, t.Name(l))),
        ProposalFields.Activity => Domain.Activities.ActivityCatalog.All.Select(a => (a.Code, a.Name(l))),
        ProposalFields.SectorCode => Domain.Sectors.SectorCatalog.All.Select(x => (x.Code, x.ShortName(l))),
        ProposalFields.RoundLevel => ProposalFieldRules.RoundLevels.Select(v => (v, v)),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No options for this field."),
    };

    private static void CapBox(StringBuilder html, Language l, FormRulesModel rules)
    {
        html.Append("<section id=\"cap-box\" class=\"cap-box\" aria-labelledby=\"cap-box-title\" aria-live=\"polite\">\n")
            .Append("<h3 id=\"cap-box-title\">").Append(E(ProposalFormTexts.CapTitle.In(l))).Append("</h3>\n")
            .Append("<p id=\"cap-status\">")
            .Append(E((rules.CapsUnavailable ? ProposalFormTexts.CapUnavailable : ProposalFormTexts.CapChoose).In(l))).Append("</p>\n")
            .Append("<dl id=\"cap-details\" hidden>\n");
        Row(html, "cap-max-percent", ProposalFormTexts.CapMaxPercent.In(l));
        Row(html, "cap-max-amount", ProposalFormTexts.CapMaxAmount.In(l));
        Row(html, "cap-basis", ProposalFormTexts.CapBasis.In(l));
        Row(html, "cap-max-support", ProposalFormTexts.CapMaxSupport.In(l));
        html.Append("</dl>\n<dl id=\"cost-details\" hidden>\n");
        Row(html, "cap-requested-percent", ProposalFormTexts.RequestedPercent.In(l));
        Row(html, "cap-own-computed", ProposalFormTexts.OwnComputed.In(l));
        html.Append("</dl>\n")
            .Append("<p id=\"cap-warning\" class=\"cap-warning\" hidden></p>\n")
            .Append("<p id=\"own-mismatch\" class=\"cap-warning\" hidden></p>\n");

        if (rules.Caps.Count > 0)
        {
            html.Append("<details class=\"cap-list\">\n<summary>").Append(E(ProposalFormTexts.CapList.In(l))).Append("</summary>\n<ul>\n");
            foreach (var cap in rules.Caps)
            {
                var kind = ProposalCatalog.TryParseKind(cap.Kind, out var k) ? k.DisplayName(l) : cap.Kind;
                var source = ProposalCatalog.TryParseFundingSource(cap.FundingSource, out var s) ? s.DisplayName(l) : cap.FundingSource;
                var province = cap.Province is null
                    ? ProposalFormTexts.Nationwide.In(l)
                    : ProvinceCatalog.Current.FirstOrDefault(p => string.Equals(p.Code, cap.Province, StringComparison.OrdinalIgnoreCase))?.Name ?? cap.Province;
                var currency = l == Language.English ? "VND" : "đồng";
                html.Append("<li><strong>").Append(E(kind)).Append("</strong> (").Append(E(source)).Append(", ").Append(E(province)).Append("): ")
                    .Append(E(cap.MaxPercent is { } percent ? DisplayFormat.Percent(percent, l) + "%" : "—")).Append(", ")
                    .Append(E(cap.MaxAmount is { } amount ? DisplayFormat.Amount(amount, l) + " " + currency : "—"))
                    .Append(". <span class=\"basis\">").Append(E(cap.Basis)).Append("</span></li>\n");
            }

            html.Append("</ul>\n</details>\n");
        }

        html.Append("</section>\n");
    }

    private static void Row(StringBuilder html, string id, string label) =>
        html.Append("<div class=\"row\"><dt>").Append(E(label)).Append("</dt><dd id=\"").Append(id).Append("\"></dd></div>\n");

    private static void Attachments(StringBuilder html, Language l)
    {
        const string name = AttachmentRules.FieldName;
        html.Append("<fieldset id=\"group-attachments\">\n<legend>").Append(E(ProposalFormTexts.GroupAttachments.In(l))).Append("</legend>\n")
            .Append("<div class=\"field\" id=\"field-").Append(name).Append("\">\n");
        Label(html, name, ProposalFormTexts.AttachmentsLabel.In(l), required: false, l);
        html.Append("<p class=\"hint\" id=\"").Append(name).Append("-hint\">").Append(E(ProposalFormTexts.AttachmentsHint.In(l))).Append("</p>\n")
            .Append("<p class=\"field-error\" id=\"").Append(name).Append("-error\" aria-live=\"polite\"></p>\n")
            .Append("<input type=\"file\" id=\"").Append(name).Append("\" name=\"").Append(name).Append("\" multiple accept=\"")
            .Append(E(AttachmentRules.Accept)).Append("\" aria-describedby=\"").Append(name).Append("-hint ").Append(name).Append("-error\">\n")
            .Append("<p id=\"attachments-summary\" class=\"hint\" aria-live=\"polite\"></p>\n")
            .Append("<ul id=\"attachments-list\" class=\"file-list\"></ul>\n")
            .Append("</div>\n</fieldset>\n");
    }

    private static string E(string? value) => PageLayout.Encode(value);
}
