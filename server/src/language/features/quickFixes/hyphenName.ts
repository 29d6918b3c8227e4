/**
 * `expr-hyphen-in-name`: TaskRouter reads `skill-level` as `skill` minus `level`. The name cannot be quoted, so the
 * only fix is an attribute without the hyphen: offered when the workspace's tasks (or workers, by scope) have the
 * underscore form, since renaming to an attribute nobody sets would silently never match.
 */
import { tokenize } from '../../expression/tokenizer';
import type { Scope } from '../../expression/types';
import type { WorkspaceIndex } from '../workspace';
import { encodeInString, quickFix, replace, type QuickFix } from './shared';

export const hyphenName: QuickFix = ({ doc, workspace }, diagnostic, span) => {
  const site = doc.siteAt(span.start);
  if (!site || !workspace) return [];
  const value = site.field.value;
  const at = site.toValue(span.start);
  const tokens = tokenize(value);
  const index = tokens.findIndex((t) => t.kind === 'name' && t.start === at && t.hyphenated);
  if (index < 0) return [];
  // The path up to this segment: `routing.skill-level` in `task.routing.skill-level`.
  const segments = [tokens[index].text];
  for (let i = index - 1; i >= 1 && tokens[i].kind === 'dot' && tokens[i - 1].kind === 'name'; i -= 2) {
    segments.unshift(tokens[i - 1].text);
  }
  const { attributes, path } = attributesFor(site.scope, segments, workspace);
  const renamed = tokens[index].text.replace(/-/g, '_');
  const candidate = [...path.slice(0, -1), renamed].join('.');
  if (!attributes.includes(candidate)) return [];
  const title = `Change \`${tokens[index].text}\` to \`${renamed}\` (TaskRouter reads \`-\` in a name as minus)`;
  return [quickFix(doc, title, diagnostic, [replace(doc, span, encodeInString(renamed))], true)];
};

/** The attribute names the path is looked up in, and the path without its prefix. */
function attributesFor(
  scope: Scope,
  segments: string[],
  workspace: WorkspaceIndex,
): { attributes: readonly string[]; path: string[] } {
  const { taskAttributes, workerAttributes } = workspace.data;
  const [head, ...rest] = segments;
  switch (scope) {
    case 'filter':
      return { attributes: taskAttributes, path: segments };
    case 'targetWorkers':
      return { attributes: workerAttributes, path: segments };
    default:
      if (segments.length > 1 && head === 'task') return { attributes: taskAttributes, path: rest };
      if (segments.length > 1 && head === 'worker') return { attributes: workerAttributes, path: rest };
      return { attributes: [], path: segments };
  }
}
