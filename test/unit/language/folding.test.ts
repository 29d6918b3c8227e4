import { strict as assert } from 'node:assert';
import type { SelectionRange } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/language/service';
import { Q1 } from '../workflow/marked';
import { documentOf, withCursor } from './cursor';

const service = createLanguageService();

describe('folding ranges', () => {
  it('folds objects and arrays over several lines, keeping a closing bracket that starts its line visible', () => {
    const text = [
      '{', // 0
      '  "task_routing": {', // 1
      '    "filters": [', // 2
      '      {', // 3
      '        "expression": "1 == 1",', // 4
      `        "targets": [{ "queue": "${Q1}" }]`, // 5: one line, no range
      '      }', // 6
      '    ],', // 7
      `    "default_filter": { "queue": "${Q1}",`, // 8
      '      "priority": 1 }', // 9: closing brace after text: the range ends on this line
      '  }', // 10
      '}', // 11
    ].join('\n');
    assert.deepEqual(service.getFoldingRanges(documentOf(text)), [
      { startLine: 0, endLine: 10 },
      { startLine: 1, endLine: 9 },
      { startLine: 2, endLine: 6 },
      { startLine: 3, endLine: 5 },
      { startLine: 8, endLine: 9 },
    ]);
  });

  it('folds block comments and // #region markers of local files', () => {
    const text = [
      '/*', // 0
      ' * Support routing', // 1
      ' */', // 2
      '{', // 3
      '  // #region filters', // 4
      '  "task_routing": {', // 5
      '    "filters": []', // 6
      '  }', // 7
      '  // #endregion', // 8
      '}', // 9
    ].join('\n');
    assert.deepEqual(service.getFoldingRanges(documentOf(text)), [
      { startLine: 0, endLine: 2, kind: 'comment' },
      { startLine: 3, endLine: 8 },
      { startLine: 4, endLine: 8, kind: 'region' },
      { startLine: 5, endLine: 6 },
    ]);
  });

  it('still folds what is closed in a broken document', () => {
    const text = '{\n  "task_routing": {\n    "filters": [\n      {\n        "expression": "1 == 1"\n      }\n';
    assert.deepEqual(service.getFoldingRanges(documentOf(text)), [{ startLine: 3, endLine: 4 }]);
  });
});

/** The texts a selection range and its parents cover, innermost first. */
function chain(text: string, range: SelectionRange | undefined): string[] {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
  const texts: string[] = [];
  for (let r = range; r; r = r.parent) texts.push(text.slice(offset(r.range.start), offset(r.range.end)));
  return texts;
}

describe('selection ranges', () => {
  it('expands from a token in an expression to the comparison, the expression, the string, the property, ...', () => {
    const { document, text, position } = withCursor(
      `{"task_routing": {"filters": [{"expression": " sk|ills HAS \\"gold\\" AND level > 2 ", "targets": [{"queue": "${Q1}"}]}]}}`,
    );
    const [range] = service.getSelectionRanges(document, [position]);
    const filter = text.slice(text.indexOf('{"expression"'), text.indexOf(']}]}}') + 2);
    assert.deepEqual(chain(text, range), [
      'skills',
      'skills HAS \\"gold\\"',
      'skills HAS \\"gold\\" AND level > 2',
      ' skills HAS \\"gold\\" AND level > 2 ',
      '" skills HAS \\"gold\\" AND level > 2 "',
      '"expression": " skills HAS \\"gold\\" AND level > 2 "',
      filter,
      `[${filter}]`,
      `"filters": [${filter}]`,
      `{"filters": [${filter}]}`,
      `"task_routing": {"filters": [${filter}]}`,
      text,
    ]);
  });

  it('expands from a JSON key outside any expression', () => {
    const { document, text, position } = withCursor(`{"task_routing": {"default_filter": {"qu|eue": "${Q1}"}}}`);
    const [range] = service.getSelectionRanges(document, [position]);
    assert.deepEqual(chain(text, range).slice(0, 4), [
      '"queue"',
      `"queue": "${Q1}"`,
      `{"queue": "${Q1}"}`,
      `"default_filter": {"queue": "${Q1}"}`,
    ]);
  });

  it('answers one selection range per position', () => {
    const text = `{"task_routing": {"default_filter": {"queue": "${Q1}"}}}`;
    const ranges = service.getSelectionRanges(documentOf(text), [
      { line: 0, character: 3 },
      { line: 0, character: 25 },
    ]);
    assert.equal(ranges.length, 2);
    assert.deepEqual(chain(text, ranges[0])[0], '"task_routing"');
    assert.deepEqual(chain(text, ranges[1])[0], '"default_filter"');
  });
});
