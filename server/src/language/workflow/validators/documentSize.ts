/** The document must fit TaskRouter's limit for a workflow configuration (about 1 MB). */
import { DECIMAL_MEGABYTE, MAX_DOCUMENT_BYTES, WorkflowCode } from '../codes';
import type { WorkflowValidator } from './context';

export const documentSize: WorkflowValidator = {
  name: 'documentSize',
  validate({ text, model, report }) {
    // A UTF-16 unit is at most 3 UTF-8 bytes: short documents need no counting.
    if (text.length * 3 <= DECIMAL_MEGABYTE) return;
    const bytes = utf8Length(text);
    if (bytes <= DECIMAL_MEGABYTE) return;
    const start = model.rootSpan?.start ?? 0;
    const span = { start, end: Math.min(text.length, start + 1) };
    const size = bytes.toLocaleString('en-US');
    if (bytes > MAX_DOCUMENT_BYTES) {
      report(
        span,
        'error',
        WorkflowCode.DocumentTooLarge,
        `The document is ${size} bytes: TaskRouter accepts a workflow configuration of at most 1 MB (1,048,576 bytes). Shorten repeated expressions or merge filters.`,
      );
    } else {
      report(
        span,
        'warning',
        WorkflowCode.DocumentNearLimit,
        `The document is ${size} bytes: above 1,000,000 bytes, so it may be rejected if TaskRouter's "1 MB" limit is decimal.`,
      );
    }
  },
};

/** Node's native byte count when available (the language server, the CLI); the loop below elsewhere. */
const NodeBuffer = (globalThis as { Buffer?: { byteLength(text: string, encoding: 'utf8'): number } }).Buffer;

/** UTF-8 length of a JavaScript string (lone surrogates count as the 3 bytes of U+FFFD). */
export function utf8Length(text: string): number {
  return NodeBuffer ? NodeBuffer.byteLength(text, 'utf8') : utf8LengthPortable(text);
}

/** The same count without Node's Buffer. */
export function utf8LengthPortable(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
