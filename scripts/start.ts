/**
 * `npm start`: the one-command demo. Starts a real VS Code (VS Code's server from the code-server npm package, the
 * same one `npm run test:vscode` uses, installed once into a cache outside the clone) with this extension under
 * development and the `examples/` folder open, then prints the address to open in a browser. The extension's built-in
 * "Local sandbox" account needs no Twilio account. Runs until Ctrl-C, then stops the server by process id.
 *
 * Options: --port N (default 3000, or $PORT); --folder DIR (default examples/).
 * On a desktop with VS Code installed you can also press F5 in this repository (.vscode/launch.json).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { workbenchUrl } from '../test/vscode/runner/browser';
import { cacheRoot, ensureVsCode } from '../test/vscode/runner/install';
import { cleanUpOnSignals } from '../test/vscode/runner/processes';
import { startServer } from '../test/vscode/runner/server';
import { USER_SETTINGS } from '../test/vscode/runner/settings';

const ROOT = path.resolve(__dirname, '..');

function usage(message: string): never {
  console.error(`npm start: ${message}\nUsage: npm start -- [--port N] [--folder DIR]`);
  process.exit(2);
}

function parseArgs(argv: string[]): { port: number; folder: string } {
  let port = Number(process.env.PORT ?? 3000);
  let folder = path.join(ROOT, 'examples');
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--port' && value !== undefined) {
      port = Number(value);
      i++;
    } else if (flag === '--folder' && value !== undefined) {
      folder = path.resolve(value);
      i++;
    } else {
      usage(`unknown or incomplete option ${JSON.stringify(flag)}`);
    }
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) usage(`--port must be a port number, got ${port}`);
  if (!fs.existsSync(folder)) usage(`--folder ${folder} does not exist`);
  return { port, folder };
}

async function main(): Promise<void> {
  const { port, folder } = parseArgs(process.argv.slice(2));
  cleanUpOnSignals();
  const install = await ensureVsCode();

  // A profile kept between runs, so accounts and the local sandbox's state survive a restart of the demo.
  const profile = path.join(cacheRoot(), 'demo-profile');
  const userData = path.join(profile, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  const settingsFile = path.join(userData, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) fs.writeFileSync(settingsFile, JSON.stringify(USER_SETTINGS, null, 2));

  const server = await startServer(install, {
    port,
    userDataDir: userData,
    serverDataDir: path.join(profile, 'server-data'),
  });
  const url = workbenchUrl(server.origin, folder, { extensionRoot: ROOT });
  console.log(`\nVS Code ${install.vscodeVersion} with the TaskRouter extension is running.`);
  console.log(`Open this address in a browser on this machine:\n\n  ${url}\n`);
  console.log('The TaskRouter view is in the activity bar; its "Local sandbox" account works without Twilio.');
  console.log('Press Ctrl-C to stop.');
  console.log(await server.exited);
}

main().catch((error: unknown) => {
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
