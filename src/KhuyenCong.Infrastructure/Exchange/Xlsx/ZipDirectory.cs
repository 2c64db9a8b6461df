using System.Buffers.Binary;
using System.Text;
using KhuyenCong.Application.Exchange;

namespace KhuyenCong.Infrastructure.Exchange.Xlsx;

/// <summary>An entry of a ZIP archive's central directory: its name and declared packed and unpacked sizes.</summary>
internal sealed record ZipEntryInfo(string Name, long CompressedSize, long UncompressedSize);

/// <summary>
/// Checks a ZIP archive's central directory before anything is unpacked, reading only its headers (no allocation
/// beyond the names of at most <see cref="SpreadsheetLimits.MaxZipEntries"/> entries): the number of entries (from the
/// end record, before any entry is read, so thousands of entries cost nothing), each entry's declared unpacked size,
/// their sum, and each large entry's compression ratio. It also refuses what <see cref="System.IO.Compression.ZipArchive"/>
/// would otherwise trust: a directory that does not end right at the end record (room for more entries than declared),
/// ZIP64 records (never needed below the limits), encryption, and unknown compression methods. The sizes are only
/// declarations: <see cref="BoundedPartStream"/> holds each entry to its declared size while unpacking.
/// </summary>
internal static class ZipDirectory
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint EntrySignature = 0x02014b50;
    private const int EndLength = 22;
    private const int EntryLength = 46;

    public static IReadOnlyList<ZipEntryInfo> Read(ReadOnlySpan<byte> zip, SpreadsheetLimits limits)
    {
        var (total, size, offset) = ReadEndRecord(zip, limits);
        var entries = new List<ZipEntryInfo>(total);
        var position = offset;
        long unpacked = 0;
        for (var i = 0; i < total; i++)
        {
            var entry = ReadEntry(zip, ref position, offset + size);
            CheckEntry(entry, limits);
            unpacked += entry.UncompressedSize;
            if (unpacked > limits.MaxUnpackedBytes)
            {
                throw new SpreadsheetFormatException(new SpreadsheetProblem(SpreadsheetProblemKind.UnpackedTooLarge) { Limit = limits.MaxUnpackedBytes });
            }

            entries.Add(entry);
        }

        return position == offset + size ? entries : throw Damaged();
    }

    /// <summary>
    /// The end record's entry count, directory size and offset, once checked: no ZIP64 locator, a single disk, at most
    /// <see cref="SpreadsheetLimits.MaxZipEntries"/> entries, and a directory that ends right at the end record.
    /// </summary>
    private static (int Total, long Size, long Offset) ReadEndRecord(ReadOnlySpan<byte> zip, SpreadsheetLimits limits)
    {
        var end = FindEnd(zip);
        if (end < 0 || (end >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(zip[(end - 20)..]) == Zip64LocatorSignature))
        {
            throw Damaged();
        }

        var record = zip[end..];
        int total = BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
        long size = BinaryPrimitives.ReadUInt32LittleEndian(record[12..]);
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(record[16..]);
        if (total > limits.MaxZipEntries)
        {
            throw new SpreadsheetFormatException(new SpreadsheetProblem(SpreadsheetProblemKind.TooManyEntries)
            {
                Limit = limits.MaxZipEntries,
                Actual = total == ushort.MaxValue ? null : total,
            });
        }

        if (BinaryPrimitives.ReadUInt16LittleEndian(record[4..]) != 0 || BinaryPrimitives.ReadUInt16LittleEndian(record[6..]) != 0
            || BinaryPrimitives.ReadUInt16LittleEndian(record[8..]) != total || offset + size != end)
        {
            throw Damaged();
        }

        return (total, size, offset);
    }

    /// <summary>A short form of a part's name for messages and logs (names come from the file).</summary>
    public static string ShortName(string name) => name.Length <= 100 ? name : name[..100] + "…";

    private static void CheckEntry(ZipEntryInfo entry, SpreadsheetLimits limits)
    {
        if (entry.UncompressedSize > limits.MaxUnpackedBytes)
        {
            throw new SpreadsheetFormatException(new SpreadsheetProblem(SpreadsheetProblemKind.PartTooLarge)
            {
                Part = ShortName(entry.Name),
                Limit = limits.MaxUnpackedBytes,
                Actual = entry.UncompressedSize,
            });
        }

        if (entry.UncompressedSize >= limits.RatioCheckedFromBytes && entry.UncompressedSize > limits.MaxCompressionRatio * Math.Max(1, entry.CompressedSize))
        {
            throw new SpreadsheetFormatException(new SpreadsheetProblem(SpreadsheetProblemKind.CompressionRatio)
            {
                Part = ShortName(entry.Name),
                Limit = limits.MaxCompressionRatio,
                Actual = entry.UncompressedSize / Math.Max(1, entry.CompressedSize),
            });
        }
    }

    private static ZipEntryInfo ReadEntry(ReadOnlySpan<byte> zip, ref long position, long directoryEnd)
    {
        if (position + EntryLength > directoryEnd || BinaryPrimitives.ReadUInt32LittleEndian(zip[(int)position..]) != EntrySignature)
        {
            throw Damaged();
        }

        var header = zip.Slice((int)position, EntryLength);
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        var method = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
        long compressed = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
        long uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(header[24..]);
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
        var variable = nameLength + BinaryPrimitives.ReadUInt16LittleEndian(header[30..]) + BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
        if (position + EntryLength + variable > directoryEnd)
        {
            throw Damaged();
        }

        var name = Encoding.UTF8.GetString(zip.Slice((int)position + EntryLength, nameLength));
        position += EntryLength + variable;
        if ((flags & 1) != 0 || method is not (0 or 8 or 9) || compressed == uint.MaxValue || uncompressed == uint.MaxValue)
        {
            throw new SpreadsheetFormatException(new SpreadsheetProblem(SpreadsheetProblemKind.Damaged) { Part = ShortName(name) });
        }

        return new ZipEntryInfo(name, compressed, uncompressed);
    }

    private static int FindEnd(ReadOnlySpan<byte> zip)
    {
        var lowest = Math.Max(0, zip.Length - EndLength - ushort.MaxValue);
        for (var i = zip.Length - EndLength; i >= lowest; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip[i..]) == EndSignature)
            {
                return i;
            }
        }

        return -1;
    }

    private static SpreadsheetFormatException Damaged() => new(new SpreadsheetProblem(SpreadsheetProblemKind.Damaged));
}
