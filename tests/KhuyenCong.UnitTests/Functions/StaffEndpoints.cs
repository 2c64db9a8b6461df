using KhuyenCong.Application.Links;
using KhuyenCong.Application.Options;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KhuyenCong.UnitTests.Functions;

/// <summary>The staff-route prologue as the app builds it, with a test signing key, for functions built by hand.</summary>
internal static class StaffEndpoints
{
    public const string SigningKeys = """{"current":"k1","keys":{"k1":"dGVzdC1zaWduaW5nLWtleS1mb3ItdW5pdC10ZXN0cy0zMi1ieXRlcw=="}}""";

    public static StaffFormTokens Tokens(TimeProvider? time = null, string signingKeys = SigningKeys) =>
        new(Options.Create(new LinksOptions { SigningKeys = signingKeys }), time ?? TimeProvider.System);

    public static SameOrigin Origin(string publicBaseUrl = "https://khuyencong.example.gov.vn") =>
        new(Options.Create(new KhuyenCongOptions { PublicBaseUrl = publicBaseUrl }));

    public static StaffEndpoint Create(TimeProvider? time = null) => new(Tokens(time), Origin(), NullLogger<StaffEndpoint>.Instance);
}
