using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KhuyenCong.IntegrationTests.Proposals;

/// <summary>Valid proposal fields (each call a new establishment: its own tax code and email) and request bodies.</summary>
internal static class ProposalForms
{
    public static readonly Uri SubmitUri = new("/api/proposals", UriKind.Relative);

    public static readonly Uri SubmitUriEnglish = new("/api/proposals?lang=en", UriKind.Relative);

    /// <summary>A valid machinery proposal for national money in Hưng Yên: 250 of 600 million, within the national cap.</summary>
    public static Dictionary<string, object?> Valid() => new(StringComparer.Ordinal)
    {
        ["organizationName"] = "Công ty TNHH Cơ khí Hưng Phát",
        ["taxCode"] = NewTaxCode(), ["entityType"] = "sme",
        ["representative"] = "Nguyễn Văn An",
        ["email"] = NewEmail(),
        ["phone"] = "0912 345 678",
        ["address"] = "Số 12, đường Nguyễn Văn Linh",
        ["commune"] = "Phường Phố Hiến",
        ["province"] = "hung-yen",
        ["kind"] = "machinery",
        ["sector"] = "Cơ khí chế tạo",
        ["fundingSource"] = "national",
        ["title"] = "Ứng dụng máy phay CNC trong sản xuất linh kiện",
        ["summary"] = "Đầu tư 01 máy phay CNC 4 trục.\nĐào tạo 10 công nhân vận hành.",
        ["totalCost"] = "600.000.000",
        ["requestedSupport"] = "250.000.000",
        ["ownContribution"] = "350.000.000",
        ["startDate"] = "2026-03-01",
        ["endDate"] = "2026-12-31",
        ["expectedJobs"] = "12",
        ["expectedTrainees"] = "10",
    };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> form, string field, object? value)
    {
        form[field] = value;
        return form;
    }

    public static Dictionary<string, object?> Without(this Dictionary<string, object?> form, string field)
    {
        form.Remove(field);
        return form;
    }

    /// <summary>A tax code no other test uses: 10 digits.</summary>
    public static string NewTaxCode() =>
        "0" + RandomNumberGenerator.GetInt32(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);

    public static string NewEmail() => $"an.nguyen+{Guid.NewGuid():N}@example.vn";

    public static HttpContent Json(Dictionary<string, object?> form) =>
        new StringContent(JsonSerializer.Serialize(form), Encoding.UTF8, "application/json");

    /// <summary>The form as multipart/form-data text fields (strings only).</summary>
    public static MultipartBody Multipart(Dictionary<string, object?> form)
    {
        var body = new MultipartBody();
        foreach (var (name, value) in form)
        {
            if (value is not null)
            {
                body.Field(name, Convert.ToString(value, CultureInfo.InvariantCulture)!);
            }
        }

        return body;
    }
}

/// <summary>
/// A multipart/form-data body written byte by byte, so tests control every header (file names with paths, RFC 5987
/// names, wrong part names) exactly as a client could send them.
/// </summary>
internal sealed class MultipartBody
{
    private readonly string boundary = "----khuyencong-" + Guid.NewGuid().ToString("N");
    private readonly List<(string Disposition, string? ContentType, byte[] Content)> parts = [];

    public MultipartBody Field(string name, string value)
    {
        parts.Add(($"form-data; name=\"{name}\"", null, Encoding.UTF8.GetBytes(value)));
        return this;
    }

    /// <summary>A file part. <paramref name="fileName"/> is written as given inside quotes (escape it yourself);
    /// <paramref name="fileNameStar"/>, when given, is added as <c>filename*=UTF-8''…</c> (RFC 5987).</summary>
    public MultipartBody File(string fileName, byte[] content, string contentType = "application/octet-stream", string name = "attachments", string? fileNameStar = null)
    {
        var disposition = $"form-data; name=\"{name}\"; filename=\"{fileName}\"";
        if (fileNameStar is not null)
        {
            disposition += "; filename*=UTF-8''" + Uri.EscapeDataString(fileNameStar);
        }

        parts.Add((disposition, contentType, content));
        return this;
    }

    public HttpContent Build()
    {
        using var stream = new MemoryStream();
        foreach (var (disposition, contentType, content) in parts)
        {
            Write(stream, $"--{boundary}\r\nContent-Disposition: {disposition}\r\n");
            if (contentType is not null)
            {
                Write(stream, $"Content-Type: {contentType}\r\n");
            }

            Write(stream, "\r\n");
            stream.Write(content);
            Write(stream, "\r\n");
        }

        Write(stream, $"--{boundary}--\r\n");
        var result = new ByteArrayContent(stream.ToArray());
        result.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return result;
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));
}
