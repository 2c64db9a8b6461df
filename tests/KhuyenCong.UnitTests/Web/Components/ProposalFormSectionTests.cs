using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Web;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Pages.NewProposal.Sections;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Problems;
using Microsoft.AspNetCore.Components;
using static KhuyenCong.UnitTests.Web.Components.ComponentRendering;
using static KhuyenCong.UnitTests.Web.WebTestSupport;

namespace KhuyenCong.UnitTests.Web.Components;

/// <summary>The proposal form's components: fields from the Domain's rules, sections, the page as form.js reads it.</summary>
public partial class ProposalFormSectionTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static ProposalFormPageModel Model(Language language, PostedProposalForm? posted = null) =>
        new(ProposalFormRules.Build(language, CapSeed.National, Today), posted);

    private static Task<string> PageAsync(Language language, PostedProposalForm? posted = null) =>
        RenderAsync<ProposalFormPage>(language, ("Model", Model(language, posted)));

    /// <summary>One <see cref="ProposalField"/> inside the form as posted (cascaded as the page does).</summary>
    private static Task<string> FieldAsync(string name, PostedProposalForm? posted, Language language = Language.Vietnamese)
    {
        RenderFragment field = builder =>
        {
            builder.OpenComponent<ProposalField>(0);
            builder.AddComponentParameter(1, nameof(ProposalField.Name), name);
            builder.CloseComponent();
        };
        return RenderAsync<CascadingValue<PostedProposalForm?>>(language, ("Value", posted), ("IsFixed", true), ("ChildContent", field));
    }

    private static PostedProposalForm Posted(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, IReadOnlyList<string>> errors,
        string? detail = "Vui lòng sửa các mục được nêu và gửi lại.") =>
        PostedProposalForm.From(ProposalForm.FromFields(values.GetValueOrDefault), new ProblemView(400, "Đề án chưa hợp lệ.", detail, errors));

    [Theory]
    [MemberData(nameof(FieldNames))]
    public async Task ProposalField_EachRule_RequiredMaxLengthPatternAndRangeComeFromTheDomainRule(string name)
    {
        var rule = ProposalFieldRules.Get(name);

        var html = await FieldAsync(name, posted: null);

        var control = TagWithId(html, name);
        Assert.Equal(name, Attribute(control, "name"));
        Assert.Equal(rule.Required, Attribute(control, "required") is not null);
        Assert.Contains($"<label for=\"{name}\">{KhuyenCong.Web.Rendering.PageRenderer.Encoder.Encode(rule.VietnameseLabel)} <span class=", html, StringComparison.Ordinal);
        if (rule.Kind == FieldValueKind.Choice)
        {
            var options = Regex.Matches(html, "<option value=\"([^\"]+)\"").Select(m => m.Groups[1].Value);
            Assert.Equal(rule.Choices!.Order(StringComparer.Ordinal), options.Order(StringComparer.Ordinal));
            return;
        }

        Assert.Equal(rule.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), Attribute(control, "maxlength"));
        var pattern = Attribute(control, "pattern");
        Assert.Equal(rule.Kind == FieldValueKind.Date ? null : rule.Pattern, pattern is null ? null : WebUtility.HtmlDecode(pattern));
        if (rule.Kind == FieldValueKind.Date)
        {
            // A day/month/year text box (issue 16 item 4): the range is the server's and the script's, not the browser's.
            Assert.Equal("text", Attribute(control, "type"));
            Assert.Equal("dd/MM/yyyy", Attribute(control, "data-date-format"));
        }
    }

    public static TheoryData<string> FieldNames() => new(ProposalFieldRules.All.Select(r => r.Name));

    [Fact]
    public async Task Page_Sections_RenderEveryFieldRuleExactlyOnce()
    {
        var html = await PageAsync(Language.Vietnamese);

        // The file inputs of each document (attachments.{code}, DocumentFiles) are the files' field.
        var controls = Regex.Matches(html, "<(?:input|select|textarea)\\b[^>]*\\bname=\"([^\"]+)\"").Select(m => m.Groups[1].Value)
            .Where(n => !n.StartsWith("attachments.", StringComparison.Ordinal)).ToList();

        // A rule without its line in a section (or with two) fails here; the list fields have several controls each.
        var rows = controls.Count(c => c == BeneficiaryRows.NameField);
        Assert.Equal([.. ProposalFieldRules.All.Select(r => r.Name).Except(ProposalChoices.ListFields).Append("attachments")
                .Concat(Enumerable.Repeat(ProposalFields.Priorities, KhuyenCong.Domain.Applicants.PriorityGroups.All.Count))
                .Concat(Enumerable.Range(0, rows).SelectMany(_ => new[] { BeneficiaryRows.NameField, BeneficiaryRows.TaxCodeField, BeneficiaryRows.EntityTypeField, BeneficiaryRows.CommuneField }))
                .Order(StringComparer.Ordinal)],
            controls.Order(StringComparer.Ordinal));
        Assert.Equal(3, rows);
    }

    [Fact]
    public async Task Page_EveryIdFormJsLooksUp_IsOnThePage()
    {
        // The form's scripts, split by concern: values and rules, the cap box, checking and sending, documents, list fields.
        var source = string.Concat(new[] { "form-values.js", "form-caps.js", "form.js", "documents.js", "form-lists.js" }.Select(name =>
        {
            Assert.True(StaticAssets.TryGet(name, out var script));
            return Encoding.UTF8.GetString(script.Content.Span);
        }));
        var ids = GetElementById().Matches(source).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains("cap-max-support", ids);

        var html = await PageAsync(Language.Vietnamese);

        Assert.All(ids, id => Assert.Contains($" id=\"{id}\"", html, StringComparison.Ordinal));
        foreach (var name in PostedProposalForm.FieldNames)
        {
            // form.js finds a field's frame, its error line and its control by these ids, and the control by its name.
            Assert.Contains($"id=\"field-{name}\"", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"{name}-error\"", html, StringComparison.Ordinal);
            // The beneficiaries are rows of four fields (BeneficiaryRows); the first row's name control has the field's id.
            Assert.Contains(name == ProposalFields.Beneficiaries ? $"name=\"{BeneficiaryRows.NameField}\"" : $"name=\"{name}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Page_Blank_NoValidateSummaryHiddenForTheScriptAndNoErrorTitle()
    {
        var html = await PageAsync(Language.English);

        Assert.Contains("<form id=\"proposal-form\" class=\"proposal-form\" method=\"post\" action=\"/api/proposals?lang=en\" enctype=\"multipart/form-data\" accept-charset=\"utf-8\" novalidate>", html, StringComparison.Ordinal);
        Assert.Contains("<div id=\"error-summary\" class=\"error-summary\" role=\"alert\" tabindex=\"-1\" hidden>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Submit an industrial promotion proposal – Industrial promotion</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-invalid", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Posted_ValuesKeptEachErrorAtItsFieldAndListedWithLinks()
    {
        var posted = Posted(
            new Dictionary<string, string>
            {
                [ProposalFields.OrganizationName] = "Hộ kinh doanh \"Bình\" <b>An</b>",
                [ProposalFields.Province] = "hung-yen",
                [ProposalFields.Summary] = "Dòng một\nDòng hai </textarea><script>alert(1)</script>",
                [ProposalFields.TotalCost] = "100.000.000",
                [ProposalFields.StartDate] = "2027-01-01",
            },
            new Dictionary<string, IReadOnlyList<string>>
            {
                [ProposalFields.TaxCode] = ["Vui lòng nhập mã số thuế."],
                [ProposalFields.RequestedSupport] = ["Kinh phí đề nghị hỗ trợ không được lớn hơn tổng kinh phí <100>."],
            });

        var html = await PageAsync(Language.Vietnamese, posted);

        Assert.Contains("<title>Lỗi: Đăng ký đề án khuyến công – Khuyến công</title>", html, StringComparison.Ordinal);
        Assert.Contains("<div id=\"error-summary\" class=\"error-summary\" role=\"alert\" tabindex=\"-1\">", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#taxCode\">Vui lòng nhập mã số thuế.</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#requestedSupport\">Kinh phí đề nghị hỗ trợ không được lớn hơn tổng kinh phí &lt;100&gt;.</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"field has-error\" id=\"field-taxCode\">", html, StringComparison.Ordinal);
        Assert.Equal("true", Attribute(TagWithId(html, ProposalFields.RequestedSupport), "aria-invalid"));
        Assert.Contains("aria-live=\"polite\" id=\"requestedSupport-error\">Kinh phí đề nghị hỗ trợ không được lớn hơn tổng kinh phí &lt;100&gt;.</p>", html, StringComparison.Ordinal);
        Assert.Null(Attribute(TagWithId(html, ProposalFields.OrganizationName), "aria-invalid"));
        Assert.Equal("Hộ kinh doanh &quot;Bình&quot; &lt;b&gt;An&lt;/b&gt;", Attribute(TagWithId(html, ProposalFields.OrganizationName), "value"));
        Assert.Equal("100.000.000", Attribute(TagWithId(html, ProposalFields.TotalCost), "value"));
        Assert.Equal("2027-01-01", Attribute(TagWithId(html, ProposalFields.StartDate), "value"));
        Assert.Contains("<option value=\"hung-yen\" selected>Hưng Yên</option>", html, StringComparison.Ordinal);
        Assert.Contains("Dòng một&#xA;Dòng hai &lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("Các tệp đã chọn lần trước chưa được lưu", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_PostedWithoutFieldErrors_TheProblemsDetailIsListedWithoutALink()
    {
        var posted = PostedProposalForm.From(null, new ProblemView(429, "Quá nhiều yêu cầu.", "Có quá nhiều đề án được gửi từ kết nối này.",
            new Dictionary<string, IReadOnlyList<string>>()));

        var html = await PageAsync(Language.Vietnamese, posted);

        Assert.Contains("<ul id=\"error-summary-list\"><li>Có quá nhiều đề án được gửi từ kết nối này.</li></ul>", html, StringComparison.Ordinal);
        Assert.Null(Attribute(TagWithId(html, ProposalFields.OrganizationName), "value"));
    }

    [Fact]
    public void PostedProposalForm_From_FieldErrorsAtFieldsOtherMessagesApartDetailOnlyWhenNothingElse()
    {
        var posted = Posted(new Dictionary<string, string> { [ProposalFields.Email] = "a@b.vn" }, new Dictionary<string, IReadOnlyList<string>>
        {
            ["attachments"] = ["Tệp “x.exe” không đúng loại."],
            ["body"] = ["Dữ liệu biểu mẫu không đúng định dạng."],
        });

        Assert.Equal(["attachments"], posted.Errors.Keys);
        Assert.Equal(["Dữ liệu biểu mẫu không đúng định dạng."], posted.Messages);
        Assert.Equal("a@b.vn", posted.Value(ProposalFields.Email));
        Assert.Null(posted.Value(ProposalFields.Phone));
        Assert.Null(posted.ErrorsOf(ProposalFields.Email));
    }

    [Fact]
    public async Task MoneySection_CapsUnavailable_SaysSoAndListsNoCap()
    {
        var rules = ProposalFormRules.Build(Language.English, [], Today, capsUnavailable: true);

        var html = await RenderAsync<MoneySection>(Language.English, ("Rules", rules));

        Assert.Contains("<legend>Funding</legend>", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"cap-status\">The support caps could not be loaded just now.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cap-list", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CapBox_CapFromStaff_EscapedWithNamesInTheLanguageAndMoneyGrouped()
    {
        var cap = new SupportCap(FundingSource.Local, "hung-yen", ProposalKind.Machinery, new DateOnly(2025, 1, 1), null, 40.5m, 250_000_000, "Nghị quyết <b>05</b> & \"x\"");
        var rules = ProposalFormRules.Build(Language.English, [cap], Today);

        var html = await RenderAsync<CapBox>(Language.English, ("Rules", rules));

        Assert.Contains("<li><strong>Advanced machinery and technology transfer</strong> (Local industrial promotion (provincial budget), Hưng Yên): 40.5%, 250,000,000 VND. <span class=\"basis\">Nghị quyết &lt;b&gt;05&lt;/b&gt; &amp; &quot;x&quot;</span></li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilesSection_Blank_FileInputOfTheAttachmentRulesWithTheListsForTheScript()
    {
        var html = await RenderAsync<FilesSection>(Language.Vietnamese);

        var input = TagWithId(html, "attachments");
        Assert.Equal(".pdf,.docx,.xlsx,.jpg,.jpeg,.png", Attribute(input, "accept"));
        Assert.NotNull(Attribute(input, "multiple"));
        Assert.Null(Attribute(input, "required"));
        Assert.Contains("<ul id=\"attachments-list\" class=\"file-list\"></ul>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("chọn lại", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("getElementById\\('([a-z-]+)'\\)")]
    private static partial Regex GetElementById();
}
