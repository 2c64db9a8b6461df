using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.EndToEndTests.Web;

/// <summary>Fills and checks the proposal form the way a person on a phone would.</summary>
internal static class ProposalFormDriver
{
    /// <summary>Fills every field with a valid Vietnamese proposal (machinery, national money, Hưng Yên).</summary>
    public static async Task FillValidProposalAsync(IPage page, string pdfPath)
    {
        await page.FillAsync("#organizationName", "Hộ kinh doanh Nguyễn Văn Bình");
        await page.FillAsync("#taxCode", "0901234567");
        await page.SelectOptionAsync("#entityType", new SelectOptionValue { Value = "household-business" });
        await page.FillAsync("#representative", "Nguyễn Văn Bình");
        await page.FillAsync("#email", "binh.nguyen@example.vn");
        await page.FillAsync("#phone", "0912 345 678");
        await page.FillAsync("#address", "Thôn Đông Kết, đường Nguyễn Thiện Thuật");
        await page.FillAsync("#commune", "Xã Khoái Châu");
        await page.SelectOptionAsync("#province", new SelectOptionValue { Label = "Hưng Yên" });
        await page.SelectOptionAsync("#kind", new SelectOptionValue { Value = "machinery" });
        await page.FillAsync("#sector", "Chế biến nông sản");
        await page.FillAsync("#title", "Ứng dụng máy sấy nhãn lồng tiên tiến");
        await page.FillAsync("#summary", "Đầu tư hệ thống sấy nhãn lồng bằng bơm nhiệt, giảm hao hụt và nâng chất lượng long nhãn Hưng Yên.\nĐịa điểm: xưởng của hộ tại thôn Đông Kết.");
        await page.SelectOptionAsync("#fundingSource", new SelectOptionValue { Value = "national" });
        await page.FillAsync("#totalCost", "600.000.000");
        await page.FillAsync("#requestedSupport", "300.000.000");
        await page.FillAsync("#ownContribution", "300.000.000");
        await page.FillAsync("#startDate", "01/04/2026");
        await page.FillAsync("#endDate", "31/10/2026");
        await page.FillAsync("#expectedJobs", "12");
        await page.FillAsync("#expectedTrainees", "20");
        await page.SetInputFilesAsync("#attachments", pdfPath);
        await page.Locator("#expectedTrainees").BlurAsync();
    }

    /// <summary>
    /// Sends a form that passes its own checks, as a person does with the script (ADR 0030): the first press shows the
    /// "check your answers" step, the second ("Gửi hồ sơ") sends.
    /// </summary>
    public static async Task CheckAndSendAsync(IPage page)
    {
        await page.ClickAsync("#submit-button");
        await Expect(page.Locator("#check-answers")).ToBeVisibleAsync();
        await page.ClickAsync("#submit-button");
    }

    /// <summary>The cap box for national machinery money: 50% and 300.000.000 đồng, and the typed figures.</summary>
    public static async Task ExpectMachineryCapBoxAsync(IPage page)
    {
        await Expect(page.Locator("#cap-details")).ToBeVisibleAsync();
        await Expect(page.Locator("#cap-max-percent")).ToHaveTextAsync("50%");
        await Expect(page.Locator("#cap-max-amount")).ToHaveTextAsync("300.000.000 đồng");
        await Expect(page.Locator("#cap-basis")).ToContainTextAsync("Thông tư 28/2018/TT-BTC");
        await Expect(page.Locator("#cap-max-support")).ToHaveTextAsync("300.000.000 đồng");
        await Expect(page.Locator("#cap-requested-percent")).ToHaveTextAsync("50%");
        await Expect(page.Locator("#cap-own-computed")).ToHaveTextAsync("300.000.000 đồng");
        await Expect(page.Locator("#cap-warning")).ToBeHiddenAsync();
        await Expect(page.Locator("#own-mismatch")).ToBeHiddenAsync();
    }

    /// <summary>Nothing on the page is wider than the phone's screen.</summary>
    public static async Task ExpectNoHorizontalScrollAsync(IPage page)
    {
        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, viewport) = (sizes[0], sizes[1]);
        Assert.True(scrollWidth <= viewport, $"the page is {scrollWidth}px wide on a {viewport}px screen");
    }

    /// <summary>A small valid PDF 1.4 (one empty page) with correct cross-reference offsets.</summary>
    public static string WriteMinimalPdf(string fileName)
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "khuyencong-e2e-" + Guid.NewGuid().ToString("N")));
        var path = Path.Combine(directory.FullName, fileName);
        File.WriteAllText(path, pdf.ToString(), Encoding.ASCII);
        return path;
    }
}
