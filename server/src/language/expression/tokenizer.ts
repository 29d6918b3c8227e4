/**
 * The tokenizer: one linear pass over the text, never throws. Every character belongs to exactly one token or to
 * whitespace, so the tokens can drive highlighting and completion as well as the parser.
 */
import type { Keyword, Token } from './types';

/** Reserved words by length, upper-case. */
const RESERVED: readonly (readonly (Keyword | 'TRUE' | 'FALSE' | 'NULL')[])[] = [
  [],
  [],
  ['OR', 'IN'],
  ['AND', 'NOT', 'HAS', 'ASC'],
  ['DESC', 'TRUE', 'NULL'],
  ['FALSE'],
  [],
  [],
  ['CONTAINS'],
];

/** The reserved word `text[start, end)` spells in any letter case, without allocating. */
function reservedWord(text: string, start: number, end: number): Keyword | 'TRUE' | 'FALSE' | 'NULL' | undefined {
  const candidates = RESERVED[end - start];
  for (const candidate of candidates) {
    let k = 0;
    // ASCII letters only: clearing bit 0x20 upper-cases a-z; the candidates are all letters.
    while (k < candidate.length && (text.charCodeAt(start + k) & ~0x20) === candidate.charCodeAt(k)) k++;
    if (k === candidate.length) return candidate;
  }
  return undefined;
}

const CH_TAB = 9;
const CH_SPACE = 32;
const CH_BANG = 33;
const CH_DQUOTE = 34;
const CH_DOLLAR = 36;
const CH_AMP = 38;
const CH_SQUOTE = 39;
const CH_LPAREN = 40;
const CH_RPAREN = 41;
const CH_COMMA = 44;
const CH_MINUS = 45;
const CH_DOT = 46;
const CH_0 = 48;
const CH_9 = 57;
const CH_LT = 60;
const CH_EQ = 61;
const CH_GT = 62;
const CH_A = 65;
const CH_Z = 90;
const CH_LBRACKET = 91;
const CH_RBRACKET = 93;
const CH_UNDERSCORE = 95;
const CH_LOWER_A = 97;
const CH_LOWER_Z = 122;
const CH_PIPE = 124;

const LETTER = /\p{L}/u;

/** The UTF-16 unit at `i`, or -1 past the end (an out-of-range `charCodeAt` takes V8's slow path). */
function code(text: string, i: number): number {
  return i < text.length ? text.charCodeAt(i) : -1;
}

function isWhitespace(c: number): boolean {
  return c === CH_SPACE || (c >= CH_TAB && c <= 13) || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
}

function isDigit(c: number): boolean {
  return c >= CH_0 && c <= CH_9;
}

/** Letters (ASCII or any Unicode letter), `_` and `$` may start a name. */
function isNameStart(c: number): boolean {
  if ((c >= CH_A && c <= CH_Z) || (c >= CH_LOWER_A && c <= CH_LOWER_Z) || c === CH_UNDERSCORE || c === CH_DOLLAR) {
    return true;
  }
  return c > 127 && LETTER.test(String.fromCharCode(c));
}

function isNamePart(c: number): boolean {
  return isNameStart(c) || isDigit(c);
}

/** Splits an expression into tokens. Whitespace is skipped; unknown characters become `invalid` tokens. */
export function tokenize(text: string): Token[] {
  const lexer = new Lexer(text);
  const tokens: Token[] = [];
  for (let t = lexer.next(); t !== undefined; t = lexer.next()) tokens.push(t);
  return tokens;
}

/**
 * The tokenizer as a stream: `next()` returns one token at a time (undefined at the end). The parser pulls tokens
 * from it so that tokens are short-lived, instead of holding an array of all of them.
 */
export class Lexer {
  private i = 0;
  private previous: Token | undefined;

  constructor(private readonly text: string) {}

  next(): Token | undefined {
    const t = this.scan();
    this.previous = t;
    return t;
  }

