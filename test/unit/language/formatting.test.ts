import { strict as assert } from 'node:assert';
import { createLanguageService } from '../../../server/src/language/service';
import { Q1 } from '../workflow/marked';
import { applyEdits, documentOf } from './cursor';

const service = createLanguageService();

/** An expression with doubled spaces and escapes: formatting must leave every character of it alone. */
const EXPRESSION = 'skills  HAS  \\"gold\\"   AND  level>2';

const compact = `{"task_routing":{"filters":[{"expression":"${EXPRESSION}","targets":[{"queue":"${Q1}","priority":1}]}]}}`;

function formatted(text: string, options: { tabSize: number; insertSpaces: boolean }, uri?: string): string {
  const document = documentOf(text, uri);
  return applyEdits(text, service.format(document, undefined, options));
}

describe('formatting', () => {
  it('indents with spaces of the tab size, leaving expressions untouched', () => {
    assert.equal(
      formatted(compact, { tabSize: 2, insertSpaces: true }),
      [
        '{',
        '  "task_routing": {',
        '    "filters": [',
        '      {',
        `        "expression": "${EXPRESSION}",`,
        '        "targets": [',
        '          {',
        `            "queue": "${Q1}",`,
        '            "priority": 1',
        '          }',
        '        ]',
        '      }',
        '    ]',
        '  }',
        '}',
      ].join('\n'),
    );
  });

  it('keeps the final line break of a file that has one, and adds one only when asked', () => {
    const text = `{"task_routing":{"default_filter":{"queue":"${Q1}"}}}`;
    const expected = `{\n  "task_routing": {\n    "default_filter": {\n      "queue": "${Q1}"\n    }\n  }\n}`;
    const options = { tabSize: 2, insertSpaces: true };
    assert.equal(formatted(`${text}\n`, options), `${expected}\n`);
    assert.equal(formatted(`${text}\r\n`, options), `${expected.replace(/\n/g, '\r\n')}\r\n`);
    assert.equal(formatted(text, options), expected);
    const asked = applyEdits(
      text,
      service.format(documentOf(text), undefined, { ...options, insertFinalNewline: true }),
    );
    assert.equal(asked, `${expected}\n`);
  });

  it('indents with tabs when asked', () => {
    const text = `{"task_routing":{"default_filter":{"queue":"${Q1}"}}}`;
    assert.equal(
      formatted(text, { tabSize: 4, insertSpaces: false }),
      `{\n\t"task_routing": {\n\t\t"default_filter": {\n\t\t\t"queue": "${Q1}"\n\t\t}\n\t}\n}`,
    );
  });

  it('keeps comments of a local file', () => {
    const text = `{ // routing\n"task_routing":{ /* catch-all */ "default_filter":{"queue":"${Q1}"}}}`;
    assert.equal(
      formatted(text, { tabSize: 2, insertSpaces: true }),
      `{ // routing\n  "task_routing": { /* catch-all */\n    "default_filter": {\n      "queue": "${Q1}"\n    }\n  }\n}`,
    );
  });

  it('formats only the range asked for, relative to the indentation of its first line', () => {
    const text = `{\n"task_routing": {\n"default_filter":{"queue":"${Q1}"}\n}\n}`;
    const document = documentOf(text);
    const edits = service.format(
      document,
      { start: { line: 2, character: 0 }, end: { line: 2, character: 100 } },
      { tabSize: 2, insertSpaces: true },
    );
    assert.equal(applyEdits(text, edits), `{\n"task_routing": {\n"default_filter": {\n  "queue": "${Q1}"\n}\n}\n}`);
  });

  it('refuses to format broken JSON rather than re-indent text it cannot read', () => {
    const broken = `{"task_routing":{"filters":[{"expression":"a == 1,"targets":[{"queue":"${Q1}"}]}]}}`;
    assert.deepEqual(service.format(documentOf(broken), undefined, { tabSize: 2, insertSpaces: true }), []);
    const unclosed = '{"task_routing": {"filters": [';
    assert.deepEqual(service.format(documentOf(unclosed), undefined, { tabSize: 2, insertSpaces: true }), []);
  });

  it('keeps CRLF line ends', () => {
    const text = `{"task_routing": {"default_filter": {"queue": "${Q1}"}}}\r\n`;
    const result = formatted(text, { tabSize: 2, insertSpaces: true });
    assert.ok(result.includes('\r\n  "task_routing"'), JSON.stringify(result));
    assert.ok(!/[^\r]\n/.test(result), JSON.stringify(result));
  });
});
