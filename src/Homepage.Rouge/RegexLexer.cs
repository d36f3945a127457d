using System.Text;
using System.Text.RegularExpressions;
using Homepage.Onigmo;

namespace Homepage.Rouge;

/// <summary>
/// rouge's <c>RegexLexer</c>: named states of rules tried in order at the scan position; a rule's regex (Ruby syntax,
/// anchored there) yields a token or runs a callback that yields tokens and moves between states. Lexers define their
/// states once in <see cref="DefineStates"/>; each <see cref="Lex"/> runs with its own state stack.
/// </summary>
public abstract class RegexLexer : ILexer
{
    private Dictionary<string, LexerState>? _states;
    private readonly object _lock = new();

    public abstract string Tag { get; }
    public virtual IReadOnlyList<string> Aliases => [];

    /// <summary>Defines the lexer's states (called once).</summary>
    protected abstract void DefineStates(StateTable states);

    /// <summary>Runs before each lex (rouge's <c>start</c> blocks), for lexers with per-run state.</summary>
    protected virtual void Start(Run run) { }

    private Dictionary<string, LexerState> States
    {
        get
        {
            if (_states is not null) return _states;
            lock (_lock)
            {
                if (_states is not null) return _states;
                var table = new StateTable();
                DefineStates(table);
                return _states = table.Build();
            }
        }
    }

    /// <summary>Every rule of every state (for tests of the rule filters).</summary>
    internal IEnumerable<Rule> AllRules() => States.Values.SelectMany(s => s.Rules.OfType<Rule>());

    /// <summary>The tokens of the text, consecutive tokens of one type merged (rouge's <c>lex</c>).</summary>
    public IEnumerable<(Token Token, string Value)> Lex(string text) => Consolidate(StartRun().Stream(text));

    /// <summary>A run that can be continued with more text, keeping its states (a lexer instance other lexers delegate to).</summary>
    public Run StartRun()
    {
        var run = new Run(this, States);
        Start(run);
        return run;
    }

    /// <summary>Continues lexing with an existing run (rouge's <c>continue_lex</c> on an instance).</summary>
    internal static IEnumerable<(Token Token, string Value)> Consolidate(IEnumerable<(Token Token, string Value)> tokens)
    {
        // A token's value is kept as is until a second value of the same token arrives (then they are joined).
        Token? lastToken = null;
        string? lastValue = null;
        StringBuilder? joined = null;
        foreach (var (token, value) in tokens)
        {
            if (value.Length == 0) continue;
            if (ReferenceEquals(token, lastToken))
            {
                (joined ??= new StringBuilder(lastValue)).Append(value);
                continue;
            }
            if (lastToken is not null) yield return (lastToken, Take(ref joined, lastValue!));
            lastToken = token;
            lastValue = value;
        }
        if (lastToken is not null) yield return (lastToken, Take(ref joined, lastValue!));

        static string Take(ref StringBuilder? joined, string single)
        {
            if (joined is null) return single;
            var value = joined.ToString();
            joined = null;
            return value;
        }
    }

    /// <summary>A rule: its pattern, whether it only applies at the start of a line, and what it does.</summary>
    internal sealed record Rule(RubyRegex Regex, bool BeginningOfLine, Action<Run> Callback, bool ReadsGroups = false)
    {
        private readonly (System.Buffers.SearchValues<char>? First, bool NonAscii) _filter = Filter(Regex);

        /// <summary>The characters a match can start with (null: any), so rules that cannot match are not tried.</summary>
        public System.Buffers.SearchValues<char>? First => _filter.First;

        /// <summary>Whether a match can start with a character beyond ASCII (a Unicode class in the filter).</summary>
        private bool NonAscii => _filter.NonAscii;

        private static (System.Buffers.SearchValues<char>?, bool) Filter(RubyRegex regex) =>
            FirstChars.Of(regex.Source, regex.IgnoreCase, regex.Extended) is { } chars
                ? (System.Buffers.SearchValues.Create(chars), chars.Contains(FirstChars.NonAscii))
                : (null, false);

        /// <summary>False only when the pattern cannot match at a position holding <paramref name="c"/>.</summary>
        public bool MayStartWith(char c) => First is null || First.Contains(c) || (c >= 128 && NonAscii);
    }

    internal sealed class LexerState(string name, bool indexed = true)
    {
        public string Name { get; } = name;
        public List<object> Rules { get; } = []; // Rule, or LexerState for a mixin

        /// <summary>The rules in the order they are tried, mixins spliced in (made on first use, after the definition).</summary>
        public Rule[] Flat => _flat ??= Flatten(this).ToArray();

