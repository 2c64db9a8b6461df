using System.Globalization;
using System.Xml;
using KhuyenCong.Application.Exchange;

namespace KhuyenCong.Infrastructure.Exchange.Xlsx;

/// <summary>
/// Where a workbook's first sheet, shared strings and styles are (by its relationships, as Excel, LibreOffice and
/// MiniExcel write them: relative or absolute targets), and whether its dates count from 1904.
/// </summary>
internal sealed record XlsxWorkbook(string SheetPart, string? SharedStringsPart, string? StylesPart, bool Date1904)
{
    private const string DefaultWorkbook = "xl/workbook.xml";

    public static XlsxWorkbook Locate(XlsxPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var workbook = package.Has("_rels/.rels")
            ? package.Read("_rels/.rels", xml => Targets(xml, string.Empty, (_, type) => type.EndsWith("/officeDocument", StringComparison.Ordinal)))[0] ?? DefaultWorkbook
            : DefaultWorkbook;
        if (!package.Has(workbook))
        {
            throw new SpreadsheetFormatException(new SpreadsheetProblem(SpreadsheetProblemKind.NotAWorkbook));
        }

        var (sheetId, date1904) = package.Read(workbook, FirstSheet);
        var directory = workbook.Contains('/', StringComparison.Ordinal) ? workbook[..(workbook.LastIndexOf('/') + 1)] : string.Empty;
        var rels = directory + "_rels/" + workbook[directory.Length..] + ".rels";
        if (sheetId is null || !package.Has(rels))
        {
            throw new SpreadsheetFormatException(new SpreadsheetProblem(SpreadsheetProblemKind.NotAWorkbook));
        }

        var targets = package.Read(rels, xml => Targets(xml, directory,
            (id, _) => id == sheetId,
            (_, type) => type.EndsWith("/sharedStrings", StringComparison.Ordinal),
            (_, type) => type.EndsWith("/styles", StringComparison.Ordinal)));
        var (sheet, shared, styles) = (targets[0], targets[1], targets[2]);
        if (sheet is null || !package.Has(sheet))
        {
            throw new SpreadsheetFormatException(new SpreadsheetProblem(SpreadsheetProblemKind.NotAWorkbook));
        }

        return new XlsxWorkbook(sheet, shared is not null && package.Has(shared) ? shared : null, styles is not null && package.Has(styles) ? styles : null, date1904);
    }

    /// <summary>The first &lt;sheet&gt;'s relationship id and the workbook's date system.</summary>
    private static (string? SheetId, bool Date1904) FirstSheet(XmlReader xml)
    {
        var date1904 = false;
        while (xml.Read())
        {
            if (XlsxText.IsStart(xml, "workbookPr"))
            {
                date1904 = XlsxText.Attribute(xml, "date1904") is "1" or "true";
            }
            else if (XlsxText.IsStart(xml, "sheet"))
            {
                return (RelationshipId(xml), date1904);
            }
        }

        return (null, date1904);
    }

    private static string? RelationshipId(XmlReader xml)
    {
        if (!xml.MoveToFirstAttribute())
        {
            return null;
        }

        string? id = null;
        do
        {
            if (xml.LocalName == "id" && xml.NamespaceURI.EndsWith("/relationships", StringComparison.Ordinal))
            {
                id = xml.Value;
            }
        }
        while (xml.MoveToNextAttribute());

        xml.MoveToElement();
        return id;
    }

    /// <summary>For each test (on a relationship's id and type), the resolved target of the first internal relationship passing it; keeps nothing else.</summary>
    private static string?[] Targets(XmlReader xml, string directory, params Func<string, string, bool>[] wanted)
    {
        var found = new string?[wanted.Length];
        while (xml.Read())
        {
            if (!XlsxText.IsStart(xml, "Relationship") || XlsxText.Attribute(xml, "TargetMode") == "External"
                || XlsxText.Attribute(xml, "Target") is not { Length: > 0 } target)
            {
                continue;
            }

            var id = XlsxText.Attribute(xml, "Id") ?? string.Empty;
            var type = XlsxText.Attribute(xml, "Type") ?? string.Empty;
            for (var i = 0; i < wanted.Length; i++)
            {
                if (found[i] is null && wanted[i](id, type))
                {
                    found[i] = Resolve(directory, target);
                }
            }
        }

        return found;
    }

    private static string Resolve(string directory, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : directory + target;
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }
}

/// <summary>Which cell styles show dates: the built-in date formats and custom formats with date or time parts.</summary>
internal sealed class XlsxStyles
{
    /// <summary>Excel holds at most 64,000 cell formats; styles beyond are read as not dates.</summary>
    private const int MaxStyles = 65_536;

    private const int MaxCustomFormats = 4096;

    private readonly List<bool> dateStyles = [];

    public static XlsxStyles None { get; } = new();

    public bool IsDate(int style) => style >= 0 && style < dateStyles.Count && dateStyles[style];

    public static XlsxStyles Read(XmlReader xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var styles = new XlsxStyles();
        var custom = new Dictionary<int, bool>();
        var inCellFormats = false;
        while (xml.Read())
        {
            if (XlsxText.IsStart(xml, "numFmt") && custom.Count < MaxCustomFormats
                && int.TryParse(XlsxText.Attribute(xml, "numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                custom[id] = IsDateFormat(XlsxText.Attribute(xml, "formatCode") ?? string.Empty);
            }
            else if (XlsxText.IsStart(xml, "cellXfs"))
            {
                inCellFormats = !xml.IsEmptyElement;
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
            {
                break;
            }
            else if (inCellFormats && XlsxText.IsStart(xml, "xf") && styles.dateStyles.Count < MaxStyles)
            {
                var format = int.TryParse(XlsxText.Attribute(xml, "numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0;
                styles.dateStyles.Add(custom.TryGetValue(format, out var isDate) ? isDate : IsBuiltInDate(format));
            }
        }

        return styles;
    }

    private static bool IsBuiltInDate(int id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    /// <summary>A format shows a date or time when, outside quoted text, escapes and [colour/condition] brackets, it has y, m, d, h or s.</summary>
    private static bool IsDateFormat(string code)
    {
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (quoted)
            {
                quoted = c != '"';
            }
            else if (bracket)
            {
                bracket = c != ']';
                if (bracket && char.ToLowerInvariant(c) is 'h' or 'm' or 's' && i > 0 && code[i - 1] == '[')
                {
                    return true; // [h], [mm], [ss]: elapsed time
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == '[')
            {
                bracket = true;
            }
            else if (c is '\\' or '_' or '*')
            {
                i++;
            }
            else if (char.ToLowerInvariant(c) is 'y' or 'm' or 'd' or 'h' or 's')
            {
                return true;
            }
        }

        return false;
    }
}
