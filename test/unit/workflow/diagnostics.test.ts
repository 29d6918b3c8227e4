/**
 * One test per diagnostic code of the workflow layer: a fixture with the expected range(s) marked `«...»`, the
 * severity, and words the message must contain. Every diagnostic with that code must sit exactly on a marked range.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { ExpressionIssueCode } from '../../../server/src/language/expression';
import { WorkflowCode, validateWorkflow, type ValidateOptions } from '../../../server/src/language/workflow';
import { Q1, Q2, Q3, marked } from './marked';

interface Case {
  code: string;
  severity: 'error' | 'warning' | 'information';
  fixture: string;
  message: RegExp;
  options?: ValidateOptions;
  title?: string;
}

const cases: Case[] = [
  {
    code: WorkflowCode.InvalidJson,
    severity: 'error',
    fixture: `{"task_routing": {"default_filter": {"queue" «"${Q1}"»}}}`,
    message: /expected `:`/,
  },
  {
    code: WorkflowCode.InvalidJson,
    title: 'a byte-order mark, named instead of shown as a blank',
    severity: 'error',
    fixture: `«\ufeff»{"task_routing": {"default_filter": {"queue": "${Q1}"}}}`,
    message: /^Invalid JSON: a byte-order mark \(U\+FEFF.*outside any string: delete it\.$/,
  },
  {
    code: WorkflowCode.InvalidJson,
    title: 'an empty document',
    severity: 'error',
    fixture: `«»`,
    message: /document is empty/,
  },
  {
    code: WorkflowCode.CommentNotAllowed,
    severity: 'error',
    fixture: `{\n  «// routes everything»\n  "task_routing": {"default_filter": {"queue": "${Q1}"}}\n}`,
    message: /plain JSON/,
  },
  {
    code: WorkflowCode.TrailingComma,
    severity: 'error',
    fixture: `{"task_routing": {"default_filter": {"queue": "${Q1}"}«,» }}`,
    message: /Trailing comma before `}`/,
  },
  {
    code: WorkflowCode.DuplicateKey,
    severity: 'error',
    fixture: `{"task_routing": {"default_filter": {"queue": "${Q1}", «"queue"»: "${Q2}"}}}`,
    message: /Duplicate key `queue`/,
  },
  {
    code: WorkflowCode.UnknownKey,
    severity: 'error',
    fixture: `{"task_routing": {"filters": [{"expression": "1==1", "targets": [{"queue": "${Q1}", «"tiemout"»: 30}]}]}}`,
    message: /Unknown key `tiemout` in a target\. Did you mean `timeout`\?/,
  },
  {
    code: WorkflowCode.UnknownKey,
    title: 'without a close match lists the valid keys',
    severity: 'error',
    fixture: `{"task_routing": {"default_filter": {"queue": "${Q1}"}}, «"description"»: "x"}`,
    message: /Valid keys here: `task_routing`/,
  },
  {
    code: WorkflowCode.MisplacedKey,
    severity: 'error',
    fixture: `{"task_routing": {"filters": [{"expression": "1==1", «"queue"»: "${Q1}", "targets": [{"queue": "${Q1}"}]}]}}`,
    message: /`queue` does not belong in a filter: it belongs in a target/,
  },
  {
    code: WorkflowCode.MisplacedKey,
    title: 'a target key in default_filter is a warning',
    severity: 'warning',
    fixture: `{"task_routing": {"default_filter": {"queue": "${Q1}", «"priority"»: 1}}}`,
    message: /`default_filter` only uses `queue`/,
  },
  {
    code: WorkflowCode.WrongType,
    severity: 'error',
    fixture: `{"task_routing": {"filters": [{"expression": «true», "targets": «{"queue": "${Q1}"}»}]}}`,
    message: /must be/,
  },
  {
    code: WorkflowCode.WrongType,
    title: 'a non-numeric string priority',
    severity: 'error',
    fixture: `{"task_routing": {"filters": [{"expression": "1==1", "targets": [{"queue": "${Q1}", "priority": «"high"»}]}]}}`,
    message: /`priority` must be a number, found the string "high"/,
  },
  {
    code: WorkflowCode.MissingTaskRouting,
    severity: 'error',
    fixture: `«{»"filters": []}`,
    message: /Missing `task_routing`/,
  },
  {
    code: WorkflowCode.EmptyTaskRouting,
    severity: 'error',
    fixture: `{"task_routing": «{»}}`,
    message: /needs `filters`.*or a `default_filter`/,
  },
  {
    code: WorkflowCode.EmptyTaskRouting,
    title: 'an empty filters array and no default_filter',
    severity: 'error',
    fixture: `{"task_routing": {"filters": «[ ]»}}`,
    message: /`filters` is empty and there is no `default_filter`/,
  },
  {
    code: WorkflowCode.MissingKey,
    severity: 'error',
    fixture: `{"task_routing": {"filters": [««{»»"filter_friendly_name": "A"}]}}`,
    message: /Filter 1 has no `(expression|targets)`/,
  },
  {
    code: WorkflowCode.EmptyTargets,
    severity: 'error',
    fixture: `{"task_routing": {"filters": [{"expression": "1==1", "targets": «[]»}]}}`,
    message: /Filter 1 has no targets/,
  },
  {
    code: WorkflowCode.MissingQueue,
    severity: 'error',
    fixture: `{"task_routing": {"filters": [{"expression": "1==1", "targets": [«{»"priority": 1}, {"queue": "${Q1}"}]}], "default_filter": «{»}}}`,
    message: /no `queue`/,
  },
  {
    code: WorkflowCode.KnownWorkerConflict,
    severity: 'error',
    fixture: `{"task_routing": {"filters": [{"expression": "1==1", "targets": [{"queue": "${Q1}", "known_worker_sid": "task.agent_sid", «"known_worker_friendly_name"»: "task.agent_name"}]}]}}`,
    message: /not both/,
  },
  {
    code: WorkflowCode.InvalidTimeout,
    severity: 'error',
    fixture: `{"task_routing": {"filters": [{"expression": "1==1", "targets": [{"queue": "${Q1}", "timeout": «0»}, {"timeout": «-5»}, {"timeout": «1.5»}, {"timeout": 30}]}]}}`,
    message: /`timeout` must be a (positive|whole) number of seconds/,
  },
  {
    code: WorkflowCode.TimeoutTooLong,
    severity: 'warning',
    fixture: `{"task_routing": {"filters": [{"expression": "1==1", "targets": [{"queue": "${Q1}", "timeout": «2000000»}]}]}}`,
    message: /1209600 seconds/,
  },
  {
    code: WorkflowCode.InvalidPriority,
    severity: 'error',
    fixture: `{"task_routing": {"filters": [{"expression": "1==1", "targets": [{"queue": "${Q1}", "priority": «-1»}, {"priority": «2.5»}, {"priority": «3000000000»}, {"priority": 0}]}]}}`,
    message: /`priority` must be/,
  },
  {
    code: WorkflowCode.StringNumber,
    severity: 'warning',
    fixture: `{"task_routing": {"filters": [{"expression": "1==1", "targets": [{"queue": "${Q1}", "priority": «"2"», "timeout": «" 30 "»}]}]}}`,
    message: /write the number (2|30) without quotes/,
  },
  {
    code: WorkflowCode.LegacyKey,
    severity: 'warning',
    fixture: `{"task_routing": {"filters": [{«"friendly_name"»: "A", "expression": "1==1", "targets": [{«"task_queue_sid"»: "${Q1}"}]}, {«"friendlyName"»: "B", "expression": "1==1", "targets": [{"queue": "${Q1}"}]}]}}`,
    message: /is a legacy key: write `(queue|filter_friendly_name)`/,
  },
  {
    code: WorkflowCode.ConflictingAlias,
    severity: 'warning',
    fixture: `{"task_routing": {"default_filter": {"queue": "${Q1}", «"task_queue_sid"»: "${Q2}"}}}`,
    message: /Both `queue` and its legacy name `task_queue_sid`/,
  },
  {
    code: WorkflowCode.MalformedQueueSid,
    severity: 'error',
    fixture: `{"task_routing": {"filters": [{"expression": "1==1", "targets": [{"queue": "«WQ123»"}, {"queue": "«WW${Q1.slice(2)}»"}, {"queue": "«»"}]}], "default_filter": {"queue": "«Support»"}}}`,
    message: /queue SID|workflow|empty|SID, not its name/,
    options: { queues: [{ sid: Q1, friendlyName: 'Support' }] },
  },
  {
    code: WorkflowCode.UnknownQueue,
    severity: 'error',
    fixture: `{"task_routing": {"filters": [{"expression": "1==1", "targets": [{"queue": "${Q1}"}, {"queue": "«${Q3}»"}]}], "default_filter": {"queue": "${Q2.toUpperCase()}"}}}`,
    message: /is not a queue of this workspace.*Support \(WQ/,
    options: { queues: [{ sid: Q1, friendlyName: 'Support' }, { sid: Q2 }] },
  },
  {
    code: WorkflowCode.UnreachableFilter,
    severity: 'warning',
    fixture: `{"task_routing": {"filters": [{"filter_friendly_name": "All", "expression": "1==1", "targets": [{"queue": "${Q1}"}]}, «{"filter_friendly_name": "Sales", "expression": "type == 'sales'", "targets": [{"queue": "${Q2}"}]}», «{"expression": "type == 'x'", "targets": [{"queue": "${Q2}"}]}»]}}`,
    message: /can never match: filter 1 \("All"\) always matches/,
  },
  {
    code: WorkflowCode.DuplicateFilterName,
    severity: 'warning',
    fixture: `{"task_routing": {"filters": [{"filter_friendly_name": "Sales", "expression": "type == 'a'", "targets": [{"queue": "${Q1}"}]}, {"filter_friendly_name": "«Sales»", "expression": "type == 'b'", "targets": [{"queue": "${Q2}"}]}]}}`,
    message: /same name as filter 1/,
  },
];

describe('workflow diagnostics: one case per code, exact ranges', () => {
  for (const c of cases) {
    it(`${c.code}${c.title ? `: ${c.title}` : ''}`, () => {
      const { text, ranges } = marked(c.fixture);
      const all = validateWorkflow(text, c.options).diagnostics;
      const found = all.filter((d) => d.code === c.code);
      assert.deepEqual(
        found.map((d) => d.range),
        ranges.map((r) => r.range),
        `ranges of ${c.code}; all diagnostics: ${JSON.stringify(all, null, 1)}`,
      );
      for (const d of found) {
        assert.equal(d.severity, c.severity, d.message);
        assert.match(d.message, c.message);
      }
    });
  }

  it('documents every workflow and expression code in docs/expression-language.md', () => {
    const docs = readFileSync('docs/expression-language.md', 'utf8');
    const undocumented = [...Object.values(WorkflowCode), ...Object.values(ExpressionIssueCode)].filter(
      (code) => !docs.includes(`\`${code}\``),
    );
    assert.deepEqual(undocumented, []);
  });

  it('covers every workflow code except the document size ones (tested in size.test.ts)', () => {
    const covered = new Set(cases.map((c) => c.code));
    const missing = Object.values(WorkflowCode).filter(
      (code) => !covered.has(code) && code !== WorkflowCode.DocumentTooLarge && code !== WorkflowCode.DocumentNearLimit,
    );
    assert.deepEqual(missing, []);
  });
});

describe('validateWorkflow input', () => {
  it('refuses anything but text with a TypeError that says what to pass (it failed on `charCodeAt`)', () => {
    const text = `{"task_routing": {"default_filter": {"queue": "${Q1}"}}}`;
    const cases: [unknown, RegExp][] = [
      [Buffer.from(text), /got bytes: read the file as text, e\.g\. readFileSync\(path, 'utf8'\)/],
      [JSON.parse(text), /got object: for a parsed object, pass JSON\.stringify\(object\)/],
      [undefined, /got undefined: pass the JSON text/],
    ];
    for (const [value, message] of cases) {
      assert.throws(
        () => validateWorkflow(value as string),
        (error: unknown) => error instanceof TypeError && message.test(error.message),
      );
    }
    assert.deepEqual(validateWorkflow(text).diagnostics, []);
  });
});
