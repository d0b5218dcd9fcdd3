// Benchmark (issue 14): `awsmcp status --json` over all hosts on a home with 24 host files (every
// format: JSON, JSONC, TOML, YAML map and list, opencode's nested map) holding 500 AWS MCP servers,
// against today's six-host home (VS Code, Claude Code, Cursor, Kiro, Amazon Q, Claude Desktop: six
// JSON files) holding the same 500 servers, in the same run. Target: within 2x.
// Two figures per home: the whole `status --json` process (median of interleaved runs), and the
// read/list step alone in-process (`listServers()` over every host, median after warm-up).
// Run it alone: `npm run bench -- cli-status-hosts`.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { measureAsync } = require('./lib');

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'libs/cli/dist/bin.js');
const SERVERS = 500;
const PKGS = ['eks', 'cloudwatch', 'aws-documentation', 'iam', 'cost-explorer', 'dynamodb', 'aws-api', 's3-tables'].map((p) => `awslabs.${p}-mcp-server@latest`);

const canonical = (i) => ({ command: 'uvx', args: [PKGS[i % PKGS.length]], env: { AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1', FASTMCP_LOG_LEVEL: 'ERROR' } });
const typed = (i) => ({ type: 'stdio', ...canonical(i) });
const opencodeEntry = (i) => ({ type: 'local', command: ['uvx', PKGS[i % PKGS.length]], environment: { AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1' } });

function nest(pathKeys, map) {
  return pathKeys.reduceRight((inner, key) => ({ [key]: inner }), map);
}

/** A JSON (or JSONC, with a comment) host file with `names` under `pathKeys`. */
function json(pathKeys, entry, { comment = false, extra = {} } = {}) {
  return (names) => {
    const map = Object.fromEntries(names.map((n, i) => [n, entry(i)]));
    const body = JSON.stringify({ ...extra, ...nest(pathKeys, map) }, null, 2);
    return comment ? `// generated for the benchmark\n${body}\n` : `${body}\n`;
  };
}

function toml(names) {
  const out = ['# generated for the benchmark', 'model = "gpt-5-codex"', ''];
  names.forEach((n, i) => out.push(`[mcp_servers.${n}]`, 'command = "uvx"', `args = ["${PKGS[i % PKGS.length]}"]`, 'env = { AWS_PROFILE = "dev-sandbox", AWS_REGION = "eu-west-1" }  # switched by awsmcp', ''));
  return out.join('\n');
}

function gooseYaml(names) {
  const out = ['# generated for the benchmark', 'GOOSE_PROVIDER: anthropic', 'extensions:', '  developer: {type: builtin, name: developer, enabled: true}'];
  names.forEach((n, i) => out.push(`  ${n}:`, `    name: ${n}`, '    type: stdio', '    cmd: uvx', `    args: [${PKGS[i % PKGS.length]}]`, '    envs:', '      AWS_PROFILE: dev-sandbox  # switched by awsmcp', '      AWS_REGION: eu-west-1', '    enabled: true'));
  return out.join('\n') + '\n';
}

function continueYaml(names) {
  const out = ['name: bench', 'version: 0.0.1', 'schema: v1', 'mcpServers:'];
  names.forEach((n, i) => out.push(`  - name: ${n}`, '    command: uvx', `    args: ["${PKGS[i % PKGS.length]}"]`, '    env:', '      AWS_PROFILE: dev-sandbox', '      AWS_REGION: eu-west-1'));
  return out.join('\n') + '\n';
}

const mcpServers = json(['mcpServers'], canonical);
const mcpServersC = json(['mcpServers'], canonical, { comment: true });

/** Today's six hosts: one JSON file each. */
const SIX = [
  ['workspace', '.vscode/mcp.json', json(['servers'], typed, { comment: true })],
  ['workspace', '.mcp.json', mcpServers],
  ['home', '.cursor/mcp.json', mcpServers],
  ['workspace', '.kiro/settings/mcp.json', mcpServers],
  ['home', '.aws/amazonq/mcp.json', mcpServers],
  ['home', '.config/Claude/claude_desktop_config.json', json(['mcpServers'], canonical, { extra: { preferences: {} } })],
];

/** 24 host files over 24 hosts' locations, in every format the registry has. */
const ALL = [
  ...SIX.slice(0, 4),
  ['home', '.codex/config.toml', toml],
  ['workspace', '.grok/config.toml', toml],
  ['home', '.config/goose/config.yaml', gooseYaml],
  ['home', '.continue/config.yaml', continueYaml],
  ['workspace', '.continue/mcpServers/aws.yaml', continueYaml],
  ['home', '.copilot/mcp-config.json', json(['mcpServers'], (i) => ({ type: 'local', ...canonical(i), tools: ['*'] }))],
  ['home', '.gemini/settings.json', mcpServersC],
  ['home', '.gemini/config/mcp_config.json', mcpServers],
  ['home', '.codeium/windsurf/mcp_config.json', mcpServers],
  ['home', '.config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json', mcpServers],
  ['home', '.cline/data/settings/cline_mcp_settings.json', mcpServers],
  ['workspace', '.roo/mcp.json', mcpServers],
  ['workspace', 'kilo.jsonc', json(['mcp'], opencodeEntry, { comment: true })],
  ['home', '.config/zed/settings.json', json(['context_servers'], canonical, { comment: true, extra: { theme: 'One Dark' } })],
  ['workspace', 'opencode.json', json(['mcp', 'servers'], opencodeEntry, { comment: true })],
  ['home', '.warp/.mcp.json', mcpServers],
  ['workspace', '.vs/mcp.json', json(['servers'], typed, { comment: true })],
  ['home', '.junie/mcp/mcp.json', mcpServers],
  ['home', '.aws/amazonq/default.json', json(['mcpServers'], canonical, { extra: { name: 'default', tools: ['*'] } })],
  ['home', '.kiro/agents/aws.json', json(['mcpServers'], canonical, { extra: { name: 'aws', prompt: 'AWS helper' } })],
];

function makeHome(files) {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-bench-hosts-'));
  const home = path.join(base, 'home');
  const work = path.join(base, 'work');
  fs.cpSync(path.join(root, 'tools/demo/home'), home, { recursive: true });
  fs.mkdirSync(work, { recursive: true });
  let next = 0;
  files.forEach(([where, rel, make], f) => {
    const count = Math.floor(SERVERS / files.length) + (f < SERVERS % files.length ? 1 : 0);
    const names = Array.from({ length: count }, () => `aws-${next++}`);
    const file = path.join(where === 'home' ? home : work, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, make(names));
  });
  if (next !== SERVERS) throw new Error(`generated ${next} servers, expected ${SERVERS}`);
  return { base, home, work, files: files.length };
}

function runEnv(home) {
  const env = { ...process.env, HOME: home, NO_COLOR: '1' };
  for (const k of ['XDG_STATE_HOME', 'XDG_CONFIG_HOME', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'CODEX_HOME', 'GROK_HOME', 'COPILOT_HOME', 'CLAUDE_CONFIG_DIR', 'CLINE_DIR', 'CLINE_MCP_SETTINGS_PATH', 'OPENCODE_CONFIG', 'AWSMCP_SYSTEM_ROOT']) delete env[k];
  return env;
}

function statusOnce(h) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [bin, 'status', '--json'], { cwd: h.work, env: runEnv(h.home), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`status failed (${r.status}): ${r.stderr}`);
  const doc = JSON.parse(r.stdout);
  const found = doc.servers.filter((s) => s.profile === 'dev-sandbox').length;
  const present = doc.files.filter((f) => f.status === 'ok').length;
  if (found !== SERVERS) throw new Error(`status found ${found} of ${SERVERS} servers`);
  return { ms, present };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: npm run bench builds it (or npx nx run cli:build)`);
  const six = makeHome(SIX);
  const all = makeHome(ALL);
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`(${SERVERS} servers each; ${os.cpus().length} CPUs; load average before: ${load()})`);

  // the whole command, interleaved so that a change of machine load hits both homes alike
  const RUNS = 7;
  const times = { six: [], all: [] };
  let present = { six: 0, all: 0 };
  statusOnce(six);
  statusOnce(all);
  for (let i = 0; i < RUNS; i++) {
    for (const [key, h] of [['six', six], ['all', all]]) {
      const r = statusOnce(h);
      times[key].push(r.ms);
      present[key] = r.present;
    }
  }
  // the read/list step alone, in-process
  const { listServers } = require(path.join(root, 'libs/mcp-config-model/dist/index.js'));
  const list = async (h) => {
    const r = await listServers(undefined, { home: h.home, workspace: h.work, platform: 'linux', env: {} });
    if (r.servers.length !== SERVERS) throw new Error(`listServers found ${r.servers.length}`);
  };
  const listSix = await measureAsync(() => list(six), { runs: 15, warmup: 3 });
  const listAll = await measureAsync(() => list(all), { runs: 15, warmup: 3 });

  const ratio = median(times.all) / median(times.six);
  const row = (label, ms) => `  ${label.padEnd(58)} ${ms.toFixed(0).padStart(6)} ms`;
  console.log(`(status: median of ${RUNS} interleaved runs, after one warm-up each; listServers: median of 15 after 3)`);
  console.log(row(`status --json, six hosts (${present.six} files)`, median(times.six)));
  console.log(row(`status --json, all hosts (${present.all} files)`, median(times.all)));
  console.log(`  ratio ${ratio.toFixed(2)}x   target <= 2x: ${ratio <= 2 ? 'MET' : 'NOT MET'}`);
  console.log(row(`listServers() alone, six hosts (${six.files} files)`, listSix));
  console.log(row(`listServers() alone, all hosts (${all.files} files)`, listAll));
  console.log(`  ratio ${(listAll / listSix).toFixed(2)}x`);
  console.log(`(load average after: ${load()})`);
  for (const h of [six, all]) fs.rmSync(h.base, { recursive: true, force: true });
  if (ratio > 2) process.exitCode = 1;
}

module.exports = { makeHome, runEnv, SIX, ALL };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
