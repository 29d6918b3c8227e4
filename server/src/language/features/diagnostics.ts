/**
 * Diagnostics: the foundation's validator for workflow documents (with the workspace's queues when known), the
 * expression checks for a queue's `targetWorkers`. In LSP's shape, ready to send.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { validateWorkflowOffsets } from '../workflow/validate';
import type { OffsetDiagnostic, Severity } from '../workflow/types';
import type { AnalyzedDocument } from './document';
import type { WorkspaceIndex } from './workspace';

/** The `source` of every diagnostic, shown by editors after the message. */
export const DIAGNOSTIC_SOURCE = 'taskrouter';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

export function doValidation(doc: AnalyzedDocument, workspace: WorkspaceIndex | undefined): Diagnostic[] {
  let found: OffsetDiagnostic[] = [];
  if (doc.settings.kind === 'workflow') {
    const queues = workspace?.data.queues;
    const options = { allowComments: doc.settings.allowComments, ...(queues ? { queues } : {}) };
    // The analysis already made the structural pass of this version: the validator reuses it.
    found = validateWorkflowOffsets(doc.text, options, { parsed: doc.workflow }).diagnostics;
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
