import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import {
  environmentCandidate,
  parseTwilioCliConfig,
  taskRouterBaseUrl,
  twilioCliConfigPath,
} from '../../../client/src/accounts/credentialSources';

const AC = `AC${'a'.repeat(32)}`;
const SK = `SK${'b'.repeat(32)}`;

describe('accounts/credentialSources', () => {
  it('finds the Twilio CLI config in $TWILIO_CONFIG_DIR, else in ~/.twilio-cli', () => {
    assert.equal(twilioCliConfigPath({ TWILIO_CONFIG_DIR: '/cfg' }, '/home/u'), path.join('/cfg', 'config.json'));
    assert.equal(twilioCliConfigPath({}, '/home/u'), path.join('/home/u', '.twilio-cli', 'config.json'));
    assert.equal(twilioCliConfigPath({ TWILIO_CONFIG_DIR: ' ' }, '/h'), path.join('/h', '.twilio-cli', 'config.json'));
  });

  it('reads current CLI profiles with their API key, secret and region', () => {
    const text = JSON.stringify({
      profiles: {
        dev: { accountSid: AC, apiKey: SK, apiSecret: 's3cret' },
        au: { accountSid: AC, apiKey: SK, apiSecret: 'x', region: 'au1' },
      },
      activeProject: 'dev',
    });
    const { candidates, problems } = parseTwilioCliConfig(text, 'config.json');
    assert.deepEqual(problems, []);
    assert.deepEqual(candidates[0], {
      source: "Twilio CLI profile 'dev'",
      label: 'dev',
      accountSid: AC,
      username: SK,
      secret: 's3cret',
      baseUrl: undefined,
    });
    assert.equal(candidates[1].baseUrl, 'https://taskrouter.sydney.au1.twilio.com');
  });

  it('lists legacy keychain projects without a secret and reports broken entries by name', () => {
    const text = JSON.stringify({
      profiles: { bad: { accountSid: 'nope' }, worse: 3 },
      projects: [{ id: 'old', accountSid: AC }, { accountSid: AC }],
    });
    const { candidates, problems } = parseTwilioCliConfig(text, 'cfg.json');
    assert.equal(candidates.length, 1);
    assert.equal(candidates[0].label, 'old');
    assert.equal(candidates[0].secret, undefined);
    assert.deepEqual(problems, [
      'cfg.json: profile \'bad\' has no valid "accountSid" (AC followed by 32 hex digits).',
      "cfg.json: profile 'worse' is not an object.",
      'cfg.json: projects[1] has no "id".',
    ]);
    assert.match(parseTwilioCliConfig('{', 'c.json').problems[0], /^c\.json is not valid JSON/);
  });

  it('reads TWILIO_* variables with the CLI precedence, never echoing the secret in problems', () => {
    assert.deepEqual(environmentCandidate({}), {});
    const key = environmentCandidate({
      TWILIO_ACCOUNT_SID: AC,
      TWILIO_API_KEY: SK,
      TWILIO_API_SECRET: 'k',
      TWILIO_AUTH_TOKEN: 't',
    });
    assert.equal(key.candidate?.username, SK);
    assert.equal(key.candidate?.secret, 'k');
    const token = environmentCandidate({ TWILIO_ACCOUNT_SID: AC, TWILIO_AUTH_TOKEN: 't', TWILIO_EDGE: 'dublin' });
    assert.equal(token.candidate?.username, AC);
    assert.equal(token.candidate?.baseUrl, 'https://taskrouter.dublin.us1.twilio.com');
    const sandbox = environmentCandidate({
      TWILIO_ACCOUNT_SID: AC,
      TWILIO_AUTH_TOKEN: 'tok',
      TWILIO_TASKROUTER_BASE_URL: 'http://127.0.0.1:4010',
    });
    assert.equal(sandbox.candidate?.baseUrl, 'http://127.0.0.1:4010');
    const missing = environmentCandidate({ TWILIO_ACCOUNT_SID: AC });
    assert.match(missing.problem ?? '', /neither TWILIO_AUTH_TOKEN/);
    const badKey = environmentCandidate({ TWILIO_ACCOUNT_SID: AC, TWILIO_API_KEY: 'sekrit', TWILIO_API_SECRET: 'zz' });
    assert.match(badKey.problem ?? '', /TWILIO_API_KEY is not an API Key SID/);
    assert.doesNotMatch(badKey.problem ?? '', /sekrit|zz/);
    assert.match(environmentCandidate({ TWILIO_ACCOUNT_SID: 'x' }).problem ?? '', /TWILIO_ACCOUNT_SID/);
  });

  it('builds regional base URLs like the Twilio SDKs', () => {
    assert.equal(taskRouterBaseUrl(undefined, undefined), undefined);
    assert.equal(taskRouterBaseUrl('ie1', undefined), 'https://taskrouter.dublin.ie1.twilio.com');
    assert.equal(taskRouterBaseUrl(undefined, 'sydney'), 'https://taskrouter.sydney.us1.twilio.com');
    assert.equal(taskRouterBaseUrl('xx9', undefined), 'https://taskrouter.xx9.twilio.com');
  });
});
