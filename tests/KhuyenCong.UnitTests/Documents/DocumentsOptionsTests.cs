using KhuyenCong.Application.Documents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KhuyenCong.UnitTests.Documents;

/// <summary>The Documents settings are checked at start (ValidateOnStart), each problem naming its setting.</summary>
public class DocumentsOptionsTests
{
    /// <summary>Why the settings are refused at start: a validation failure, or the binder's own (a word that is no enum value).</summary>
    private static Exception? Failure(params (string Key, string? Value)[] settings)
    {
        using var services = DocumentsTestServices.Create(settings.ToDictionary(s => s.Key, s => s.Value));
        try
        {
            _ = services.GetRequiredService<IOptions<DocumentsOptions>>().Value;
            return null;
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
        {
            return ex;
        }
    }

    [Fact]
    public void Defaults_AreValidAndDescribeHungYen()
    {
        using var services = DocumentsTestServices.Create();
        var options = services.GetRequiredService<IOptions<DocumentsOptions>>().Value;

        Assert.Equal("Hưng Yên", options.Place);
        Assert.Equal(("UBND TỈNH HƯNG YÊN", "SỞ CÔNG THƯƠNG", "SCT"), (options.Department.Superior, options.Department.Name, options.Department.Symbol));
        Assert.Equal(("SỞ CÔNG THƯƠNG HƯNG YÊN", "TRUNG TÂM KHUYẾN CÔNG", "TTKC"), (options.Centre.Superior, options.Centre.Name, options.Centre.Symbol));
        Assert.Equal(15, options.ReceiptAnswerDays);
    }

    [Theory]
    [InlineData("Documents:Place", "", "Setting 'Documents:Place' is required.")]
    [InlineData("Documents:Centre:Name", " ", "Setting 'Documents:Centre:Name' is required.")]
    [InlineData("Documents:Centre:Symbol", "tt kc", "Setting 'Documents:Centre:Symbol' must be capital letters and digits")]
    [InlineData("Documents:Department:SignerName", "Nguyễn\u202EVăn", "Setting 'Documents:Department:SignerName' must be at most 200 characters")]
    [InlineData("Documents:ReceiptAnswerDays", "0", "Setting 'Documents:ReceiptAnswerDays' must be between 1 and 365.")]
    [InlineData("Documents:ReceiptDayCount", "Weekdays", "'Documents:ReceiptDayCount'")]
    [InlineData("Documents:ReceiptDayCount", "7", "Setting 'Documents:ReceiptDayCount' must be 'Working' or 'Calendar'.")]
    [InlineData("Documents:Holidays:0", "30/04/2026", "Setting 'Documents:Holidays' holds '30/04/2026', which is not a date yyyy-MM-dd.")]
    [InlineData("Documents:MaxTemplateBytes", "10", "Setting 'Documents:MaxTemplateBytes' must be between 1 KB and 50 MB.")]
    public void InvalidSetting_FailsNamingTheSetting(string key, string value, string message)
    {
        var failure = Failure((key, value));

        Assert.NotNull(failure);
        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Holidays_AreNotWorkingDaysOfTheReceipt()
    {
        using var services = DocumentsTestServices.Create(new Dictionary<string, string?> { ["Documents:Holidays:0"] = "2026-03-06", ["Documents:ReceiptAnswerDays"] = "1" });
        var options = services.GetRequiredService<IOptions<DocumentsOptions>>().Value;

        Assert.Equal([new DateOnly(2026, 3, 6)], options.HolidayDates());
    }
}
