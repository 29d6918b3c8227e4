// Where credentials can come from besides the "Add Account" prompts: the Twilio CLI's profiles and
// the TWILIO_* environment variables. Pure: no `vscode` import; file reading is left to the caller.
import * as path from 'node:path';

/** A set of credentials found somewhere, not yet stored. `secret` is never logged or shown. */
export interface CredentialCandidate {
  /** Where it came from, for the quick pick: "Twilio CLI profile 'dev'", "Environment (TWILIO_*)". */
  source: string;
  /** Suggested account label. */
  label: string;
  accountSid: string;
  /** Account SID (with an Auth Token) or API Key SID (with its secret). */
  username: string;
  /** Undefined when the source keeps the secret elsewhere (old CLI versions used the system keychain). */
  secret: string | undefined;
  baseUrl: string | undefined;
}

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const API_KEY_SID = /^SK[0-9a-fA-F]{32}$/;

export function isAccountSid(value: string): boolean {
  return ACCOUNT_SID.test(value);
}

export function isApiKeySid(value: string): boolean {
  return API_KEY_SID.test(value);
}

/** Twilio's default edge for each region (Twilio's "Global Infrastructure" documentation). */
const DEFAULT_EDGES: Readonly<Record<string, string>> = {
  au1: 'sydney',
  br1: 'sao-paulo',
  de1: 'frankfurt',
  ie1: 'dublin',
  jp1: 'tokyo',
  jp2: 'osaka',
  sg1: 'singapore',
  us1: 'ashburn',
  us2: 'umatilla',
};

/**
 * The TaskRouter base URL for a region and edge, or undefined for the default
 * (`https://taskrouter.twilio.com`). Follows the Twilio SDKs: an edge without a region means us1.
 */
export function taskRouterBaseUrl(region: string | undefined, edge: string | undefined): string | undefined {
  const r = region?.trim() || undefined;
  const e = edge?.trim() || undefined;
  if (!r && !e) {
    return undefined;
  }
  const actualRegion = r ?? 'us1';
  const actualEdge = e ?? DEFAULT_EDGES[actualRegion];
  return actualEdge
    ? `https://taskrouter.${actualEdge}.${actualRegion}.twilio.com`
    : `https://taskrouter.${actualRegion}.twilio.com`;
}

/** The Twilio CLI's config file: `$TWILIO_CONFIG_DIR/config.json`, else `~/.twilio-cli/config.json`. */
export function twilioCliConfigPath(env: Readonly<Record<string, string | undefined>>, homeDir: string): string {
  const dir = env.TWILIO_CONFIG_DIR?.trim();
  return path.join(dir ? dir : path.join(homeDir, '.twilio-cli'), 'config.json');
}

export interface CliConfigResult {
  candidates: CredentialCandidate[];
  /** Entries that could not be used, each saying which profile and why (never a secret). */
  problems: string[];
}

/**
 * Reads the profiles of a Twilio CLI config file. Current CLI versions keep
 * `profiles: { id: { accountSid, apiKey, apiSecret, region?, edge? } }`; older ones kept
 * `projects: [{ id, accountSid, region }]` with the secret in the system keychain, which
 * this extension cannot read: those come back without a secret.
 */
export function parseTwilioCliConfig(text: string, fileName: string): CliConfigResult {
  const result: CliConfigResult = { candidates: [], problems: [] };
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (error) {
    result.problems.push(`${fileName} is not valid JSON: ${(error as Error).message}`);
    return result;
  }
  if (!isObject(config)) {
    result.problems.push(`${fileName} does not hold a JSON object.`);
    return result;
  }
  const seen = new Set<string>();
  if (config.profiles !== undefined) {
    if (!isObject(config.profiles)) {
      result.problems.push(`${fileName}: "profiles" is not an object.`);
    } else {
      for (const [id, value] of Object.entries(config.profiles)) {
        const candidate = profileCandidate(id, value, fileName, result.problems);
        if (candidate) {
          result.candidates.push(candidate);
          seen.add(id);
        }
      }
    }
  }
  if (config.projects !== undefined) {
    if (!Array.isArray(config.projects)) {
      result.problems.push(`${fileName}: "projects" is not an array.`);
    } else {
      config.projects.forEach((project: unknown, index: number) => {
        if (!isObject(project) || typeof project.id !== 'string') {
          result.problems.push(`${fileName}: projects[${index}] has no "id".`);
          return;
        }
        if (seen.has(project.id)) {
          return;
        }
        const candidate = profileCandidate(project.id, project, fileName, result.problems);
        if (candidate) {
          result.candidates.push(candidate);
        }
      });
    }
  }
  return result;
}

