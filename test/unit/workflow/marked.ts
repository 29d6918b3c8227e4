/**
 * Test helper: write expected ranges inline. `«` and `»` mark a range in a fixture (they may nest, and `««x»»` marks
 * the same range twice); `marked()` removes the markers and returns the clean text and the ranges, as offsets and as
 * zero-based line/character positions computed here independently of the code under test. (`[[`/`]]` would clash
 * with JSON arrays such as `"targets": [[...`.)
 */
export interface MarkedRange {
  start: number;
  end: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export function marked(source: string): { text: string; ranges: MarkedRange[] } {
  let text = '';
  const ranges: MarkedRange[] = [];
  const open: number[] = [];
  let i = 0;
  while (i < source.length) {
    if (source[i] === '«') {
      open.push(text.length);
      i += 1;
    } else if (source[i] === '»') {
      const start = open.pop();
      if (start === undefined) throw new Error(`unbalanced » at ${i} in fixture`);
      ranges.push({
        start,
        end: text.length,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
      i += 1;
    } else {
      text += source[i];
      i += 1;
    }
  }
  if (open.length > 0) throw new Error('unbalanced « in fixture');
  ranges.sort((a, b) => a.start - b.start);
  for (const r of ranges) r.range = { start: position(text, r.start), end: position(text, r.end) };
  return { text, ranges };
}

/** Zero-based line/character of an offset, counting `\n`, `\r\n` and `\r` as line breaks. */
export function position(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** Queue SIDs for fixtures (the seed's). */
export const Q1 = 'WQeae4fc2f4db7f377c5d3758fb08b79b7';
export const Q2 = 'WQ19ebe92fb33522f018b5a31d805d94da';
export const Q3 = 'WQ9963154bf3122d0a0558f3763951d916';
