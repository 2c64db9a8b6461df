using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Components;
using KhuyenCong.Web.Components.Forms;
using static KhuyenCong.UnitTests.Web.Components.ComponentRendering;

namespace KhuyenCong.UnitTests.Web.Components;

public class SharedComponentTests
{
    [Theory]
    [InlineData(Language.Vietnamese, "1.234.567 đồng")]
    [InlineData(Language.English, "1,234,567 VND")]
    public async Task Money_Amount_GroupedWithTheCurrencyOfTheLanguage(Language language, string expected)
    {
        var html = await RenderAsync<Money>(language, ("Amount", 1_234_567L));

        Assert.Equal(expected, html);
    }

    [Fact]
    public async Task DateText_DateAndInstant_DdMmYyyyInVietnamTimeWithMachineValue()
    {
        var date = await RenderAsync<DateText>(Language.English, ("Date", (DateOnly?)new DateOnly(2026, 3, 31)));
        var at = await RenderAsync<DateText>(Language.Vietnamese, ("At", (DateTimeOffset?)new DateTimeOffset(2026, 3, 31, 20, 5, 0, TimeSpan.Zero)), ("WithTime", true));

        Assert.Equal("<time datetime=\"2026-03-31\">31/03/2026</time>", date);
        Assert.Equal("<time datetime=\"2026-03-31T20:05:00Z\">01/04/2026 03:05</time>", at);
    }

    [Fact]
    public async Task StatusBadge_Status_LabelInTheLanguageAndCodeForScripts()
    {
        var html = await RenderAsync<StatusBadge>(Language.Vietnamese, ("Status", ProposalStatus.AwaitingApproval), ("Id", "status"));

        Assert.Equal("<strong class=\"status-badge status-awaiting-approval\" id=\"status\" data-status=\"awaiting-approval\">Chờ phê duyệt</strong>", html);
    }

    [Fact]
    public async Task TextField_WithHintAndError_LabelHintErrorAndAriaLinkThem()
    {
        var html = await RenderAsync<TextField>(Language.Vietnamese,
            ("Name", "taxCode"), ("Label", "Mã số thuế"), ("Hint", "10 chữ số"), ("Errors", (IReadOnlyList<string>)["Vui lòng nhập mã số thuế."]),
            ("Required", true), ("ShowRequirement", true), ("InputMode", InputMode.Numeric), ("MaxLength", (int?)14), ("Value", "01\"><script>"));

        Assert.Contains("<div class=\"field has-error\" id=\"field-taxCode\">", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"taxCode\">Mã số thuế <span class=\"required\">(bắt buộc)</span></label>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"hint\" id=\"taxCode-hint\">10 chữ số</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"field-error\" aria-live=\"polite\" id=\"taxCode-error\">Vui lòng nhập mã số thuế.</p>", html, StringComparison.Ordinal);
        var input = WebTestSupport.TagWithId(html, "taxCode");
        Assert.Equal("taxCode-hint taxCode-error", WebTestSupport.Attribute(input, "aria-describedby"));
        Assert.Equal("true", WebTestSupport.Attribute(input, "aria-invalid"));
        Assert.Equal("numeric", WebTestSupport.Attribute(input, "inputmode"));
        Assert.Equal("14", WebTestSupport.Attribute(input, "maxlength"));
        Assert.NotNull(WebTestSupport.Attribute(input, "required"));
        Assert.Equal("01&quot;&gt;&lt;script&gt;", WebTestSupport.Attribute(input, "value"));
    }