function profileCandidate(
  id: string,
  value: unknown,
  fileName: string,
  problems: string[],
): CredentialCandidate | undefined {
  const where = `${fileName}: profile '${id}'`;
  if (!isObject(value)) {
    problems.push(`${where} is not an object.`);
    return undefined;
  }
  const accountSid = str(value.accountSid);
  if (!accountSid || !isAccountSid(accountSid)) {
    problems.push(`${where} has no valid "accountSid" (AC followed by 32 hex digits).`);
    return undefined;
  }
  const apiKey = str(value.apiKey);
  if (apiKey !== undefined && !isApiKeySid(apiKey) && !isAccountSid(apiKey)) {
    problems.push(`${where} has an "apiKey" that is neither an API Key SID (SK...) nor an Account SID.`);
    return undefined;
  }
  return {
    source: `Twilio CLI profile '${id}'`,
    label: id,
    accountSid,
    username: apiKey ?? accountSid,
    secret: apiKey ? str(value.apiSecret) : undefined,
    baseUrl: taskRouterBaseUrl(str(value.region), str(value.edge)),
  };
}

/**
 * Credentials from TWILIO_* variables, with the Twilio CLI's precedence: TWILIO_API_KEY and
 * TWILIO_API_SECRET win over TWILIO_AUTH_TOKEN. TWILIO_REGION / TWILIO_EDGE choose the host;
 * TWILIO_TASKROUTER_BASE_URL (this extension's own variable) points at another server, such as
 * the offline sandbox.
 */
export function environmentCandidate(env: Readonly<Record<string, string | undefined>>): {
  candidate?: CredentialCandidate;
  problem?: string;
} {
  const accountSid = env.TWILIO_ACCOUNT_SID?.trim();
  if (!accountSid) {
    return {};
  }
  if (!isAccountSid(accountSid)) {
    return { problem: 'TWILIO_ACCOUNT_SID is not an Account SID (AC followed by 32 hex digits).' };
  }
  const apiKey = env.TWILIO_API_KEY?.trim();
  const apiSecret = env.TWILIO_API_SECRET;
  const authToken = env.TWILIO_AUTH_TOKEN;
  let username: string;
  let secret: string;
  if (apiKey && apiSecret) {
    if (!isApiKeySid(apiKey)) {
      return { problem: 'TWILIO_API_KEY is not an API Key SID (SK followed by 32 hex digits).' };
    }
    username = apiKey;
    secret = apiSecret;
  } else if (authToken) {
    username = accountSid;
    secret = authToken;
  } else {
    return { problem: 'TWILIO_ACCOUNT_SID is set but neither TWILIO_AUTH_TOKEN nor TWILIO_API_KEY/TWILIO_API_SECRET.' };
  }
  const custom = env.TWILIO_TASKROUTER_BASE_URL?.trim();
  if (custom && !isHttpUrl(custom)) {
    return { problem: 'TWILIO_TASKROUTER_BASE_URL is not an http(s) URL.' };
  }
  return {
    candidate: {
      source: 'Environment (TWILIO_*)',
      label: 'Environment',
      accountSid,
      username,
      secret,
      baseUrl: custom || taskRouterBaseUrl(env.TWILIO_REGION, env.TWILIO_EDGE),
    },
  };
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
