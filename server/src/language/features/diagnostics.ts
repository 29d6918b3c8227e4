/**
 * Diagnostics: the foundation's validator for workflow documents (with the workspace's queues when known), the
 * expression checks for a queue's `targetWorkers`. In LSP's shape, ready to send.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { validateWorkflowOffsets } from '../workflow/validate';
import type { OffsetDiagnostic, Severity } from '../workflow/types';
import type { AnalyzedDocument } from './document';
import type { ExpressionMemo } from './expressionMemo';
import type { WorkspaceIndex } from './workspace';

/** The `source` of every diagnostic, shown by editors after the message. */
export const DIAGNOSTIC_SOURCE = 'taskrouter';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

export function doValidation(
  doc: AnalyzedDocument,
  workspace: WorkspaceIndex | undefined,
  memo?: ExpressionMemo,
): Diagnostic[] {
  let found: OffsetDiagnostic[] = [];
  if (doc.settings.kind === 'workflow') {
    const queues = workspace?.data.queues;
    const options = { allowComments: doc.settings.allowComments, ...(queues ? { queues } : {}) };
    // The analysis already made the structural pass of this version: the validator reuses it.
    // Expressions the previous validation of this document parsed are not parsed again (an edit changes one).
    found = validateWorkflowOffsets(doc.text, options, {
      parsed: doc.workflow,
      ...(memo ? { expressions: memo } : {}),
    }).diagnostics;
    memo?.endValidation();
  } else {
    for (const site of doc.sites) {
      for (const issue of site.parse().issues) {
        found.push({
          ...site.spanToDocument(issue),
          severity: issue.severity,
          code: issue.code,
          message: issue.message,
        });
      }
    }
  }
  return found.map((d) => ({
    range: doc.rangeOf(d),
    severity: SEVERITIES[d.severity],
    code: d.code,
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
  }));
}