    [Fact]
    public async Task TextField_WithoutError_NoAriaInvalidAndAnEmptyErrorForScripts()
    {
        var html = await RenderAsync<TextField>(Language.English, ("Name", "email"), ("Label", "Email"), ("Type", TextInputType.Email));

        var input = WebTestSupport.TagWithId(html, "email");
        Assert.Null(WebTestSupport.Attribute(input, "aria-invalid"));
        Assert.Null(WebTestSupport.Attribute(input, "required"));
        Assert.Equal("email", WebTestSupport.Attribute(input, "type"));
        Assert.Equal("email-error", WebTestSupport.Attribute(input, "aria-describedby"));
        Assert.Contains("<p class=\"field-error\" aria-live=\"polite\" id=\"email-error\"></p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Field_AnAttributeThatIsNotAParameter_IsRefused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RenderAsync<TextField>(Language.Vietnamese, ("Name", "q"), ("Label", "Tìm"), ("onfocus", "alert(1)")));

        Assert.Contains("'onfocus' is not a parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Field_DataAttribute_PassesToTheControl()
    {
        var html = await RenderAsync<NumberField>(Language.Vietnamese, ("Name", "points-a"), ("Label", "Điểm"), ("data-criterion", "a"), ("Value", (long?)12_500));

        var input = WebTestSupport.TagWithId(html, "points-a");
        Assert.Equal("a", WebTestSupport.Attribute(input, "data-criterion"));
        Assert.Equal("12.500", WebTestSupport.Attribute(input, "value"));
        Assert.Equal("numeric", WebTestSupport.Attribute(input, "inputmode"));
        Assert.Equal("input-number", WebTestSupport.Attribute(input, "class"));
    }

    [Fact]
    public async Task SelectAndDateFields_Value_SelectedOptionAndIsoDate()
    {
        var select = await RenderAsync<SelectField>(Language.Vietnamese, ("Name", "kind"), ("Label", "Nội dung"), ("Value", "brand"),
            ("Options", (IReadOnlyList<ChoiceOption>)[new("machinery", "Máy móc"), new("brand", "Thương hiệu")]));
        var date = await RenderAsync<DateField>(Language.Vietnamese, ("Name", "startDate"), ("Label", "Ngày bắt đầu"),
            ("Value", (DateOnly?)new DateOnly(2026, 4, 1)), ("Min", (DateOnly?)new DateOnly(2026, 1, 1)));

        Assert.Contains("<option value>— Chọn —</option>", select, StringComparison.Ordinal);
        Assert.Contains("<option value=\"brand\" selected>Thương hiệu</option>", select, StringComparison.Ordinal);
        Assert.Contains("<option value=\"machinery\">Máy móc</option>", select, StringComparison.Ordinal);
        var input = WebTestSupport.TagWithId(date, "startDate");
        Assert.Equal("2026-04-01", WebTestSupport.Attribute(input, "value"));
        Assert.Equal("2026-01-01", WebTestSupport.Attribute(input, "min"));
    }

    [Fact]
    public async Task RadioGroup_NoValue_NothingPreselectedAndLegendNamesTheGroup()
    {
        var html = await RenderAsync<RadioGroup>(Language.Vietnamese, ("Name", "decision"), ("Label", "Quyết định"), ("Required", true),
            ("Options", (IReadOnlyList<ChoiceOption>)[new("accept", "Chấp nhận"), new("reject", "Từ chối")]));

        Assert.Contains("<legend>Quyết định</legend>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("checked", html, StringComparison.Ordinal);
        Assert.Contains("id=\"decision-accept\"", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("type=\"radio\"").Length - 1);
    }

    [Fact]
    public async Task CheckboxGroup_Values_CheckedOnesAndNoneRequired()
    {
        var html = await RenderAsync<CheckboxGroup>(Language.Vietnamese, ("Name", "remove"), ("Label", "Bỏ tệp"), ("Required", true),
            ("Options", (IReadOnlyList<ChoiceOption>)[new("f1", "a.pdf"), new("f2", "b.pdf", Id: "remove-b")]), ("Values", (IReadOnlyCollection<string>)["f2"]));

        Assert.Contains("<input type=\"checkbox\" name=\"remove\" id=\"remove-f1\" value=\"f1\" />", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"checkbox\" name=\"remove\" id=\"remove-b\" value=\"f2\" checked />", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorSummary_Errors_EachMessageLinksToItsField()
    {
        var errors = new Dictionary<string, IReadOnlyList<string>> { ["taxCode"] = ["Sai mã số thuế.", "Quá dài."], ["title"] = ["<b>Thiếu</b> tên."] };

        var html = await RenderAsync<ErrorSummary>(Language.English, ("Errors", (IReadOnlyDictionary<string, IReadOnlyList<string>>)errors));
        var empty = await RenderAsync<ErrorSummary>(Language.English, ("Errors", (IReadOnlyDictionary<string, IReadOnlyList<string>>)new Dictionary<string, IReadOnlyList<string>>()));

        Assert.Contains("<h2 id=\"error-summary-title\">Please correct the following</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#taxCode\">Quá dài.</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#title\">&lt;b&gt;Thiếu&lt;/b&gt; tên.</a></li>", html, StringComparison.Ordinal);
        Assert.Equal(string.Empty, empty);
    }

    [Fact]
    public async Task DataTable_CaptionAndRows_InAFocusableScrollingRegion()
    {
        var html = await RenderAsync<DataTable>(Language.Vietnamese, ("Id", "table-kind"), ("Caption", "Theo nội dung"),
            ("Head", Markup("<th scope=\"col\">Nội dung</th>")), ("ChildContent", Markup("<tr><td>Máy móc</td></tr>")));

        Assert.StartsWith("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"table-kind-caption\" tabindex=\"0\"><table id=\"table-kind\">", html, StringComparison.Ordinal);
        Assert.Contains("<caption id=\"table-kind-caption\">Theo nội dung</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<thead><tr><th scope=\"col\">Nội dung</th></tr></thead>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FactsAndButtons_Render_DefinitionRowsAndTheKindsClass()
    {
        var facts = await RenderAsync<Fact>(Language.Vietnamese, ("Label", "Tổng kinh phí"), ("Value", "600.000.000 đồng"), ("Id", "proposal-total"));
        var cancel = await RenderAsync<Button>(Language.Vietnamese, ("Kind", ButtonKind.Destructive), ("Id", "cancel"), ("ChildContent", Text("Hủy đề án")));
        var secondary = await RenderAsync<LinkButton>(Language.Vietnamese, ("Href", "/dashboard?print=1"), ("ChildContent", Text("In")));

        Assert.Equal("<div class=\"row\"><dt>Tổng kinh phí</dt><dd id=\"proposal-total\">600.000.000 đồng</dd></div>", facts);
        Assert.Equal("<button type=\"submit\" class=\"button destructive\" id=\"cancel\">Hủy đề án</button>", cancel);
        Assert.Equal("<a class=\"button secondary\" href=\"/dashboard?print=1\">In</a>", secondary);
    }

    [Fact]
    public async Task JsonScript_ValueThatWouldCloseTheElement_IsEscaped()
    {
        var html = await RenderAsync<JsonScript>(Language.Vietnamese, ("Id", "form-rules"), ("Value", new { title = "</script><script>alert('x')</script>", name = "Hưng Yên" }));

        Assert.StartsWith("<script type=\"application/json\" id=\"form-rules\">{\"title\":\"\\u003C/script\\u003E", html, StringComparison.Ordinal);
        Assert.Equal(1, html.Split("</script>").Length - 1);
        using var json = System.Text.Json.JsonDocument.Parse(html["<script type=\"application/json\" id=\"form-rules\">".Length..^"</script>".Length]);
        Assert.Equal("Hưng Yên", json.RootElement.GetProperty("name").GetString());
    }
}
