using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace KhuyenCong.IntegrationTests.Security;

/// <summary>A hostile body: which <see cref="HostileBodies.Kinds">kind</see>, sent under which content type, with which seed, in which language.</summary>
public sealed record HostileCase(int Route, int Kind, int ContentType, int Seed, bool English)
{
    public override string ToString() =>
        $"route {Route}, {HostileBodies.Kinds[Kind % HostileBodies.Kinds.Count].Name} as '{HostileBodies.ContentTypes[ContentType % HostileBodies.ContentTypes.Count]}', seed {Seed}, {(English ? "en" : "vi")}";
}

/// <summary>
/// Bodies no route should answer with a 5xx: random bytes, JSON with lone surrogates or the wrong shapes, more form
/// fields or parts than allowed, multipart bodies cut off or without their boundary, each under any content type.
/// </summary>
public static class HostileBodies
{
    public const string Boundary = "hostile";

    /// <summary>Content types, right and wrong ("" sends none).</summary>
    public static readonly IReadOnlyList<string> ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=latin1", "text/plain",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=" + Boundary, "multipart/form-data",
        "multipart/form-data; boundary=" + new string('b', 300), "text/csv", "application/octet-stream",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "",
    ];

    public static readonly IReadOnlyList<(string Name, Func<Random, byte[]> Build)> Kinds =
    [
        ("random bytes", r => Bytes(r, r.Next(0, 4096))),
        ("JSON with lone surrogates", _ => Utf8("""{"title":"\ud800","reason":"x\udc00","comment":"\ud83d","decision":"accept","name":"\udfff","email":"a\ud800@b.vn","allocated":1,"formToken":"\ud800","criteria":[{"code":"\ud800"}]}""")),
        ("JSON of the wrong shapes", _ => Utf8("""{"title":[1,{"a":null}],"reason":{"x":1},"decision":17,"amount":"1e400","allocated":1.5e308,"version":-9223372036854775809,"criteria":"x","targets":{"a":1},"items":[null]}""")),
        ("deeply nested JSON", r => Utf8(new string('[', 200 + r.Next(2000)) + new string(']', 10))),
        ("more than 1024 form fields", r => Utf8(string.Join('&', Enumerable.Range(0, 1025 + r.Next(3000)).Select(i => $"f{i}=x")) + "&csrfToken=x&formToken=x")),
        ("a huge form field", r => Utf8("reason=" + new string('đ', 100_000 + r.Next(100_000)))),
        ("multipart cut off", r => Cut(r, Multipart(r, parts: 3, withFile: true))),
        ("multipart with too many parts", r => Multipart(r, parts: 101 + r.Next(1500), withFile: false)),
        ("multipart with malformed parts", _ => Utf8($"--{Boundary}\r\nContent-Disposition: attachment; filename=\"x.pdf\"\r\n\r\n%PDF-1.4\r\n--{Boundary}\r\n{new string('A', 20_000)}: b\r\n\r\nx\r\n--{Boundary}--\r\n")),
        ("an empty body", _ => []),
    ];

    /// <summary>The cases, over <paramref name="routes"/> routes.</summary>
    public static Arbitrary<HostileCase> Cases(int routes) =>
        (from route in Gen.Choose(0, routes - 1)
         from kind in Gen.Choose(0, Kinds.Count - 1)
         from contentType in Gen.Choose(0, ContentTypes.Count - 1)
         from seed in Gen.Choose(0, int.MaxValue)
         from english in Gen.Elements(true, false)
         select new HostileCase(route, kind, contentType, seed, english)).ToArbitrary();

    public static HttpContent Content(HostileCase hostile)
    {
        ArgumentNullException.ThrowIfNull(hostile);
        var content = new ByteArrayContent(Kinds[hostile.Kind % Kinds.Count].Build(new Random(hostile.Seed)));
        var type = ContentTypes[hostile.ContentType % ContentTypes.Count];
        if (type.Length > 0)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", type);
        }

        return content;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Cut(Random random, byte[] whole) => whole[..random.Next(1, whole.Length - 10)];

    private static byte[] Multipart(Random random, int parts, bool withFile)
    {
        var text = new StringBuilder();
        for (var i = 0; i < parts; i++)
        {
            text.Append("--").Append(Boundary).Append("\r\nContent-Disposition: form-data; name=\"field")
                .Append(i.ToString(CultureInfo.InvariantCulture)).Append("\"\r\n\r\n").Append(random.Next()).Append("\r\n");
        }

        if (withFile)
        {
            text.Append("--").Append(Boundary).Append("\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"ho-so.pdf\"\r\n")
                .Append("Content-Type: application/pdf\r\n\r\n%PDF-1.4\n").Append(new string('x', 2000)).Append("\r\n");
        }

        return Utf8(text.Append("--").Append(Boundary).Append("--\r\n").ToString());
    }
}