        /// <summary>For each ASCII character, the rules (in order) whose filter admits it: the rules worth trying there.
        /// Null for states made for one match (rouge's <c>push do ... end</c>), not worth indexing.</summary>
        public Rule[][]? ByAsciiChar => indexed ? _byChar ??= Index(Flat) : null;

        private Rule[]? _flat;
        private Rule[][]? _byChar;

        private static IEnumerable<Rule> Flatten(LexerState state)
        {
            foreach (var item in state.Rules)
                if (item is LexerState mixin) foreach (var rule in Flatten(mixin)) yield return rule;
                else yield return (Rule)item;
        }

        private static Rule[][] Index(Rule[] rules)
        {
            var table = new Rule[128][];
            for (var c = 0; c < 128; c++) table[c] = rules.Where(r => r.MayStartWith((char)c)).ToArray();
            return table;
        }
    }

    /// <summary>The states of a lexer as its definition builds them (rouge's <c>state</c> DSL).</summary>
    public sealed class StateTable
    {
        private readonly Dictionary<string, StateBuilder> _builders = new(StringComparer.Ordinal);

        /// <summary>Defines (or extends: rouge's <c>append</c>) the named state.</summary>
        public StateBuilder this[string name] => _builders.TryGetValue(name, out var b) ? b : _builders[name] = new StateBuilder(name);

        /// <summary>A new definition of the named state, replacing any (a subclass's <c>state</c> of the same name).</summary>
        public StateBuilder Replace(string name) => _builders[name] = new StateBuilder(name);

        /// <summary>rouge's <c>prepend</c>: rules tried before the state's existing ones.</summary>
        public void Prepend(string name, Action<StateBuilder> define)
        {
            var existing = this[name];
            var fresh = new StateBuilder(name);
            define(fresh);
            existing.Items.InsertRange(0, fresh.Items);
        }

        internal Dictionary<string, LexerState> Build()
        {
            var states = _builders.ToDictionary(p => p.Key, p => new LexerState(p.Key), StringComparer.Ordinal);
            foreach (var (name, builder) in _builders)
                foreach (var item in builder.Items)
                    states[name].Rules.Add(item is string mixin ? states[mixin] : item);
            return states;
        }
    }

    /// <summary>The rules of one state.</summary>
    public sealed class StateBuilder(string name)
    {
        public string Name { get; } = name;
        internal List<object> Items { get; } = [];

        private void Add(RubyRegex re, Action<Run> callback, bool readsGroups = false) =>
            Items.Add(new Rule(re, re.Source.StartsWith('^'), callback, readsGroups));

        /// <summary>A rule yielding <paramref name="token"/>; <paramref name="next"/> is a state to push, <c>#pop</c> or <c>#push</c>.</summary>
        public StateBuilder Rule(RubyRegex re, string token, string? next = null)
        {
            var t = Token.Get(token);
            Action<Run> callback = next switch
            {
                null => r => r.Token(t),
                "#pop" => r => { r.Token(t); r.Pop(); },
                "#push" => r => { r.Token(t); r.Push(); },
                _ => r => { r.Token(t); r.Push(next); },
            };
            Add(re, callback);
            return this;
        }

        /// <summary>A rule running <paramref name="callback"/> (which yields tokens and moves between states itself).</summary>
        public StateBuilder Rule(RubyRegex re, Action<Run> callback)
        {
            Add(re, callback);
            return this;
        }

        /// <summary>A rule yielding one token per group (rouge's <c>groups</c>), then optionally moving.</summary>
        public StateBuilder Groups(RubyRegex re, string[] tokens, string? next = null)
        {
            var ts = tokens.Select(Token.Get).ToArray();
            Add(re, r =>
            {
                r.Groups(ts);
                if (next == "#pop") r.Pop();
                else if (next == "#push") r.Push();
                else if (next is not null) r.Push(next);
            }, readsGroups: true);
            return this;
        }

        /// <summary>The rules of another state, tried here (rouge's <c>mixin</c>).</summary>
        public StateBuilder Mixin(string state)
        {
            Items.Add(state);
            return this;
        }
    }

    /// <summary>One lexing run: the scanner, the state stack and the token output, for rule callbacks.</summary>
    public sealed class Run
    {
        private const int MaxNullScans = 5;
        private readonly RegexLexer _lexer;
        private readonly Dictionary<string, LexerState> _states;
        private readonly List<LexerState> _stack = [];
        private readonly List<(Token, string)> _output = [];
        private Scanner _scanner = null!;
        private int _nullSteps;

        /// <summary>Per-run values lexers keep (rouge lexers' instance variables).</summary>
        public Dictionary<string, object?> Vars { get; } = new(StringComparer.Ordinal);

        internal Run(RegexLexer lexer, Dictionary<string, LexerState> states)
        {
            _lexer = lexer;
            _states = states;
            _stack.Add(states["root"]);
        }

