/**
 * The TextMate grammar (syntaxes/taskrouter-workflow.tmLanguage.json). vscode-textmate is not a dependency, so this
 * test compiles every pattern as a JavaScript RegExp (Oniguruma's `(?i:...)` groups expanded to letter classes) and
 * runs a small TextMate interpreter (begin/end, match, captures, include) over sample lines to check the scopes.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

interface Captures {
  [group: string]: { name?: string };
}
interface Rule {
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Captures;
  beginCaptures?: Captures;
  endCaptures?: Captures;
  patterns?: Rule[];
  include?: string;
}
interface Grammar {
  scopeName: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

const grammar = JSON.parse(readFileSync('syntaxes/taskrouter-workflow.tmLanguage.json', 'utf8')) as Grammar;

/** Oniguruma to JavaScript for the features this grammar uses: `(?i:AND|OR)` becomes `(?:[Aa][Nn][Dd]|[Oo][Rr])`. */
function toJs(source: string): RegExp {
  const converted = source.replace(/\(\?i:([A-Za-z|]+)\)/g, (_, words: string) => {
    const alternatives = words
      .split('|')
      .map((w) => [...w].map((c) => `[${c.toUpperCase()}${c.toLowerCase()}]`).join(''));
    return `(?:${alternatives.join('|')})`;
  });
  return new RegExp(converted, 'dg');
}

function allRules(): Rule[] {
  const out: Rule[] = [];
  const visit = (rule: Rule) => {
    out.push(rule);
    for (const child of rule.patterns ?? []) visit(child);
  };
  for (const rule of grammar.patterns) visit(rule);
  for (const rule of Object.values(grammar.repository)) visit(rule);
  return out;
}

function resolve(rule: Rule): Rule[] {
  if (rule.include === undefined) return [rule];
  assert.ok(rule.include.startsWith('#'), `only repository includes are used: ${rule.include}`);
  const target = grammar.repository[rule.include.slice(1)];
  assert.ok(target, `include ${rule.include} exists`);
  return target.match !== undefined || target.begin !== undefined ? [target] : flatten(target.patterns ?? []);
}

function flatten(patterns: Rule[]): Rule[] {
  return patterns.flatMap(resolve);
}

interface Token {
  text: string;
  scopes: string[];
}
interface Frame {
  rule: Rule;
  end: RegExp;
  scopes: string[];
}

/** Tokenizes lines with the grammar; the rule stack carries over from one line to the next. */
function tokenizeLines(lines: string[]): Token[][] {
  const stack: Frame[] = [];
  const root = [grammar.scopeName];
  const result: Token[][] = [];
  for (const line of lines) {
    const tokens: Token[] = [];
    const emit = (text: string, scopes: string[]) => {
      if (text.length > 0) tokens.push({ text, scopes });
    };
    const emitMatch = (m: RegExpExecArray, scopes: string[], captures: Captures | undefined) => {
      // Whole match with `scopes`; captured groups (non-overlapping, in order) add their own scope.
      const indices = m.indices as unknown as [number, number][];
      // Capture 0 names the whole match.
      const whole = captures?.['0']?.name;
      if (whole) scopes = [...scopes, whole];
      let pos = m.index;
      const groups = Object.keys(captures ?? {})
        .map(Number)
        .filter((g) => g > 0 && indices[g] !== undefined)
        .sort((a, b) => indices[a][0] - indices[b][0]);
      for (const g of groups) {
        const [s, e] = indices[g];
        if (s < pos) continue;
        emit(line.slice(pos, s), scopes);
        const name = captures?.[g]?.name;
        emit(line.slice(s, e), name ? [...scopes, name] : scopes);
        pos = e;
      }
      emit(line.slice(pos, m.index + m[0].length), scopes);
    };
    let pos = 0;
    for (let guard = 0; guard < 10_000; guard++) {
      const frame = stack[stack.length - 1];
      const scopes = frame ? frame.scopes : root;
      const candidates = flatten(frame ? (frame.rule.patterns ?? []) : grammar.patterns);
      let best: { m: RegExpExecArray; rule?: Rule } | undefined;
      if (frame) {
        frame.end.lastIndex = pos;
        const m = frame.end.exec(line);
        if (m) best = { m };
      }
      for (const rule of candidates) {
        const re = toJs((rule.match ?? rule.begin) as string);
        re.lastIndex = pos;
        const m = re.exec(line);
        if (m && (best === undefined || m.index < best.m.index)) best = { m, rule };
      }
      if (best === undefined) {
        emit(line.slice(pos), scopes);
        break;
      }
      const { m, rule } = best;
      emit(line.slice(pos, m.index), scopes);
      if (rule === undefined) {
        // End of the current begin/end rule.
        const outer = frame.rule.contentName ? scopes.slice(0, -1) : scopes;
        emitMatch(m, outer, frame.rule.endCaptures ?? frame.rule.captures);
        stack.pop();
      } else if (rule.match !== undefined) {
        emitMatch(m, rule.name ? [...scopes, rule.name] : scopes, rule.captures);
      } else {
        const named = rule.name ? [...scopes, rule.name] : scopes;
        emitMatch(m, named, rule.beginCaptures ?? rule.captures);
        stack.push({
          rule,
          end: toJs(rule.end as string),
          scopes: rule.contentName ? [...named, rule.contentName] : named,
        });
      }
      const next = m.index + m[0].length;
      if (next === pos && rule !== undefined && rule.match !== undefined) {
        emit(line[pos], scopes);
        pos++;
      } else {
        pos = next;
      }
      if (pos >= line.length) break;
    }
    result.push(tokens);
  }
  return result;
}

