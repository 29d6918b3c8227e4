// Changes made through the extension (commands, saved documents), so the tree and open documents
// can follow them without a full refresh.
import * as vscode from 'vscode';
import type { ResourceAddress } from '../fs/resourcePath';
import type { AnyResource } from './collections';

export interface ResourceChange {
  type: 'created' | 'updated' | 'deleted';
  address: ResourceAddress;
  /** The resource after a create or an update. */
  resource?: AnyResource;
}

export class ResourceChanges implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ResourceChange>();
  readonly onDidChange = this.emitter.event;

  fire(change: ResourceChange): void {
    this.emitter.fire(change);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
