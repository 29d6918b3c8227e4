/** Key paths: their text, and every reference in a tree (for completion, hover, rename and the validator). */
import type { Expression, ExpressionNode, KeyPath, KeyReference, Operand } from './types';

/** `task.skills[0]` for the path's segments (as written, without offsets). */
export function pathText(path: KeyPath): string {
  let text = '';
  for (const segment of path.segments) {
    if (segment.kind === 'index') text += `[${segment.index}]`;
    else text += text.length === 0 ? segment.name : `.${segment.name}`;
  }
  return text;
}

/** Every key path in the tree, in the order they are written, with their spans. */
export function collectReferences(ast: Expression): KeyReference[] {
  const references: KeyReference[] = [];
  const stack: ExpressionNode[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop() as ExpressionNode;
    switch (node.kind) {
      case 'logical':
        for (let i = node.operands.length - 1; i >= 0; i--) stack.push(node.operands[i]);
        break;
      case 'not':
        stack.push(node.operand);
        break;
      case 'comparison':
        stack.push(node.right, node.left);
        break;
      case 'orderBy':
        for (let i = node.clauses.length - 1; i >= 0; i--) stack.push(node.clauses[i]);
        break;
      case 'orderClause':
        stack.push(node.key);
        break;
      case 'array':
        for (let i = node.elements.length - 1; i >= 0; i--) stack.push(node.elements[i] as Operand);
        break;
      case 'path':
        references.push({ text: pathText(node), node, start: node.start, end: node.end });
        break;
      default:
        break;
    }
  }
  return references;
}
