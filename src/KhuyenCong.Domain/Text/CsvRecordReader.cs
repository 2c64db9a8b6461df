using System.Text;

namespace KhuyenCong.Domain.Text;

/// <summary>
/// The caps of a CSV read: records (blank lines included, the header is record 1), fields per record, and characters
/// per field. Whatever the file holds, a read keeps at most one record of <see cref="MaxFields"/> fields of at most
/// <see cref="MaxFieldChars"/> characters in memory besides the records the caller keeps.
/// </summary>
public sealed record CsvLimits(int MaxRecords, int MaxFields, int MaxFieldChars)
{
    /// <summary>The most characters a cell of Excel can hold (Microsoft's "Excel specifications and limits"); no legitimate field is longer.</summary>
    public const int ExcelMaxCellChars = 32_767;
}

/// <summary>What a CSV file broke: a cap of <see cref="CsvLimits"/>, or a quote never closed.</summary>
public enum CsvProblemKind
{
    TooManyRecords,
    TooManyFields,
    FieldTooLong,
    UnclosedQuote,
}

/// <summary>A CSV file broke a cap or its syntax at <see cref="Record"/> (starting on <see cref="Line"/>), field <see cref="Field"/> (1-based, 0 for the whole record).</summary>
public sealed class CsvLimitException : Exception
{
    public CsvLimitException()
    {
    }

    public CsvLimitException(string message)
        : base(message)
    {
    }

    public CsvLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CsvLimitException(CsvProblemKind kind, int record, int line, int field, int limit)
        : base($"CSV {kind} at record {record} (line {line}), field {field}; limit {limit}.")
    {
        Kind = kind;
        Record = record;
        Line = line;
        Field = field;
        Limit = limit;
    }

    public CsvProblemKind Kind { get; }

    public int Record { get; }

    public int Line { get; }

    public int Field { get; }

    public int Limit { get; }
}

/// <summary>
/// Reads CSV records one at a time from text (RFC 4180: a field that starts with a quote may hold separators, line
/// breaks and doubled quotes; a quote elsewhere is an ordinary character; records end at CRLF, LF or CR; a leading
/// byte order mark is skipped). Streaming and capped (<see cref="CsvLimits"/>): a huge line, a huge field, too many
/// columns, too many records (blank ones count) or a quote never closed stop the read with a
/// <see cref="CsvLimitException"/> as soon as they are seen, after reading at most one field past the cap. The
/// cancellation token is checked for every block of text read and every record.
/// </summary>
public sealed class CsvRecordReader(TextReader reader, char separator, CsvLimits limits, CancellationToken cancellationToken)
{
    private readonly char[] buffer = new char[16 * 1024];
    private readonly StringBuilder field = new();
    private int position;
    private int length;
    private int line = 1;
    private bool started;

    /// <summary>The number of the record last read (the first record is 1; blank lines are records).</summary>
    public int Record { get; private set; }

    /// <summary>The line the record last read starts on (a quoted field may span lines).</summary>
    public int Line { get; private set; }

    /// <summary>The fields of the record last read (a blank line is one empty field).</summary>
    public IReadOnlyList<string> Fields { get; private set; } = [];

    /// <summary>Reads the next record; false at the end of the text.</summary>
    public bool Read()
    {
        ArgumentNullException.ThrowIfNull(limits);
        cancellationToken.ThrowIfCancellationRequested();
        SkipByteOrderMarkAtStart();
        if (Peek() < 0)
        {
            return false;
        }

        StartRecord();
        Fields = ReadFields();
        return true;
    }

    private void SkipByteOrderMarkAtStart()
    {
        if (started)
        {
            return;
        }

        started = true;
        if (Peek() == '\uFEFF')
        {
            position++;
        }
    }

    /// <summary>Counts the record, notes the line it starts on, and stops the read past <see cref="CsvLimits.MaxRecords"/>.</summary>
    private void StartRecord()
    {
        Record++;
        Line = line;
        if (Record > limits.MaxRecords)
        {
            throw new CsvLimitException(CsvProblemKind.TooManyRecords, Record, Line, 0, limits.MaxRecords);
        }
    }

    /// <summary>The fields up to the end of the record, at most <see cref="CsvLimits.MaxFields"/>.</summary>
    private List<string> ReadFields()
    {
        var fields = new List<string>();
        while (true)
        {
            if (fields.Count == limits.MaxFields)
            {
                throw new CsvLimitException(CsvProblemKind.TooManyFields, Record, Line, fields.Count + 1, limits.MaxFields);
            }

            var end = ReadField(fields.Count + 1);
            fields.Add(field.ToString());
            if (end != separator)
            {
                return fields;
            }
        }
    }

    /// <summary>Reads one field into <see cref="field"/>; returns what ended it: the separator, '\n' (any line end) or -1 (the end of the text).</summary>
    private int ReadField(int number)
    {
        field.Clear();
        var quoted = Peek() == '"';
        if (quoted)
        {
            position++;
        }

        while (true)
        {
            var c = Next();
            if (c < 0)
            {
                return quoted ? throw new CsvLimitException(CsvProblemKind.UnclosedQuote, Record, Line, number, 0) : -1;
            }

            if (quoted)
            {
                quoted = AppendQuoted(c, number);
                continue;
            }

            if (c == separator)
            {
                return c;
            }

            if (c is '\r' or '\n')
            {
                EndLine(c);
                return '\n';
            }

            Append((char)c, number);
        }
    }

    /// <summary>
    /// Takes a character inside quotes: a doubled quote is one quote, a single quote closes the quotes, anything else
    /// (line breaks and separators included) is kept. Returns whether the field is still quoted.
    /// </summary>
    private bool AppendQuoted(int c, int number)
    {
        if (c == '"' && Peek() == '"')
        {
            position++;
            Append('"', number);
            return true;
        }

        if (c == '"')
        {
            return false;
        }

        if (c == '\n' || (c == '\r' && Peek() != '\n'))
        {
            line++;
        }

        Append((char)c, number);
        return true;
    }

    /// <summary>Ends the line at <paramref name="c"/> ('\r' or '\n'), taking the '\n' of a CRLF with it.</summary>
    private void EndLine(int c)
    {
        if (c == '\r' && Peek() == '\n')
        {
            position++;
        }

        line++;
    }

    private void Append(char c, int number)
    {
        if (field.Length == limits.MaxFieldChars)
        {
            throw new CsvLimitException(CsvProblemKind.FieldTooLong, Record, Line, number, limits.MaxFieldChars);
        }

        field.Append(c);
    }

    private int Next()
    {
        var c = Peek();
        if (c >= 0)
        {
            position++;
        }

        return c;
    }

    private int Peek()
    {
        if (position == length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            length = reader.Read(buffer, 0, buffer.Length);
            position = 0;
            if (length <= 0)
            {
                length = 0;
                return -1;
            }
        }

        return buffer[position];
    }
}