  private scan(): Token | undefined {
    const text = this.text;
    const length = text.length;
    const previous = this.previous;
    let i = this.i;
    while (i < length && isWhitespace(text.charCodeAt(i))) i++;
    if (i >= length) {
      this.i = i;
      return undefined;
    }
    const c = text.charCodeAt(i);
    const start = i;
    // A word right after an adjacent `.` is a path segment, even when it looks like a keyword or a number.
    const afterDot = previous !== undefined && previous.kind === 'dot' && previous.end === start;
    let result: Token;

    if (isNameStart(c) || (afterDot && isDigit(c))) {
      let hyphenated = false;
      i++;
      for (;;) {
        const d = code(text, i);
        if (isNamePart(d)) {
          i++;
        } else if (d === CH_MINUS && i + 1 < length && isNamePart(code(text, i + 1))) {
          hyphenated = true;
          i += 2;
        } else {
          break;
        }
      }
      const word = text.slice(start, i);
      const reserved =
        afterDot || hyphenated || code(text, i) === CH_DOT || i - start > 8 ? undefined : reservedWord(text, start, i);
      if (reserved === undefined) {
        result = token('name', start, i, word, undefined, undefined, undefined, hyphenated || undefined);
      } else if (reserved === 'TRUE' || reserved === 'FALSE') {
        result = token('boolean', start, i, word, undefined, reserved === 'TRUE');
      } else if (reserved === 'NULL') {
        result = token('null', start, i, word);
      } else {
        result = token('keyword', start, i, word, reserved);
      }
    } else if (
      isDigit(c) ||
      (c === CH_MINUS && startsUnsignedNumber(text, i + 1)) ||
      (c === CH_DOT && isDigit(code(text, i + 1)) && !followsPathEnd(previous, start))
    ) {
      i = scanNumber(text, c === CH_MINUS ? i + 1 : i);
      const raw = text.slice(start, i);
      result = token('number', start, i, raw, undefined, Number(raw));
    } else if (c === CH_SQUOTE || c === CH_DQUOTE) {
      const close = text.indexOf(c === CH_SQUOTE ? "'" : '"', i + 1);
      const terminated = close >= 0;
      i = terminated ? close + 1 : length;
      const value = text.slice(start + 1, terminated ? close : length);
      result = token('string', start, i, text.slice(start, i), undefined, value, terminated);
    } else {
      const operatorLength = operatorLengthAt(text, i, c);
      if (operatorLength > 0) {
        i += operatorLength;
        result = token('operator', start, i, text.slice(start, i));
      } else {
        const single = punctuation(c);
        if (single !== undefined) {
          i++;
          result = token(single, start, i, text[start]);
        } else {
          // Anything else: one invalid token per code point.
          i += c >= 0xd800 && c <= 0xdbff && i + 1 < length ? 2 : 1;
          result = token('invalid', start, i, text.slice(start, i));
        }
      }
    }
    this.i = i;
    return result;
  }
}

/** The length of the operator starting at `i` (0 when there is none). */
function operatorLengthAt(text: string, i: number, c: number): number {
  const next = code(text, i + 1);
  switch (c) {
    case CH_EQ:
    case CH_BANG:
      return next === CH_EQ ? (code(text, i + 2) === CH_EQ ? 3 : 2) : 1;
    case CH_LT:
      return next === CH_EQ || next === CH_GT ? 2 : 1;
    case CH_GT:
      return next === CH_EQ ? 2 : 1;
    case CH_AMP:
      return next === CH_AMP ? 2 : 1;
    case CH_PIPE:
      return next === CH_PIPE ? 2 : 1;
    default:
      return 0;
  }
}

/**
 * Every token gets the same properties in the same order (absent ones undefined), so that the parser's property
 * reads stay monomorphic: about twice as fast on long expressions as tokens of varying shapes.
 */
function token(
  kind: Token['kind'],
  start: number,
  end: number,
  text: string,
  keyword?: Keyword,
  value?: string | number | boolean,
  terminated?: boolean,
  hyphenated?: boolean,
): Token {
  return { kind, start, end, text, keyword, value, terminated, hyphenated };
}

function punctuation(c: number): Token['kind'] | undefined {
  switch (c) {
    case CH_DOT:
      return 'dot';
    case CH_COMMA:
      return 'comma';
    case CH_LPAREN:
      return 'lparen';
    case CH_RPAREN:
      return 'rparen';
    case CH_LBRACKET:
      return 'lbracket';
    case CH_RBRACKET:
      return 'rbracket';
    default:
      return undefined;
  }
}

/** `5`, `5.1`, `.5` start at `i`. */
function startsUnsignedNumber(text: string, i: number): boolean {
  const c = code(text, i);
  return isDigit(c) || (c === CH_DOT && isDigit(code(text, i + 1)));
}

/** A `.` directly after a name or `]` continues a key path (`a.5` is not `a` followed by `.5`). */
function followsPathEnd(previous: Token | undefined, start: number): boolean {
  return previous !== undefined && previous.end === start && (previous.kind === 'name' || previous.kind === 'rbracket');
}

/** Scans `digits [. digits]` or `. digits` from `i`; returns the end offset. */
function scanNumber(text: string, i: number): number {
  while (isDigit(code(text, i))) i++;
  if (code(text, i) === CH_DOT && isDigit(code(text, i + 1))) {
    i++;
    while (isDigit(code(text, i))) i++;
  }
  return i;
}