        /// <summary>Group <paramref name="i"/> of the rule's match (0: all of it); null when it did not take part.</summary>
        public string? this[int i] => _scanner[i];
        public string? this[string name] => _scanner[name];

        internal IEnumerable<(Token, string)> Stream(string text)
        {
            _scanner = new Scanner(text);
            while (!_scanner.Eos)
            {
                _output.Clear();
                if (!Step(_stack[^1]))
                    _output.Add((global::Homepage.Rouge.Token.Error, _scanner.GetCh()!));
                foreach (var t in _output) yield return t;
            }
        }

        private bool Step(LexerState state)
        {
            var text = _scanner.String;
            var pos = _scanner.Pos;
            // Only the rules that can match at this character are tried (an ASCII character picks them from a table).
            var rules = pos < text.Length && text[pos] < 128 && state.ByAsciiChar is { } table ? table[text[pos]] : state.Flat;
            var atLineStart = pos == 0 || text[pos - 1] == '\n';
            foreach (var rule in rules)
            {
                if (rule.First is not null && (pos >= text.Length || !rule.MayStartWith(text[pos]))) continue;
                if (rule.BeginningOfLine && !atLineStart) continue;
                var length = _scanner.ScanLength(rule.Regex, rule.ReadsGroups);
                if (length < 0) continue;
                rule.Callback(this);
                if (length == 0)
                {
                    if (++_nullSteps > MaxNullScans) return false;
                }
                else
                {
                    _nullSteps = 0;
                }
                return true;
            }
            return false;
        }

        /// <summary>Yields the whole match (or <paramref name="value"/>) as <paramref name="token"/>.</summary>
        public void Token(Token token, string? value = null)
        {
            value ??= _scanner[0];
            if (!string.IsNullOrEmpty(value)) _output.Add((token, value));
        }

        public void Token(string token, string? value = null) => Token(global::Homepage.Rouge.Token.Get(token), value);

        /// <summary>Yields group i+1 as tokens[i] (rouge's <c>groups</c>).</summary>
        public void Groups(params Token[] tokens)
        {
            for (var i = 0; i < tokens.Length; i++) Token(tokens[i], _scanner[i + 1] ?? "");
        }

        public void Groups(params string[] tokens) => Groups(tokens.Select(global::Homepage.Rouge.Token.Get).ToArray());

        /// <summary>Pushes the named state, or the current one again.</summary>
        public void Push(string? state = null) => _stack.Add(state is null ? _stack[^1] : _states[state]);

        /// <summary>Pops states (never below the root, as rouge keeps at least... it raises; we keep the root).</summary>
        public void Pop(int times = 1)
        {
            for (var i = 0; i < times && _stack.Count > 1; i++) _stack.RemoveAt(_stack.Count - 1);
        }

        /// <summary>Pushes a state made for this match (rouge's <c>push do ... end</c>); mixins name the lexer's states.</summary>
        public void Push(Action<StateBuilder> define)
        {
            var builder = new StateBuilder("anonymous");
            define(builder);
            var state = new LexerState(builder.Name, indexed: false);
            foreach (var item in builder.Items) state.Rules.Add(item is string mixin ? _states[mixin] : item);
            _stack.Add(state);
        }

        /// <summary>Replaces the current state.</summary>
        public void Goto(string state) => _stack[^1] = _states[state];

        public void ResetStack()
        {
            _stack.Clear();
            _stack.Add(_states["root"]);
        }

        public bool InState(string state) => _stack.Any(s => s.Name == state);
        public bool IsState(string state) => _stack[^1].Name == state;

        /// <summary>Lexes <paramref name="text"/> with another lexer and yields its tokens (rouge's <c>delegate</c>).</summary>
        public void Delegate(ILexer lexer, string? text = null)
        {
            text ??= _scanner[0] ?? "";
            foreach (var (t, v) in lexer.Lex(text)) Token(t, v);
        }

        /// <summary>Continues another lexer's run with <paramref name="text"/> (rouge's <c>delegate</c> to an instance).</summary>
        public void Delegate(Run other, string? text = null)
        {
            text ??= _scanner[0] ?? "";
            foreach (var (t, v) in Consolidate(other.Stream(text))) Token(t, v);
        }

        /// <summary>Back to the root state with the lexer's start actions run again (rouge's <c>reset!</c>).</summary>
        public void Reset()
        {
            ResetStack();
            Vars.Clear();
            _lexer.Start(this);
        }

        /// <summary>Lexes <paramref name="text"/> with a fresh run of this lexer (rouge's <c>recurse</c>).</summary>
        public void Recurse(string? text = null) => Delegate(_lexer, text);
    }
}