/** The scopes of the `occurrence`-th token whose text is `text`. */
function scopesOf(tokens: Token[], text: string, occurrence = 0): string[] {
  const found = tokens.filter((t) => t.text === text);
  assert.ok(found[occurrence], `token ${JSON.stringify(text)} in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return found[occurrence].scopes;
}

function has(scopes: string[], scope: string): boolean {
  return scopes.some((s) => s.split(' ').includes(scope));
}

const EXPR = 'taskrouter-expression';

describe('TextMate grammar', () => {
  it('is valid JSON with the right scope name, and every include resolves', () => {
    assert.equal(grammar.scopeName, 'source.taskrouter-workflow');
    for (const rule of allRules()) if (rule.include) resolve(rule);
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
      contributes: { grammars: { scopeName: string; path: string }[] };
    };
    assert.ok(
      manifest.contributes.grammars.some(
        (g) => g.scopeName === grammar.scopeName && g.path === './syntaxes/taskrouter-workflow.tmLanguage.json',
      ),
    );
  });

  it('compiles every pattern as a RegExp', () => {
    let count = 0;
    for (const rule of allRules()) {
      for (const source of [rule.match, rule.begin, rule.end]) {
        if (source === undefined) continue;
        assert.doesNotThrow(() => toJs(source), source);
        count++;
      }
    }
    assert.ok(count > 30);
  });

  it('highlights the expression inside each expression key, and plain JSON elsewhere', () => {
    for (const key of [
      'expression',
      'skip_if',
      'order_by',
      'target_workers',
      'known_worker_sid',
      'known_worker_friendly_name',
    ]) {
      const [tokens] = tokenizeLines([`{ "${key}": "task.level >= 5" }`]);
      assert.ok(has(scopesOf(tokens, '>='), `keyword.operator.comparison.${EXPR}`), key);
      assert.ok(has(scopesOf(tokens, '5'), `constant.numeric.${EXPR}`), key);
    }
    const [key] = tokenizeLines(['{ "skip_if": "workers.available == 0" }']);
    assert.ok(has(scopesOf(key, 'skip_if'), 'support.type.property-name.json'));
    assert.ok(has(scopesOf(key, ':'), 'punctuation.separator.dictionary.key-value.json'));
    const [plain] = tokenizeLines([`{ "filter_friendly_name": "task.level >= 5", "priority": 5 }`]);
    assert.ok(has(scopesOf(plain, 'task.level >= 5'), 'string.quoted.double.json'));
    assert.ok(has(scopesOf(plain, '5'), 'constant.numeric.json'));
    assert.ok(!plain.some((t) => t.scopes.some((s) => s.endsWith(EXPR))));
  });

  it('gives keywords, strings, numbers, key paths and taskrouter variables their scopes', () => {
    const line =
      '{"expression": "(task.skills HAS \\"english\\") and worker.level IN [1, 2.5] OR taskrouter.dayOfWeek == \'Sat\' AND x != null"}';
    const [tokens] = tokenizeLines([line]);
    assert.ok(has(scopesOf(tokens, 'HAS'), `keyword.operator.word.${EXPR}`));
    assert.ok(has(scopesOf(tokens, 'IN'), `keyword.operator.word.${EXPR}`));
    assert.ok(has(scopesOf(tokens, 'and'), `keyword.operator.logical.${EXPR}`));
    assert.ok(has(scopesOf(tokens, 'OR'), `keyword.operator.logical.${EXPR}`));
    assert.ok(has(scopesOf(tokens, 'english'), `string.quoted.double.${EXPR}`));
    assert.ok(has(scopesOf(tokens, 'Sat'), `string.quoted.single.${EXPR}`));
    assert.ok(has(scopesOf(tokens, '2.5'), `constant.numeric.${EXPR}`));
    assert.ok(has(scopesOf(tokens, 'null'), `constant.language.${EXPR}`));
    assert.ok(has(scopesOf(tokens, 'task'), `variable.language.prefix.${EXPR}`));
    assert.ok(has(scopesOf(tokens, 'skills'), `variable.other.property.${EXPR}`));
    assert.ok(has(scopesOf(tokens, 'taskrouter'), `variable.language.taskrouter.${EXPR}`));
    assert.ok(has(scopesOf(tokens, 'dayOfWeek'), `support.variable.taskrouter.${EXPR}`));
    assert.ok(has(scopesOf(tokens, '=='), `keyword.operator.comparison.${EXPR}`));
    // Everything inside the string is embedded expression, and the string itself stays a JSON string.
    assert.ok(has(scopesOf(tokens, 'HAS'), 'meta.embedded.expression.taskrouter-workflow'));
    assert.ok(has(scopesOf(tokens, 'HAS'), 'string.quoted.double.json'));
  });

  it('marks hyphenated names, foreign operators and unknown taskrouter variables as invalid', () => {
    const [tokens] = tokenizeLines(['{"expression": "skill-level > 5 && taskrouter.weekday == 1"}']);
    assert.ok(has(scopesOf(tokens, 'skill-level'), `invalid.illegal.hyphen-in-name.${EXPR}`));
    assert.ok(has(scopesOf(tokens, '&&'), `invalid.illegal.operator.${EXPR}`));
    assert.ok(has(scopesOf(tokens, 'weekday'), `invalid.illegal.unknown-variable.${EXPR}`));
    const [negative] = tokenizeLines(['{"expression": "x > -1"}']);
    assert.ok(has(scopesOf(negative, '-1'), `constant.numeric.${EXPR}`));
  });

  it('reads keywords after a dot as names, and order_by directions as keywords', () => {
    const [tokens] = tokenizeLines(['{"order_by": "worker.in DESC, worker.level asc"}']);
    assert.ok(has(scopesOf(tokens, 'in'), `variable.other.property.${EXPR}`));
    assert.ok(has(scopesOf(tokens, 'DESC'), `keyword.other.order.${EXPR}`));
    assert.ok(has(scopesOf(tokens, 'asc'), `keyword.other.order.${EXPR}`));
  });

  it('handles comments, keys and values split over lines', () => {
    const lines = [
      '{',
      '  // routes VIP tasks',
      '  "task_routing": { "filters": [ {',
      '    "expression" /* the filter */ :',
      '      "vip == true",',
      '    "targets": [ { "queue": "WQ0123", "skip_if": "workers.available == 0" } ]',
      '  } ] }',
      '}',
    ];
    const tokens = tokenizeLines(lines);
    assert.ok(has(scopesOf(tokens[1], '// routes VIP tasks'.slice(2)), 'comment.line.double-slash.json'));
    assert.ok(has(scopesOf(tokens[3], '/*'), 'comment.block.json'));
    assert.ok(has(scopesOf(tokens[4], 'true'), `constant.language.${EXPR}`));
    assert.ok(has(scopesOf(tokens[5], 'WQ0123'), 'string.quoted.double.json'));
    assert.ok(!has(scopesOf(tokens[5], 'WQ0123'), 'meta.embedded.expression.taskrouter-workflow'));
    assert.ok(has(scopesOf(tokens[5], 'available'), `support.variable.workers.${EXPR}`));
    assert.ok(has(scopesOf(tokens[5], 'targets'), 'support.type.property-name.json'));
  });
});
