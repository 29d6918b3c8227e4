import { strict as assert } from 'node:assert';
import { createLanguageService } from '../../../server/src/language/service';
import { Q1 } from '../workflow/marked';
import { documentOf } from './cursor';

const service = createLanguageService();
const { tokenTypes, tokenModifiers } = service.semanticTokensLegend;

/** The tokens decoded from LSP's relative encoding into absolute (line, character, text, type, modifiers). */
function decode(text: string, data: readonly number[]): [number, number, string, string, string[]][] {
  const lines = text.split('\n');
  const tokens: [number, number, string, string, string[]][] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifiers] = data.slice(i, i + 5);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    const names = tokenModifiers.filter((_, bit) => (modifiers & (1 << bit)) !== 0);
    tokens.push([line, character, lines[line].slice(character, character + length), tokenTypes[type], names]);
  }
  return tokens;
}

function tokensOf(text: string, uri?: string, languageId?: string) {
  return decode(text, service.getSemanticTokens(documentOf(text, uri, languageId)).data);
}

describe('semantic tokens', () => {
  it('uses only standard LSP token types and modifiers', () => {
    const standard = ['namespace', 'variable', 'property', 'keyword', 'operator', 'string', 'number', 'enumMember'];
    for (const type of tokenTypes) assert.ok(standard.includes(type), type);
    for (const modifier of tokenModifiers) assert.ok(['defaultLibrary', 'readonly'].includes(modifier), modifier);
  });

  it('colours a filter expression by what each word is, on its own line and column', () => {
    const text = [
      '{',
      '  "task_routing": {',
      '    "filters": [',
      '      {',
      '        "expression": "type == \'vip\' AND taskrouter.currentHour >= 9 OR skills HAS true",',
      `        "targets": [{ "queue": "${Q1}" }]`,
      '      }',
      '    ]',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(tokensOf(text), [
      [4, 23, 'type', 'property', []],
      [4, 28, '==', 'operator', []],
      [4, 31, "'vip'", 'string', []],
      [4, 37, 'AND', 'keyword', []],
      [4, 41, 'taskrouter', 'namespace', ['defaultLibrary']],
      [4, 52, 'currentHour', 'variable', ['defaultLibrary', 'readonly']],
      [4, 64, '>=', 'operator', []],
      [4, 67, '9', 'number', []],
      [4, 69, 'OR', 'keyword', []],
      [4, 72, 'skills', 'property', []],
      [4, 79, 'HAS', 'keyword', []],
      [4, 83, 'true', 'keyword', []],
    ]);
  });

  it('maps tokens after \\" escapes to their place in the document (a constant spans its escapes)', () => {
    const text = `{"task_routing": {"filters": [{"expression": "a == \\"x\\" AND b == 1", "targets": [{"queue": "${Q1}"}]}]}}`;
    const expressionStart = text.indexOf('"a ==') + 1;
    const tokens = tokensOf(text).map(([line, character, written, type]) => [
      line,
      character - expressionStart,
      written,
      type,
    ]);
    assert.deepEqual(tokens, [
      [0, 0, 'a', 'property'],
      [0, 2, '==', 'operator'],
      [0, 5, '\\"x\\"', 'string'],
      [0, 11, 'AND', 'keyword'],
      [0, 15, 'b', 'property'],
      [0, 17, '==', 'operator'],
      [0, 20, '1', 'number'],
    ]);
  });

  it('knows the prefixes of each scope: task/worker in a target, workers in skip_if, worker in order_by', () => {
    const text = [
      `{"task_routing": {"filters": [{"expression": "1 == 1", "targets": [{"queue": "${Q1}",`,
      '"expression": "task.lang IN worker.langs",',
      '"skip_if": "workers.available == 0",',
      '"order_by": "worker.sid DESC, worker.level ASC"}]}]}}',
    ].join('\n');
    const names = tokensOf(text)
      .filter(([line]) => line > 0)
      .map(
        ([, , written, type, modifiers]) => `${written}:${type}${modifiers.length ? `+${modifiers.join('+')}` : ''}`,
      );
    assert.deepEqual(names, [
      'task:namespace+defaultLibrary',
      'lang:property',
      'IN:keyword',
      'worker:namespace+defaultLibrary',
      'langs:property',
      'workers:namespace+defaultLibrary',
      'available:variable+defaultLibrary+readonly',
      '==:operator',
      '0:number',
      'worker:namespace+defaultLibrary',
      'sid:property+defaultLibrary',
      'DESC:keyword',
      'worker:namespace+defaultLibrary',
      'level:property',
      'ASC:keyword',
    ]);
  });

  it("colours a queue's targetWorkers (attributes unprefixed) and emits tokens sorted by position", () => {
    const uri =
      'taskrouter:/acct/WS0123456789abcdef0123456789abcdef/taskQueues/WQ0123456789abcdef0123456789abcdef/Gold.json';
    const text = '{\n  "friendlyName": "Gold",\n  "targetWorkers": "skills HAS \\"gold\\""\n}';
    assert.deepEqual(tokensOf(text, uri, 'json'), [
      [2, 20, 'skills', 'property', []],
      [2, 27, 'HAS', 'keyword', []],
      [2, 31, '\\"gold\\"', 'string', []],
    ]);
  });

  it('gives no tokens for a document without expressions', () => {
    assert.deepEqual(service.getSemanticTokens(documentOf('{"task_routing": {}}')).data, []);
  });
});
