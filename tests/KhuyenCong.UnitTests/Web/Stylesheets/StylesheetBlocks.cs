using System.Text;

namespace KhuyenCong.UnitTests.Web.Stylesheets;

/// <summary>
/// The block structure of a style sheet, checked by a scan that knows comments and strings: every block closed, no
/// stray closing brace, and no rule inside a style rule's declarations. The site does not use CSS nesting, so a rule
/// there means a closing brace was lost before it (browsers then nest, or drop, everything after it).
/// </summary>
internal static class StylesheetBlocks
{
    /// <summary>At-rules whose block holds declarations, not rules.</summary>
    private static readonly string[] DeclarationAtRules = ["@font-face", "@page", "@property", "@counter-style", "@font-palette-values"];

    /// <summary>The problems found, each with its line; empty when the structure is sound.</summary>
    public static IReadOnlyList<string> Problems(string css)
    {
        ArgumentNullException.ThrowIfNull(css);
        var problems = new List<string>();
        var open = new Stack<(int Line, bool HoldsDeclarations, string Prelude)>();
        var prelude = new StringBuilder();
        var line = 1;
        for (var i = 0; i < css.Length; i++)
        {
            var c = css[i];
            if (c == '/' && i + 1 < css.Length && css[i + 1] == '*')
            {
                var end = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    problems.Add($"line {line}: a comment is never closed");
                    return problems;
                }

                line += Count(css, i, end, '\n');
                i = end + 1;
                continue;
            }

            switch (c)
            {
                case '\n':
                    line++;
                    prelude.Append(' ');
                    break;
                case '"' or '\'':
                    var close = StringEnd(css, i);
                    if (close < 0)
                    {
                        problems.Add($"line {line}: a string is never closed");
                        return problems;
                    }

                    prelude.Append(css, i, close - i + 1);
                    i = close;
                    break;
                case '{':
                    var text = prelude.ToString().Trim();
                    if (open.TryPeek(out var parent) && parent.HoldsDeclarations)
                    {
                        problems.Add($"line {line}: the rule \"{text}\" is inside the declarations of \"{parent.Prelude}\" (line {parent.Line}): a closing brace is missing before it");
                    }

                    var atRule = text.StartsWith('@');
                    open.Push((line, !atRule || DeclarationAtRules.Any(a => text.StartsWith(a, StringComparison.OrdinalIgnoreCase)), text));
                    prelude.Clear();
                    break;
                case '}':
                    if (!open.TryPop(out _))
                    {
                        problems.Add($"line {line}: a closing brace closes nothing");
                    }

                    prelude.Clear();
                    break;
                case ';':
                    prelude.Clear();
                    break;
                default:
                    prelude.Append(c);
                    break;
            }
        }

        problems.AddRange(open.Reverse().Select(b => $"line {b.Line}: the block of \"{b.Prelude}\" is never closed"));
        return problems;
    }

    private static int StringEnd(string css, int start)
    {
        for (var i = start + 1; i < css.Length; i++)
        {
            if (css[i] == '\\')
            {
                i++;
            }
            else if (css[i] == css[start])
            {
                return i;
            }
            else if (css[i] == '\n')
            {
                return -1;
            }
        }

        return -1;
    }

    private static int Count(string text, int from, int to, char c)
    {
        var n = 0;
        for (var i = from; i < to; i++)
        {
            if (text[i] == c)
            {
                n++;
            }
        }

        return n;
    }
}
