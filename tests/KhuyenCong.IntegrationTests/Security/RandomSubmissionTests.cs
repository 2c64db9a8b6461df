using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KhuyenCong.Testing;

namespace KhuyenCong.IntegrationTests.Security;

/// <summary>
/// Random and hostile bodies at the submission route (a fixed seed, so a failure can be replayed): every answer is a
/// success or a 4xx problem, never a 5xx.
/// </summary>
public class RandomSubmissionTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    private static readonly string[] Fields =
    [
        "organizationName", "taxCode", "representative", "email", "phone", "address", "commune", "province", "kind", "sector",
        "fundingSource", "title", "summary", "totalCost", "requestedSupport", "ownContribution", "startDate", "endDate",
        "expectedJobs", "expectedTrainees", "__proto__", "constructor", "", "attachments",
    ];

    private static readonly string[] Nasty =
    [
        "", " ", "\u0000", "\u202E\u0645\u0631\u062D\u0628\u0627", "\u200B\u200B", "<script>alert(1)</script>", "=CMD|'/c calc'!A1",
        "../../etc/passwd", "999999999999999999999999999", "-1", "1e309", "NaN", "0x10", "2027-02-30", "9999-12-31",
        "Hưng Yên", "Ha\u0300 Nô\u0323i", new string('đ', 70_000), "\uD800", "null", "true", "{}", "[]",
    ];

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(8) switch
    {
        0 => null,
        1 => random.NextInt64(long.MinValue, long.MaxValue),
        2 => random.NextDouble() * Math.Pow(10, random.Next(-5, 30)),
        3 => random.Next(2) == 0,
        4 when depth < 3 => new JsonArray(RandomValue(random, depth + 1), RandomValue(random, depth + 1)),
        5 when depth < 3 => new JsonObject { ["x"] = RandomValue(random, depth + 1) },
        6 => Nasty[random.Next(Nasty.Length)],
        _ => RandomText(random),
    };

    private static string RandomText(Random random)
    {
        var chars = new char[random.Next(0, 40)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)random.Next(0, 0x3000);
        }

        return new string(chars);
    }

    private async Task<HttpStatusCode> PostAsync(HttpContent content)
    {
        using var client = fixture.CreateClient();
        using var response = await client.PostAsync(new Uri("/api/proposals", UriKind.Relative), content);
        return response.StatusCode;
    }

    [Fact]
    public async Task Submit_RandomJsonObjects_NeverAnswers5xx()
    {
        var random = new Random(20261129);
        for (var i = 0; i < 80; i++)
        {
            var body = new JsonObject();
            foreach (var field in Fields.Where(_ => random.Next(3) > 0))
            {
                body[field] = RandomValue(random, 0);
            }

            var json = body.ToJsonString();
            var status = await PostAsync(new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.True((int)status < 500, $"case {i} answered {(int)status}: {json[..Math.Min(json.Length, 300)]}");
        }
    }

    [Fact]
    public async Task Submit_RandomBytesUnderEachContentType_NeverAnswers5xx()
    {
        var random = new Random(7);
        var types = new[] { "application/json", "multipart/form-data; boundary=xyz", "multipart/form-data", "text/plain", "application/x-www-form-urlencoded", "image/png" };
        for (var i = 0; i < 60; i++)
        {
            var bytes = new byte[random.Next(i % 3 == 0 ? 128 : 0, 4096)];
            random.NextBytes(bytes);
            if (i % 3 == 0)
            {
                Encoding.UTF8.GetBytes("--xyz\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"a.pdf\"\r\n\r\n%PDF-").CopyTo(bytes, 0);
            }

            var content = new ByteArrayContent(bytes);
            content.Headers.TryAddWithoutValidation("Content-Type", types[i % types.Length]);
            var status = await PostAsync(content);
            Assert.True((int)status < 500, $"case {i} ({types[i % types.Length]}, {bytes.Length} bytes) answered {(int)status}");
        }
    }

    [Fact]
    public async Task Submit_MalformedMultipartParts_NeverAnswer5xx()
    {
        string[] bodies =
        [
            "--xyz\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nabc",
            "--xyz\r\nContent-Disposition: attachment; filename=\"x.pdf\"\r\n\r\n%PDF-1.4\r\n--xyz--\r\n",
            "--xyz\r\nContent-Disposition: form-data; name=\"attachments\"; filename*=UTF-8''%E2%80%AEfdp.exe\r\n\r\n%PDF-1.4\r\n--xyz--\r\n",
            "--xyz\r\nContent-Disposition: form-data\r\n\r\nx\r\n--xyz--\r\n",
            "--xyz\r\n" + new string('A', 20_000) + ": b\r\n\r\nx\r\n--xyz--\r\n",
            "--xyz--\r\n",
        ];
        foreach (var body in bodies)
        {
            var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
            var status = await PostAsync(content);
            Assert.True((int)status < 500, $"answered {(int)status} for {body[..Math.Min(60, body.Length)]}");
        }
    }
}
