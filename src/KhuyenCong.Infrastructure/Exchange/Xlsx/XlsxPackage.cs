using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Xml;
using KhuyenCong.Application.Exchange;

namespace KhuyenCong.Infrastructure.Exchange.Xlsx;

/// <summary>
/// A workbook's ZIP archive opened for reading within <see cref="SpreadsheetLimits"/>: the central directory is
/// checked first (<see cref="ZipDirectory"/>), then each part is unpacked through a <see cref="BoundedPartStream"/>
/// into an <see cref="XmlReader"/> that never processes a DTD, resolves nothing and reads at most the unpacked limit.
/// Errors come out as <see cref="SpreadsheetFormatException"/> naming the part.
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    private readonly ZipArchive archive;
    private readonly Dictionary<string, ZipArchiveEntry> entries;
    private readonly XmlReaderSettings settings;

    private XlsxPackage(ZipArchive archive, SpreadsheetLimits limits, CancellationToken cancellationToken)
    {
        this.archive = archive;
        Limits = limits;
        CancellationToken = cancellationToken;
        entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in archive.Entries)
        {
            entries.TryAdd(entry.FullName, entry);
        }

        settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = limits.MaxUnpackedBytes,
            CloseInput = true,
        };
    }

    public SpreadsheetLimits Limits { get; }

    public CancellationToken CancellationToken { get; }

    public static XlsxPackage Open(ReadOnlyMemory<byte> content, SpreadsheetLimits limits, CancellationToken cancellationToken)
    {
        _ = ZipDirectory.Read(content.Span, limits);
        var stream = MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
        try
        {
            return new XlsxPackage(new ZipArchive(stream, ZipArchiveMode.Read), limits, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            stream.Dispose();
            throw new SpreadsheetFormatException(new SpreadsheetProblem(SpreadsheetProblemKind.Damaged), ex.Message, ex);
        }
    }

    public bool Has(string part) => entries.ContainsKey(part);

    /// <summary>Opens a part for streaming; the caller disposes it and maps its errors with <see cref="PartReader.Fail"/>.</summary>
    public PartReader Open(string part)
    {
        if (!entries.TryGetValue(part, out var entry))
        {
            throw new SpreadsheetFormatException(new SpreadsheetProblem(SpreadsheetProblemKind.NotAWorkbook) { Part = ZipDirectory.ShortName(part) });
        }

        var name = ZipDirectory.ShortName(entry.FullName);
        try
        {
            var stream = new BoundedPartStream(entry.Open(), name, entry.Length, CancellationToken);
            return new PartReader(name, stream, XmlReader.Create(stream, settings));
        }
        catch (InvalidDataException ex)
        {
            throw new SpreadsheetFormatException(new SpreadsheetProblem(SpreadsheetProblemKind.Damaged) { Part = name }, ex.Message, ex);
        }
    }

    /// <summary>Reads a whole part with <paramref name="read"/>, mapping XML and unpacking errors to problems of that part.</summary>
    public T Read<T>(string part, Func<XmlReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        using var reader = Open(part);
        try
        {
            return read(reader.Xml);
        }
        catch (Exception ex) when (PartReader.IsReadError(ex))
        {
            throw reader.Fail(ex);
        }
    }

    public void Dispose() => archive.Dispose();

    /// <summary>An open part: its XML reader, and how to turn a read error into the problem it is (a DTD, or damage).</summary>
    internal sealed class PartReader(string part, BoundedPartStream stream, XmlReader xml) : IDisposable
    {
        public XmlReader Xml { get; } = xml;

        public string Part { get; } = part;

        public static bool IsReadError(Exception ex) => ex is XmlException or InvalidDataException or IOException or FormatException or OverflowException;

        public SpreadsheetFormatException Fail(Exception ex) => new(
            new SpreadsheetProblem(stream.PrologueHasDoctype ? SpreadsheetProblemKind.DtdNotAllowed : SpreadsheetProblemKind.Damaged) { Part = Part },
            ex.Message, ex);

        public void Dispose() => Xml.Dispose();
    }
}
