using System.Globalization;
using System.Xml;
using KhuyenCong.Application.Exchange;

namespace KhuyenCong.Infrastructure.Exchange.Xlsx;

/// <summary>
/// Streams the rows of a worksheet part, one &lt;row&gt; at a time, within <see cref="SpreadsheetLimits"/>: a declared
/// dimension beyond the limits' rows or columns is refused before any row is read; every row number (blank rows
/// included; rows must come in order, as the format requires) must be within the row limit and every cell (by its
/// reference, or its place when it has none) within the column limit, with at most that many cells per row; a cell's
/// text is read in chunks up to the cell limit, and all texts count against the text budget. Nothing after
/// &lt;sheetData&gt; is read. Only memory for one row is used besides the rows returned.
/// </summary>
internal sealed class XlsxSheetReader : IDisposable
{
    private readonly XlsxPackage.PartReader part;
    private readonly XmlReader xml;
    private readonly SpreadsheetLimits limits;
    private readonly IReadOnlyList<string> shared;
    private readonly XlsxStyles styles;
    private readonly bool date1904;
    private readonly TextBudget budget;
    private readonly XlsxText text = new();
    private readonly CancellationToken cancellationToken;
    private int sheetDataDepth = -1;
    private int lastRow;
    private bool done;

    public XlsxSheetReader(XlsxPackage package, XlsxWorkbook workbook, IReadOnlyList<string> shared, XlsxStyles styles, TextBudget budget)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(workbook);
        part = package.Open(workbook.SheetPart);
        xml = part.Xml;
        limits = package.Limits;
        cancellationToken = package.CancellationToken;
        this.shared = shared;
        this.styles = styles;
        date1904 = workbook.Date1904;
        this.budget = budget;
    }

    /// <summary>The next row that is not blank, or null at the end of the sheet.</summary>
    public SpreadsheetRow? Next()
    {
        try
        {
            while (!done)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (ReadRow() is { } row)
                {
                    return row;
                }
            }

            return null;
        }
        catch (Exception ex) when (XlsxPackage.PartReader.IsReadError(ex))
        {
            throw part.Fail(ex);
        }
    }

    public void Dispose() => part.Dispose();

    /// <summary>Reads up to and through the next &lt;row&gt;: the row when it has a value, null when blank or at the end.</summary>
    private SpreadsheetRow? ReadRow()
    {
        if (!MoveToNextRow())
        {
            done = true;
            return null;
        }

        var number = RowNumber();
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return null;
        }

        var (cells, width) = ReadCells(number);
        xml.Read();
        return cells.Take(width).All(string.IsNullOrWhiteSpace) ? null : new SpreadsheetRow(number, cells.Take(width).ToList());
    }

    /// <summary>Moves to the next &lt;row&gt; start (entering &lt;sheetData&gt; first); false at the end of the rows.</summary>
    private bool MoveToNextRow()
    {
        if (sheetDataDepth < 0 && !EnterSheetData())
        {
            return false;
        }

        while (!XlsxText.IsStart(xml, "row"))
        {
            if (XlsxText.IsEnd(xml, sheetDataDepth))
            {
                return false;
            }

            SkipNode();
        }

        return true;
    }

    /// <summary>Reads the cells of the row at the reader, up to its end tag: the values by column, and the last column with a value.</summary>
    private (string?[] Cells, int Width) ReadCells(int number)
    {
        var cells = new string?[limits.MaxColumns];
        var width = 0;
        var depth = xml.Depth;
        var count = 0;
        var column = 0;
        xml.Read();
        while (!XlsxText.IsEnd(xml, depth))
        {
            if (!XlsxText.IsStart(xml, "c"))
            {
                SkipNode();
                continue;
            }

            column = CellColumn(number, column, ++count, out var reference);
            var value = ReadCell(reference);
            cells[column - 1] = value;
            if (value is not null)
            {
                width = Math.Max(width, column);
            }
        }

        return (cells, width);
    }

    /// <summary>Moves into &lt;sheetData&gt;, checking the declared &lt;dimension&gt; on the way; false when the sheet has no rows.</summary>
    private bool EnterSheetData()
    {
        if (xml.MoveToContent() != XmlNodeType.Element || xml.IsEmptyElement)
        {
            return false;
        }

        var depth = xml.Depth;
        xml.Read();
        while (!XlsxText.IsEnd(xml, depth))
        {
            if (XlsxText.IsStart(xml, "sheetData"))
            {
                if (xml.IsEmptyElement)
                {
                    return false;
                }

                sheetDataDepth = xml.Depth;
                xml.Read();
                return true;
            }

            if (XlsxText.IsStart(xml, "dimension"))
            {
                CheckDimension(XlsxText.Attribute(xml, "ref"));
            }

            SkipNode();
        }

        return false;
    }

    private void SkipNode()
    {
        if (xml.NodeType == XmlNodeType.Element)
        {
            xml.Skip();
        }
        else
        {
            xml.Read();
        }
    }

    private void CheckDimension(string? reference)
    {
        var last = reference?.Split(':')[^1];
        if (last is null || !XlsxCells.TryParse(last, out var column, out var row, rowOptional: true))
        {
            return; // not a reference: the dimension is only a hint, and the rows and cells are checked themselves
        }

        var shown = reference!.Length <= 30 ? reference : reference[..30] + "…";
        if (column > limits.MaxColumns)
        {
            throw Problem(SpreadsheetProblemKind.TooManyColumns, null, shown, limits.MaxColumns);
        }

        if (row > limits.MaxRows)
        {
            throw Problem(SpreadsheetProblemKind.TooManyRows, row, shown, limits.MaxRows);
        }
    }

    private int RowNumber()
    {
        var attribute = XlsxText.Attribute(xml, "r");
        int number;
        if (attribute is null)
        {
            number = lastRow + 1;
        }
        else if (attribute.Length is > 0 and <= 7 && attribute.All(char.IsAsciiDigit))
        {
            number = int.Parse(attribute, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        else
        {
            number = attribute.Length > 7 && attribute.All(char.IsAsciiDigit) ? XlsxCells.Beyond : throw Problem(SpreadsheetProblemKind.Damaged, lastRow + 1, null, 0);
        }

        if (number <= lastRow)
        {
            throw Problem(SpreadsheetProblemKind.Damaged, lastRow + 1, null, 0);
        }

        if (number > limits.MaxRows)
        {
            throw Problem(SpreadsheetProblemKind.TooManyRows, number == XlsxCells.Beyond ? null : number, null, limits.MaxRows);
        }

        lastRow = number;
        return number;
    }

    /// <summary>The column of the &lt;c&gt; the reader is on (its reference, or the one after the previous cell), within the limits.</summary>
    private int CellColumn(int row, int previous, int count, out string reference)
    {
        var attribute = XlsxText.Attribute(xml, "r");
        var column = previous + 1;
        if (attribute is not null)
        {
            if (!XlsxCells.TryParse(attribute, out column, out var cellRow))
            {
                throw Problem(SpreadsheetProblemKind.Damaged, row, null, 0);
            }

            if (cellRow != row && column <= limits.MaxColumns)
            {
                throw Problem(SpreadsheetProblemKind.Damaged, row, null, 0);
            }
        }

        reference = attribute is { Length: <= 20 } ? attribute : XlsxCells.Reference(Math.Min(column, 16_384), row);
        if (column > limits.MaxColumns || count > limits.MaxColumns)
        {
            throw Problem(SpreadsheetProblemKind.TooManyColumns, row, reference, limits.MaxColumns);
        }

        return column;
    }

    /// <summary>Reads the &lt;c&gt; the reader is on, through its end: its value as text, or null.</summary>
    private string? ReadCell(string reference)
    {
        var type = XlsxText.Attribute(xml, "t");
        var style = int.TryParse(XlsxText.Attribute(xml, "s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return null;
        }

        string? raw = null;
        string? inline = null;
        var tooLong = () => new SpreadsheetFormatException(new SpreadsheetProblem(SpreadsheetProblemKind.CellTooLong) { Part = part.Part, Cell = reference, Limit = limits.MaxCellChars });
        var depth = xml.Depth;
        xml.Read();
        while (!XlsxText.IsEnd(xml, depth))
        {
            if (XlsxText.IsStart(xml, "v"))
            {
                raw = text.ReadElement(xml, limits.MaxCellChars, tooLong);
                budget.Spend(raw.Length);
            }
            else if (XlsxText.IsStart(xml, "is"))
            {
                inline = text.ReadRich(xml, limits.MaxCellChars, tooLong);
                budget.Spend(inline.Length);
            }
            else
            {
                SkipNode();
            }
        }

        xml.Read();
        var value = XlsxCells.Value(type, raw, inline, styles.IsDate(style), date1904, shared, out var badIndex);
        return badIndex ? throw Problem(SpreadsheetProblemKind.Damaged, null, reference, 0) : value;
    }

    private SpreadsheetFormatException Problem(SpreadsheetProblemKind kind, int? row, string? cell, long limit) =>
        new(new SpreadsheetProblem(kind) { Part = part.Part, Row = row, Cell = cell, Limit = limit });
}
