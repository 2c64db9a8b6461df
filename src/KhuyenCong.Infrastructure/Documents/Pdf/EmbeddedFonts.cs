using PdfSharp.Fonts;

namespace KhuyenCong.Infrastructure.Documents.Pdf;

/// <summary>
/// The fonts the PDF receipt is drawn with, from this assembly's resources: Liberation Serif 2.1.5 (SIL Open Font
/// License 1.1, Documents/Fonts/LICENSE-OFL.txt), metric-compatible with Times New Roman and covering every Vietnamese
/// letter. PDFsharp embeds the subset a document uses. No system font is ever looked up, so a PDF looks the same on
/// every host.
/// </summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "Liberation Serif";

    private static readonly object Gate = new();

    private EmbeddedFonts()
    {
    }

    /// <summary>Installs the resolver (once per process: PDFsharp keeps it in a static setting).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFonts)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase)
            ? new FontResolverInfo(bold ? "LiberationSerif-Bold" : italic ? "LiberationSerif-Italic" : "LiberationSerif-Regular")
            : null;

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"KhuyenCong.Infrastructure.Documents.Fonts.{faceName}.ttf");
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
