// The paths of `taskrouter:` documents. Pure: no `vscode` import (the provider turns them into URIs).
//
//   /{accountId}/{WS...}/{name}.json                              a workspace
//   /{accountId}/{WS...}/{segment}/{SID}/{name}.json              a resource in a workspace
//   /{accountId}/{WS...}/workflows/{WW...}/{name}.workflow.json   a workflow's configuration
//
// The last segment is only for the editor tab: the SIDs identify the resource.
import { KINDS, ResourceKind, kindFromSegment } from '../explorer/resourceKinds';

export const SCHEME = 'taskrouter';

export interface ResourceAddress {
  accountId: string;
  workspaceSid: string;
  kind: ResourceKind;
  /** The resource's SID; for a workspace, the workspace SID again. */
  sid: string;
}

export interface DocumentAddress extends ResourceAddress {
  /** `resource`: the resource as JSON; `configuration`: a workflow's configuration. */
  view: 'resource' | 'configuration';
}

const WORKFLOW_SUFFIX = '.workflow.json';

/** Makes a friendly name safe as a file name for the editor tab. */
export function fileNameFor(friendlyName: string | undefined, fallback: string): string {
  const cleaned = (friendlyName ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned;
}

export function formatDocumentPath(address: DocumentAddress, friendlyName: string | undefined): string {
  const name = fileNameFor(friendlyName, address.sid);
  const suffix = address.view === 'configuration' ? WORKFLOW_SUFFIX : '.json';
  if (address.view === 'configuration' && address.kind !== 'workflow') {
    throw new Error(`Only workflows have a configuration document, not a ${KINDS[address.kind].noun}.`);
  }
  const base = `/${encodeSegment(address.accountId)}/${address.workspaceSid}`;
  if (address.kind === 'workspace') {
    return `${base}/${name}${suffix}`;
  }
  return `${base}/${KINDS[address.kind].segment}/${address.sid}/${name}${suffix}`;
}

/** Parses a document path; returns a message saying what is wrong when it is not one of ours. */
export function parseDocumentPath(path: string): DocumentAddress | { error: string } {
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.length === 3) {
    const [account, ws, file] = segments;
    if (!/^WS[0-9a-f]{32}$/.test(ws) || !file.endsWith('.json') || file.endsWith(WORKFLOW_SUFFIX)) {
      return { error: `'${path}' is not a TaskRouter workspace document (expected /account/WS.../name.json).` };
    }
    return { accountId: decodeSegment(account), workspaceSid: ws, kind: 'workspace', sid: ws, view: 'resource' };
  }
  if (segments.length === 5) {
    const [account, ws, segment, sid, file] = segments;
    const kind = kindFromSegment(segment);
    if (!kind || kind === 'workspace') {
      return { error: `'${path}': '${segment}' is not a kind of TaskRouter resource.` };
    }
    if (!/^WS[0-9a-f]{32}$/.test(ws)) {
      return { error: `'${path}': '${ws}' is not a workspace SID.` };
    }
    if (!new RegExp(`^${KINDS[kind].sidPrefix}[0-9a-f]{32}$`).test(sid)) {
      return { error: `'${path}': '${sid}' is not a ${KINDS[kind].noun} SID.` };
    }
    if (!file.endsWith('.json')) {
      return { error: `'${path}' is not a JSON document.` };
    }
    const view = file.endsWith(WORKFLOW_SUFFIX) && kind === 'workflow' ? 'configuration' : 'resource';
    return { accountId: decodeSegment(account), workspaceSid: ws, kind, sid, view };
  }
  return { error: `'${path}' is not a TaskRouter document path.` };
}

/** A key naming the resource behind a document, the same for its resource and configuration views. */
export function resourceKey(address: ResourceAddress): string {
  return `${address.accountId}/${address.workspaceSid}/${address.kind}/${address.sid}`;
}

function encodeSegment(value: string): string {
  return encodeURIComponent(value);
}

function decodeSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
