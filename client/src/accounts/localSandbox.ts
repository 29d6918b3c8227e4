// The built-in "Local sandbox" account: the offline TaskRouter-compatible server, started in the
// extension host on demand (on 127.0.0.1, a free port), with its state in a file under the
// extension's global storage so it survives restarts. Its credentials are made up once: the SID in
// globalState, the token in SecretStorage. Its first start makes a demo workspace to look at.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { startSandbox } from '../../../sandbox/src/index';
import { type Logger, errorMessage } from '../log';
import { createClient } from './clientProvider';
import { DEMO_WORKSPACE, createDemoWorkspace } from './demoWorkspace';

const SID_KEY = 'taskrouter.localSandbox.accountSid';
const TOKEN_KEY = 'taskrouter.localSandbox.authToken';
/** Set once the first start has offered the demo workspace, so a deleted demo does not come back. */
const DEMO_KEY = 'taskrouter.localSandbox.demoOffered';

export interface RunningSandbox {
  url: string;
  accountSid: string;
  authToken: string;
}

export class LocalSandbox implements vscode.Disposable {
  private running: (RunningSandbox & { close(): Promise<void> }) | undefined;
  private starting: Promise<RunningSandbox> | undefined;

  constructor(
    private readonly storage: vscode.Uri,
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
    private readonly log: Logger,
    private readonly onStarted: () => void,
  ) {}

  /** The sandbox's Account SID once it was made (before the first start: undefined). */
  get accountSid(): string | undefined {
    return this.running?.accountSid ?? this.state.get<string>(SID_KEY);
  }

  /** The URL while the sandbox runs. */
  get url(): string | undefined {
    return this.running?.url;
  }

  get dataFile(): vscode.Uri {
    return vscode.Uri.joinPath(this.storage, 'sandbox', 'state.json');
  }

  /** Starts the sandbox unless it runs; concurrent callers share one start. */
  ensureStarted(): Promise<RunningSandbox> {
    if (this.running) {
      return Promise.resolve(this.running);
    }
    if (!this.starting) {
      this.starting = this.start().finally(() => {
        this.starting = undefined;
      });
    }
    return this.starting;
  }

  private async start(): Promise<RunningSandbox> {
    let accountSid = this.state.get<string>(SID_KEY);
    let authToken = await this.secrets.get(TOKEN_KEY);
    if (!accountSid || !authToken) {
      accountSid = `AC${randomBytes(16).toString('hex')}`;
      authToken = randomBytes(16).toString('hex');
      await this.secrets.store(TOKEN_KEY, authToken);
      await this.state.update(SID_KEY, accountSid);
    }
    // The state survives restarts in a file under the extension's global storage, when that is on disk.
    let dataFile: string | undefined;
    if (this.storage.scheme === 'file') {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.storage, 'sandbox'));
      dataFile = this.dataFile.fsPath;
    } else {
      this.log.warn(
        `The local sandbox keeps its state in memory: global storage is not on disk (${this.storage.scheme}:).`,
      );
    }
    const server = await startSandbox({ port: 0, accountSid, authToken, ...(dataFile ? { dataFile } : {}) });
    this.running = {
      url: server.url,
      accountSid: server.accountSid,
      authToken: server.authToken,
      close: () => server.close(),
    };
    this.log.info(
      `Local sandbox listening on ${server.url} (account ${server.accountSid}, state ${dataFile ? `in ${dataFile}` : 'in memory'})`,
    );
    await this.offerDemo(this.running);
    this.onStarted();
    return this.running;
  }

  /** On the very first start (an empty sandbox), makes the demo workspace. A failure only costs the demo. */
  private async offerDemo(running: RunningSandbox): Promise<void> {
    if (this.state.get<boolean>(DEMO_KEY)) {
      return;
    }
    try {
      const client = createClient({
        accountSid: running.accountSid,
        username: running.accountSid,
        secret: running.authToken,
        baseUrl: running.url,
      });
      if ((await client.workspaces.page({ pageSize: 1 })).items.length === 0) {
        const workspace = await createDemoWorkspace(client);
        this.log.info(`Local sandbox: made the demo workspace '${DEMO_WORKSPACE}' (${workspace.sid})`);
      }
      await this.state.update(DEMO_KEY, true);
    } catch (error) {
      this.log.warn(`Local sandbox: the demo workspace could not be made: ${errorMessage(error)}`);
    }
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    if (running) {
      await running.close();
      this.log.info('Local sandbox stopped');
    }
  }

  dispose(): void {
    void this.stop();
  }
}
