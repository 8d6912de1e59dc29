using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AutoDnn.Hosting.Campaigns.Spec;

/// <summary>Builds a position-carrying tree from YamlDotNet's parser events; duplicate keys become errors, not exceptions.</summary>
internal sealed partial class SpecTreeBuilder
{
    private const string StringTag = "tag:yaml.org,2002:str";

    private readonly string _file;
    private readonly List<CampaignError> _errors;
    private readonly Dictionary<string, SpecNode> _anchors = new(StringComparer.Ordinal);
    private IParser _parser = null!;
    private Mark _lastGood = Mark.Empty;

    private SpecTreeBuilder(string file, List<CampaignError> errors)
    {
        _file = file;
        _errors = errors;
    }

    /// <summary>The document's root, or null when the text is empty or not valid YAML (the reason is in errors).</summary>
    public static SpecNode? Build(string text, string file, List<CampaignError> errors)
    {
        var builder = new SpecTreeBuilder(file, errors);
        try
        {
            return builder.ReadStream(text);
        }
        catch (YamlException e)
        {
            errors.Add(new CampaignError(builder.At(e.Start), "(document)", $"YAML syntax error: {StripMarks(e.Message)}; fix the indentation, quoting or ':' after the key here"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (without a position) for some unclosed flow collections.
            errors.Add(new CampaignError(builder.At(builder._lastGood), "(document)",
                "YAML syntax error after this point; close every '{', '[' and quote that is opened here instead"));
            return null;
        }
    }

    private SpecNode? ReadStream(string text)
    {
        _parser = new Parser(new StringReader(text));
        Expect<StreamStart>();
        if (Accept<StreamEnd>())
        {
            _errors.Add(new CampaignError(new SourcePosition(_file, 1, 1), "(document)", EmptyMessage));
            return null;
        }

        Expect<DocumentStart>();
        SpecNode root = ReadNode("(document)");
        Expect<DocumentEnd>();
        if (_parser.Current is DocumentStart second)
        {
            _errors.Add(new CampaignError(At(second.Start), "(document)", "a second YAML document ('---') follows the campaign; write one campaign per file instead"));
        }

        if (root is SpecScalar { IsPlain: true, Value: null })
        {
            _errors.Add(new CampaignError(new SourcePosition(_file, 1, 1), "(document)", EmptyMessage));
            return null;
        }

        return root;
    }

    internal const string EmptyMessage =
        "the file is empty; write at least name:, task:, training: and budget: (see docs/CAMPAIGNS.md) instead";

    private SpecNode ReadNode(string path)
    {
        ParsingEvent current = _parser.Current ?? throw new InvalidOperationException("The YAML parser ended early.");
        switch (current)
        {
            case AnchorAlias alias:
                Next();
                if (_anchors.TryGetValue(alias.Value.Value, out SpecNode? target))
                {
                    return target;
                }

                _errors.Add(new CampaignError(At(alias.Start), path, $"the alias *{alias.Value.Value} names no anchor; define &{alias.Value.Value} earlier instead"));
                return new SpecScalar(At(alias.Start), string.Empty, isPlain: true);
            case Scalar scalar:
                Next();
                bool plain = scalar.Style == ScalarStyle.Plain && (scalar.Tag.IsEmpty || scalar.Tag.Value != StringTag);
                return Remember(scalar, new SpecScalar(At(scalar.Start), scalar.Value, plain));
            case SequenceStart start:
                Next();
                var items = new List<SpecNode>();
                while (!Accept<SequenceEnd>())
                {
                    items.Add(ReadNode($"{path}[{items.Count}]"));
                }

                return Remember(start, new SpecSequence(At(start.Start), items));
            case MappingStart start:
                Next();
                return Remember(start, ReadMapping(At(start.Start), path));
            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }

    private SpecMapping ReadMapping(SourcePosition start, string path)
    {
        var entries = new List<KeyValuePair<SpecScalar, SpecNode>>();
        while (!Accept<MappingEnd>())
        {
            SourcePosition keyAt = At(_parser.Current!.Start);
            SpecNode keyNode = ReadNode(path);
            string childPath = keyNode is SpecScalar k ? Join(path, k.Text) : path;
            SpecNode value = ReadNode(childPath);
            if (keyNode is not SpecScalar key)
            {
                _errors.Add(new CampaignError(keyAt, path, $"a key is {keyNode.Describe()}; write a plain name such as epochs: 5 instead"));
                continue;
            }

            int first = entries.FindIndex(e => e.Key.Text == key.Text);
            if (first >= 0)
            {
                _errors.Add(new CampaignError(key.Start, childPath,
                    $"duplicate key (first at line {entries[first].Key.Start.Line}); write each key once instead"));
                continue;
            }

            entries.Add(new(key, value));
        }

        return new SpecMapping(start, entries);
    }

    /// <summary>The path of a child key: "a.b" below a mapping, just "b" at the root.</summary>
    internal static string Join(string path, string key) => path == "(document)" ? key : $"{path}.{key}";

    private void Next()
    {
        if (_parser.Current is { } current)
        {
            _lastGood = current.Start;
        }

        _parser.MoveNext();
    }

    private SpecNode Remember(NodeEvent e, SpecNode node)
    {
        if (!e.Anchor.IsEmpty)
        {
            _anchors[e.Anchor.Value] = node;
        }

        return node;
    }

    private bool Accept<T>()
        where T : ParsingEvent
    {
        if (_parser.Current is T)
        {
            Next();
            return true;
        }

        return false;
    }

    private void Expect<T>()
        where T : ParsingEvent
    {
        if (_parser.Current is null)
        {
            Next();
        }

        if (!Accept<T>())
        {
            ParsingEvent? current = _parser.Current;
            throw new YamlException(current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty, $"expected {typeof(T).Name}, found {current?.GetType().Name ?? "the end"}");
        }
    }

    private SourcePosition At(Mark mark) => new(_file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string StripMarks(string message) => MarkPrefix().Replace(message, string.Empty).Trim().TrimEnd('.');

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();
}
