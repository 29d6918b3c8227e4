/**
 * Semantic tokens: the expression inside each expression string (filter and target `expression`, `skip_if`,
 * `order_by`, `known_worker_*`, a queue's `targetWorkers`) coloured by what each word is, on top of the TextMate
 * grammar. Only LSP's standard token types are used, so every colour theme has a colour for them.
 *
 * Each site's decoded value is tokenized by the expression tokenizer; token offsets in the value are mapped back to
 * the document through the JSON escapes (`\"gold\"` is 8 characters in the document, 6 in the value).
 */
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import { SCOPE_PREFIXES, TASKROUTER_VARIABLES, WORKER_PROPERTIES } from '../expression/codes';
import { tokenize } from '../expression/tokenizer';
import type { Scope, Token } from '../expression/types';
import type { AnalyzedDocument } from './document';

const TOKEN_TYPES = ['namespace', 'variable', 'property', 'keyword', 'operator', 'string', 'number'] as const;
const TOKEN_MODIFIERS = ['defaultLibrary', 'readonly'] as const;

type TokenType = (typeof TOKEN_TYPES)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

const TYPE_INDEX = Object.fromEntries(TOKEN_TYPES.map((t, i) => [t, i])) as Record<TokenType, number>;
const DEFAULT_LIBRARY = 1 << 0;
const READONLY = 1 << 1;

/** A token's type and modifier bits; shared constants, so classifying allocates nothing. */
type Classified = readonly [TokenType, number];
const KEYWORD: Classified = ['keyword', 0];
const OPERATOR: Classified = ['operator', 0];
const STRING: Classified = ['string', 0];
const NUMBER: Classified = ['number', 0];
const PREFIX: Classified = ['namespace', DEFAULT_LIBRARY];
const ATTRIBUTE: Classified = ['property', 0];
const BUILT_IN_VARIABLE: Classified = ['variable', DEFAULT_LIBRARY | READONLY];
const BUILT_IN_PROPERTY: Classified = ['property', DEFAULT_LIBRARY];

const BUILT_IN_WORKER_PROPERTIES: readonly string[] = WORKER_PROPERTIES;
const BUILT_IN_TASKROUTER: readonly string[] = TASKROUTER_VARIABLES;

export function getSemanticTokens(doc: AnalyzedDocument): SemanticTokens {
  const data: number[] = [];
  let previousLine = 0;
  let previousChar = 0;
  for (const site of doc.sites) {
    const tokens = tokenize(site.field.value);
    if (tokens.length === 0) continue;
    // A JSON string has no raw line break, so a site sits on one line: one position lookup per site, not per token.
    // Only a broken document's recovered string might span lines; its tokens are clipped to their first line.
    const first = doc.positionAt(site.contentStart);
    const oneLine = doc.positionAt(site.contentEnd).line === first.line;
    for (let i = 0; i < tokens.length; i++) {
      const classified = classify(tokens, i, site.scope);
      if (classified === undefined) continue;
      const start = site.toDocument(tokens[i].start);
      let end = site.toDocument(tokens[i].end);
      let line = first.line;
      let character = first.character + (start - site.contentStart);
      if (!oneLine) {
        ({ line, character } = doc.positionAt(start));
        end = Math.min(end, doc.offsetAt({ line: line + 1, character: 0 }));
      }
      if (end <= start) continue;
      const deltaLine = line - previousLine;
      data.push(
        deltaLine,
        deltaLine === 0 ? character - previousChar : character,
        end - start,
        TYPE_INDEX[classified[0]],
        classified[1],
      );
      previousLine = line;
      previousChar = character;
    }
  }
  return { data };
}

/** The token type and modifier bits of `tokens[i]`, or undefined for punctuation and invalid characters. */
function classify(tokens: readonly Token[], i: number, scope: Scope): Classified | undefined {
  const token = tokens[i];
  switch (token.kind) {
    case 'keyword':
    case 'boolean':
    case 'null':
      return KEYWORD;
    case 'operator':
      return OPERATOR;
    case 'string':
      return STRING;
    case 'number':
      return NUMBER;
    case 'name':
      return classifyName(tokens, i, scope);
    default:
      return undefined;
  }
}

/** A name is a prefix (`task`), a built-in (`taskrouter.dayOfWeek`, `workers.available`) or an attribute. */
function classifyName(tokens: readonly Token[], i: number, scope: Scope): Classified {
  const token = tokens[i];
  const afterDot = i > 0 && tokens[i - 1].kind === 'dot';
  if (!afterDot) {
    const next = tokens[i + 1];
    if (next?.kind === 'dot' && SCOPE_PREFIXES[scope].includes(token.text)) return PREFIX;
    return ATTRIBUTE;
  }
  // Second segment: what follows a prefix.
  const head =
    i >= 2 && tokens[i - 2].kind === 'name' && (i < 3 || tokens[i - 3].kind !== 'dot') ? tokens[i - 2] : undefined;
  if (head && SCOPE_PREFIXES[scope].includes(head.text)) {
    if (head.text === 'taskrouter' && BUILT_IN_TASKROUTER.includes(token.text)) {
      return BUILT_IN_VARIABLE;
    }
    if (head.text === 'workers') return BUILT_IN_VARIABLE;
    if (head.text === 'worker' && BUILT_IN_WORKER_PROPERTIES.includes(token.text)) {
      return BUILT_IN_PROPERTY;
    }
  }
  return ATTRIBUTE;
}
