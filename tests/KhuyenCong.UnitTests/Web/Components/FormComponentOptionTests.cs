using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Components;
using KhuyenCong.Web.Components.Forms;
using KhuyenCong.Web.Pages.Links;
using KhuyenCong.Web.Rendering;
using static KhuyenCong.UnitTests.Web.Components.ComponentRendering;
using static KhuyenCong.UnitTests.Web.WebTestSupport;

namespace KhuyenCong.UnitTests.Web.Components;

/// <summary>What the proposal form added to the shared components: posted texts, bounds, summary messages, readable JSON, the switch of a post's page.</summary>
public class FormComponentOptionTests
{
    [Fact]
    public async Task DateField_PostedText_ShownAsSentWithAutocompleteAndMaxLength()
    {
        var html = await RenderAsync<DateField>(Language.Vietnamese, ("Name", "startDate"), ("Label", "Ngày bắt đầu"),
            ("Text", "2027-01-01\"><x>"), ("Value", (DateOnly?)new DateOnly(2026, 1, 1)), ("Autocomplete", "off"), ("MaxLength", (int?)10));

        var input = TagWithId(html, "startDate");
        Assert.Equal("2027-01-01&quot;&gt;&lt;x&gt;", Attribute(input, "value"));
        Assert.Equal("off", Attribute(input, "autocomplete"));
        Assert.Equal("10", Attribute(input, "maxlength"));
    }

    [Fact]
    public async Task DateField_Value_WrittenAsIsoDateWithoutAutocomplete()
    {
        var html = await RenderAsync<DateField>(Language.Vietnamese, ("Name", "endDate"), ("Label", "Ngày kết thúc"), ("Value", (DateOnly?)new DateOnly(2026, 3, 31)));

        var input = TagWithId(html, "endDate");
        Assert.Equal("2026-03-31", Attribute(input, "value"));
        Assert.Null(Attribute(input, "autocomplete"));
        Assert.Null(Attribute(input, "maxlength"));
    }

    [Fact]
    public async Task NumberField_Pattern_EncodedInTheAttribute()
    {
        var html = await RenderAsync<NumberField>(Language.Vietnamese, ("Name", "totalCost"), ("Label", "Tổng kinh phí"), ("Pattern", "^[0-9]+(?: ?đ)?$"));

        Assert.Equal("^[0-9]&#x2B;(?: ?đ)?$", Attribute(TagWithId(html, "totalCost"), "pattern"));
    }

    [Fact]
    public async Task TextAreaField_Autocomplete_OnTheControl()
    {
        var html = await RenderAsync<TextAreaField>(Language.Vietnamese, ("Name", "summary"), ("Label", "Tóm tắt"), ("Autocomplete", "off"));

        Assert.Equal("off", Attribute(TagWithId(html, "summary"), "autocomplete"));
    }

    [Fact]
    public async Task ErrorSummary_MessagesOfNoField_ListedAfterTheFieldsWithoutLinks()
    {
        var html = await RenderAsync<ErrorSummary>(Language.Vietnamese,
            ("Errors", (IReadOnlyDictionary<string, IReadOnlyList<string>>)new Dictionary<string, IReadOnlyList<string>> { ["email"] = ["Sai <email>."] }),
            ("Messages", (IReadOnlyList<string>)["Hệ thống <bận>."]), ("ScriptFilled", true));

        Assert.Contains("<ul id=\"error-summary-list\"><li><a href=\"#email\">Sai &lt;email&gt;.</a></li><li>Hệ thống &lt;bận&gt;.</li></ul>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorSummary_OnlyMessages_ShownNotHidden()
    {
        var html = await RenderAsync<ErrorSummary>(Language.English,
            ("Errors", (IReadOnlyDictionary<string, IReadOnlyList<string>>)new Dictionary<string, IReadOnlyList<string>>()),
            ("Messages", (IReadOnlyList<string>)["Busy."]));

        Assert.StartsWith("<div id=\"error-summary\" class=\"error-summary\" role=\"alert\" tabindex=\"-1\">", html, StringComparison.Ordinal);
        Assert.Contains("<li>Busy.</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonScript_EncoderLeavingLettersReadable_KeepsVietnameseAndStillEscapesTheMarkup()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

        var html = await RenderAsync<JsonScript>(Language.Vietnamese, ("Id", "data"), ("Value", new { name = "Hưng Yên </script><!-- & '" }), ("Options", options));

        Assert.Equal("<script type=\"application/json\" id=\"data\">{\"name\":\"Hưng Yên \\u003C/script\\u003E\\u003C!-- \\u0026 \\u0027\"}</script>", html);
    }

    [Fact]
    public async Task JsonScript_RelaxedEncoder_IsRefused()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            RenderAsync<JsonScript>(Language.Vietnamese, ("Id", "data"), ("Value", new { name = "</script>" }), ("Options", options)));
    }

    [Fact]
    public async Task PageAsync_LanguageSwitchPath_SwitchOpensThatPageNotThePostsAddress()
    {
        var request = Request("/api/proposals?lang=vi");

        var page = await Renderer.PageAsync<LinkNotFoundPage>(request, Language.Vietnamese, options: PageOptions.Standard with { LanguageSwitchPath = "/" });

        Assert.Contains("<a class=\"language-switch\" href=\"/?lang=en\" lang=\"en\" hreflang=\"en\">English</a>", page.Content, StringComparison.Ordinal);
    }
}
