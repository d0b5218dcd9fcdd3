/**
 * Differential test: botocore itself (python3 + botocore, its own configloader.raw_config_parse and
 * build_profile_map: see __fixtures__/botocore-oracle.py) reads generated config and credentials
 * texts with odd layouts; readAsBotocore must agree exactly: the same profiles, keys and values, or
 * the same exception on the same line. One python process reads every case of a run.
 * Needs python3 with botocore: when either is missing the test FAILS and says what to install.
 * Seed: AWSMCP_DIFF_SEED=<n> replays a run (the seed is printed on failure).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { readAsBotocore } from './index';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { requireBotocore } = require('../../../tools/jest/botocore-python') as { requireBotocore: (env?: NodeJS.ProcessEnv) => string };

const ORACLE = path.join(__dirname, '__fixtures__', 'botocore-oracle.py');
const CASES = 1200;

interface OracleFile {
  fatal?: { exception: string; line: number | null };
  sections?: Record<string, unknown>;
  profiles?: Record<string, unknown>;
  ssoSessions?: Record<string, unknown>;
  services?: Record<string, unknown>;
}
type OracleResult = Record<string, { config?: OracleFile; credentials?: OracleFile }>;


/** Runs botocore over every case folder under `root`. */
function runOracle(root: string): OracleResult {
  const r = spawnSync(requireBotocore(), [ORACLE, root], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, PYTHONUTF8: '1', AWS_EC2_METADATA_DISABLED: 'true' },
  });
  if (r.error || r.status !== 0) {
    throw new Error(`python3 with botocore is needed for this test (pip install botocore): ${r.error?.message ?? r.stderr}`);
  }
  return JSON.parse(r.stdout) as OracleResult;
}

const ws = fc.constantFrom('', '', '', ' ', '  ', '\t');
const name = fc.constantFrom('a', 'b', 'dev', 'prod-eu', 'default', 'x y');
const key = fc.constantFrom('region', 'Region', 'output', 's3', 'sso_session', 'role_arn', 'k', 'aws_access_key_id');
const value = fc.constantFrom('eu-west-1', 'eu-west-1 # prod', 'v ; c', 'v#x', 'a=b', 'http://h:1/p', '', 'x y', '"q"', 'é ü');
const delim = fc.constantFrom('=', '=', '=', ':', ' = ', ' : ', '= ');
const header = fc.oneof(
  name.map((n) => `[profile ${n}]`),
  name.map((n) => `[profile "${n}"]`),
  name.map((n) => `[${n}]`),
  name.map((n) => `[sso-session ${n}]`),
  name.map((n) => `[services ${n}]`),
  fc.constantFrom('[default]', '[DEFAULT]', '[ profile a ]', '[profile a] # c', '[profile "a b" c]', "[profile 'q]", '[profile a]]', '[]', '[profile\ta]'),
);
const property = fc.tuple(key, delim, value).map(([k, d, v]) => `${k}${d}${v}`);
const line = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(ws, header).map(([w, h]) => w + h) },
  { weight: 6, arbitrary: fc.tuple(ws, property).map(([w, p]) => w + p) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('  ', '    ', '\t'), fc.oneof(value, property)).map(([w, v]) => w + v) },
  { weight: 1, arbitrary: fc.tuple(ws, fc.constantFrom('# c', '; c', '#', ';x = 1')).map(([w, c]) => w + c) },
  { weight: 2, arbitrary: fc.constantFrom('', '  ', '\t') },
  { weight: 1, arbitrary: fc.constantFrom('junk', '= v', ': v', '\ufeff[default]', 's3 =', '  max = 1', '  bad') },
);
const text = fc
  .tuple(fc.array(line, { minLength: 0, maxLength: 12 }), fc.constantFrom('\n', '\n', '\r\n', '\r'), fc.boolean())
  .map(([lines, eol, trailing]) => lines.join(eol) + (trailing && lines.length > 0 ? eol : ''));
const home = fc.record({ config: fc.option(text, { nil: undefined }), credentials: fc.option(text, { nil: undefined }) });

function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/** What readAsBotocore says, shaped like the oracle's answer. */
function ours(c: { config?: string; credentials?: string }, dir: string): { config?: OracleFile; credentials?: OracleFile } {
  const configPath = path.join(dir, 'config');
  const credentialsPath = path.join(dir, 'credentials');
  const r = readAsBotocore({ configText: c.config, credentialsText: c.credentials, configPath, credentialsPath });
  const out: { config?: OracleFile; credentials?: OracleFile } = {};
  const fatalOf = (file: string) => {
    const f = r.fatal.find((e) => e.file === file);
    return f ? { fatal: { exception: f.exception, line: f.exception === 'ConfigParseError' ? null : f.line } } : undefined;
  };
  if (c.config !== undefined) out.config = fatalOf(configPath) ?? (plain({ profiles: r.config, ssoSessions: r.ssoSessions, services: r.services }) as OracleFile);
  if (c.credentials !== undefined) out.credentials = fatalOf(credentialsPath) ?? (plain({ sections: r.credentials }) as OracleFile);
  return out;
}

describe('readAsBotocore agrees with botocore', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-botocore-diff-'));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it(`on ${CASES} generated homes (odd layouts, duplicates, comments, CRLF, nested values)`, () => {
    const seed = Number(process.env.AWSMCP_DIFF_SEED ?? Date.now() % 2147483647);
    const cases = fc.sample(home, { numRuns: CASES, seed });
    cases.forEach((c, i) => {
      const dir = path.join(root, String(i).padStart(5, '0'));
      fs.mkdirSync(dir);
      if (c.config !== undefined) fs.writeFileSync(path.join(dir, 'config'), c.config);
      if (c.credentials !== undefined) fs.writeFileSync(path.join(dir, 'credentials'), c.credentials);
    });
    const oracle = runOracle(root);
    const disagreements: string[] = [];
    let fatal = 0;
    cases.forEach((c, i) => {
      const id = String(i).padStart(5, '0');
      const mine = ours(c, path.join(root, id));
      const theirs = oracle[id];
      if (mine.config?.fatal || mine.credentials?.fatal) fatal++;
      try {
        expect(mine).toEqual(theirs);
      } catch {
        disagreements.push(`${JSON.stringify(c)}\n  botocore: ${JSON.stringify(theirs)}\n  ours:     ${JSON.stringify(mine)}`);
      }
    });
    if (disagreements.length > 0) {
      throw new Error(`seed ${seed}: ${disagreements.length} of ${CASES} disagree; first ones:\n${disagreements.slice(0, 5).join('\n')}`);
    }
    // the generator reaches both outcomes often enough to mean something
    expect(fatal).toBeGreaterThan(CASES / 10);
    expect(CASES - fatal).toBeGreaterThan(CASES / 10);
  }, 60_000);

  it("on botocore's own test inputs (tests/unit/cfg, see __fixtures__/botocore-cfg/NOTICE.md)", () => {
    const cfg = path.join(__dirname, '__fixtures__', 'botocore-cfg');
    const dir = path.join(root, 'cfg');
    fs.mkdirSync(dir);
    const names = fs.readdirSync(cfg).filter((f) => f.startsWith('aws_'));
    for (const name of names) {
      fs.mkdirSync(path.join(dir, name));
      fs.copyFileSync(path.join(cfg, name), path.join(dir, name, 'config'));
    }
    const oracle = runOracle(dir);
    for (const name of names) {
      expect({ [name]: ours({ config: fs.readFileSync(path.join(cfg, name), 'utf8') }, path.join(dir, name)) }).toEqual({ [name]: oracle[name] });
    }
  }, 60_000);
});
