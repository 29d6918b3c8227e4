/**
 * `npm run sandbox -- --port N [--account-sid AC... --auth-token TOKEN] [--data FILE] [--show-token]
 *  [--api-key SK... --api-secret SECRET] [--fault-rate 0.3 --fault-kinds 429,503,stall] [--fault-seed N]`
 */
import { ACCOUNT_SID_PATTERN, startSandbox, type FaultKind, type SandboxOptions } from './index';

const USAGE = `Usage: npm run sandbox -- --port N [options]

Options:
  --port N              port on 127.0.0.1 (0 picks a free one; default 0)
  --account-sid AC...   Account SID clients must use (with --auth-token)
  --auth-token TOKEN    Auth Token clients must use (with --account-sid)
  --data FILE           keep the state in FILE across restarts (default: in memory)
  --api-key SK...       also accept this API Key SID (with --api-secret)
  --api-secret SECRET   the API Key's secret
  --show-token          print the made-up Auth Token at start
  --fault-rate R        fraction (0..1) of requests answered with a fault instead of being processed
  --fault-kinds LIST    comma list of 429, 503, stall (default 429,503)
  --fault-seed N        seed of the fault sequence (default 1)
  --help                this text`;

class UsageError extends Error {}

export function parseArgs(argv: string[]): { options: SandboxOptions; showToken: boolean } | 'help' {
  const options: SandboxOptions = { port: 0 };
  let showToken = false;
  let faultRate: number | undefined;
  let faultKinds: FaultKind[] | undefined;
  let faultSeed: number | undefined;
  let apiKey: string | undefined;
  let apiSecret: string | undefined;
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case '--help':
      case '-h':
        return 'help';
      case '--port': {
        const v = value(i++, arg);
        const n = Number(v);
        if (!/^\d+$/.test(v) || n > 65535) throw new UsageError(`--port must be a number from 0 to 65535, got '${v}'`);
        options.port = n;
        break;
      }
      case '--account-sid': {
        const v = value(i++, arg);
        if (!ACCOUNT_SID_PATTERN.test(v)) throw new UsageError('--account-sid must be AC followed by 32 hex digits');
        options.accountSid = v;
        break;
      }
      case '--auth-token': {
        const v = value(i++, arg);
        if (v.length < 8) throw new UsageError('--auth-token must be at least 8 characters long');
        options.authToken = v;
        break;
      }
      case '--api-key': {
        const v = value(i++, arg);
        if (!/^SK[0-9a-fA-F]{32}$/.test(v)) throw new UsageError('--api-key must be SK followed by 32 hex digits');
        apiKey = v;
        break;
      }
      case '--api-secret': {
        const v = value(i++, arg);
        if (v.length < 8) throw new UsageError('--api-secret must be at least 8 characters long');
        apiSecret = v;
        break;
      }
      case '--data':
        options.dataFile = value(i++, arg);
        break;
      case '--show-token':
        showToken = true;
        break;
      case '--fault-rate': {
        const v = value(i++, arg);
        const n = Number(v);
        if (!/^\d*\.?\d+$/.test(v) || n < 0 || n > 1)
          throw new UsageError(`--fault-rate must be a number from 0 to 1, got '${v}'`);
        faultRate = n;
        break;
      }
      case '--fault-kinds': {
        const v = value(i++, arg);
        const kinds = v.split(',').map((k) => k.trim());
        for (const k of kinds) {
          if (k !== '429' && k !== '503' && k !== 'stall') {
            throw new UsageError(`--fault-kinds: '${k}' is not one of 429, 503, stall`);
          }
        }
        faultKinds = kinds as FaultKind[];
        break;
      }
      case '--fault-seed': {
        const v = value(i++, arg);
        if (!/^\d+$/.test(v)) throw new UsageError(`--fault-seed must be a non-negative integer, got '${v}'`);
        faultSeed = Number(v);
        break;
      }
      default:
        throw new UsageError(`Unknown option '${arg}'`);
    }
  }
  if ((options.accountSid === undefined) !== (options.authToken === undefined)) {
    throw new UsageError('--account-sid and --auth-token go together');
  }
  if ((apiKey === undefined) !== (apiSecret === undefined))
    throw new UsageError('--api-key and --api-secret go together');
  if (apiKey !== undefined && apiSecret !== undefined) options.apiKeys = [{ sid: apiKey, secret: apiSecret }];
  if (faultKinds !== undefined && faultRate === undefined) throw new UsageError('--fault-kinds needs --fault-rate');
  if (faultRate !== undefined) {
    options.faults = {
      rate: faultRate,
      kinds: faultKinds ?? ['429', '503'],
      ...(faultSeed !== undefined ? { seed: faultSeed } : {}),
    };
  }
  return { options, showToken };
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`taskrouter-sandbox: ${err.message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    throw err;
  }
  if (parsed === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { options, showToken } = parsed;
  const madeUp = options.authToken === undefined;
  let sandbox;
  try {
    sandbox = await startSandbox(options);
  } catch (err) {
    process.stderr.write(`taskrouter-sandbox: ${(err as Error).message}\n`);
    process.exit(1);
  }
  if (madeUp) {
    process.stdout.write(`Account SID: ${sandbox.accountSid}\n`);
    if (showToken) process.stdout.write(`Auth Token: ${sandbox.authToken}\n`);
    else process.stdout.write('Auth Token: (made up; run with --show-token to print it)\n');
  }
  if (options.faults) {
    process.stdout.write(
      `Fault injection: ${options.faults.rate} of requests answer ${options.faults.kinds.join('/')}\n`,
    );
  }
  process.stdout.write(`TaskRouter sandbox listening on ${sandbox.url}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) void main();
