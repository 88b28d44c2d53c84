using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Workflows.Definitions.Yaml;

/// <summary>
/// Writes a <see cref="YamlNode"/> tree in the one canonical layout: block style, two-space indent,
/// sequences indented under their key, one value per line, strings quoted only when a plain
/// scalar would read as something else. One field therefore always owns its own lines, which is
/// what keeps <c>git diff</c> of a one-field change to that field.
/// </summary>
public static partial class YamlWriter
{
    public static string Write(YamlNode root)
    {
        var text = new StringBuilder();
        WriteBlock(text, root, 0);
        return text.ToString();
    }

    private static void WriteBlock(StringBuilder text, YamlNode node, int indent)
    {
        switch (node)
        {
            case YamlMapping { Entries.Count: 0 }:
                text.Append(' ', indent).Append("{}\n");
                break;
            case YamlSequence { Items.Count: 0 }:
                text.Append(' ', indent).Append("[]\n");
                break;
            case YamlMapping map:
                foreach (var entry in map.Entries) WriteEntry(text, entry, indent);
                break;
            case YamlSequence seq:
                foreach (var item in seq.Items) WriteItem(text, item, indent);
                break;
            case YamlScalar scalar:
                text.Append(' ', indent);
                AppendScalar(text, scalar, indent);
                break;
        }
    }

    private static void WriteEntry(StringBuilder text, YamlEntry entry, int indent)
    {
        text.Append(' ', indent).Append(FormatPlainOrQuoted(entry.Key.Value)).Append(':');
        switch (entry.Value)
        {
            case YamlScalar scalar:
                text.Append(' ');
                AppendScalar(text, scalar, indent);
                break;
            case YamlMapping { Entries.Count: 0 }:
                text.Append(" {}\n");
                break;
            case YamlSequence { Items.Count: 0 }:
                text.Append(" []\n");
                break;
            default:
                text.Append('\n');
                WriteBlock(text, entry.Value, indent + 2);
                break;
        }
    }

    private static void WriteItem(StringBuilder text, YamlNode item, int indent)
    {
        text.Append(' ', indent).Append('-');
        switch (item)
        {
            case YamlScalar scalar:
                text.Append(' ');
                AppendScalar(text, scalar, indent);
                break;
            case YamlMapping { Entries.Count: > 0 } map:
                // The first entry shares the dash's line; the rest align under it.
                var first = new StringBuilder();
                WriteEntry(first, map.Entries[0], indent + 2);
                text.Append(' ').Append(first.ToString(indent + 2, first.Length - indent - 2));
                for (var i = 1; i < map.Entries.Count; i++) WriteEntry(text, map.Entries[i], indent + 2);
                break;
            default:
                text.Append('\n');
                WriteBlock(text, item, indent + 2);
                break;
        }
    }

    private static void AppendScalar(StringBuilder text, YamlScalar scalar, int indent)
    {
        if (scalar.Style == ScalarStyle.Literal || scalar.Value.Contains('\n'))
        {
            if (CanWriteLiteral(scalar.Value)) { AppendLiteral(text, scalar.Value, indent); return; }
            text.Append(DoubleQuote(scalar.Value)).Append('\n');
            return;
        }
        var value = scalar.Style == ScalarStyle.Plain ? scalar.Value : FormatPlainOrQuoted(scalar.Value);
        text.Append(value).Append('\n');
    }

    private static bool CanWriteLiteral(string value) =>
        value.Length > 0 && value[0] != ' ' && value[0] != '\n' && !value.Any(c => char.IsControl(c) && c != '\n');

    private static void AppendLiteral(StringBuilder text, string value, int indent)
    {
        var trailing = value.Length - value.TrimEnd('\n').Length;
        text.Append(trailing switch { 0 => "|-", 1 => "|", _ => "|+" }).Append('\n');
        var body = value.TrimEnd('\n');
        foreach (var line in body.Split('\n'))
        {
            if (line.Length > 0) text.Append(' ', indent + 2).Append(line);
            text.Append('\n');
        }
        for (var i = 1; i < trailing; i++) text.Append('\n');
    }

    /// <summary>A string written so that any YAML 1.1 or 1.2 reader reads it back as the same string.</summary>
    public static string FormatPlainOrQuoted(string value) => IsSafePlain(value) ? value : DoubleQuote(value);

    private static bool IsSafePlain(string value)
    {
        if (value.Length == 0 || value != value.Trim()) return false;
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(value[0])) return false;
        if (value.Contains(": ") || value.Contains(" #") || value.EndsWith(':')) return false;
        if (value.Any(char.IsControl)) return false;
        return !LooksLikeOtherType(value);
    }

    // Values a YAML 1.1 or 1.2 reader (yaml-language-server, PyYAML, the designer) would not read as a string.
    private static bool LooksLikeOtherType(string value) =>
        ReservedWords().IsMatch(value)
        || double.TryParse(value.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || NumberLike().IsMatch(value)
        || DateLike().IsMatch(value);

    private static string DoubleQuote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }

    [GeneratedRegex("^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|\\.inf|\\.Inf|\\.INF|-\\.inf|\\.nan|\\.NaN|\\.NAN|<<|=)$")]
    private static partial Regex ReservedWords();

    [GeneratedRegex("^[-+]?(?:0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?|\\.[0-9]+(?:[eE][-+]?[0-9]+)?)$")]
    private static partial Regex NumberLike();

    [GeneratedRegex("^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$")]
    private static partial Regex DateLike();
}
