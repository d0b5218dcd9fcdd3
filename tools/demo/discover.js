// The demo's main job, until the `awsmcp` CLI takes it over: a discover-style view of the demo
// home (tools/demo/home) through the public APIs of the built packages.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { loadProfiles, classifyProfile, resolveChain, ChainError } = require('@awsmcp/aws-config-parser');

function optional(name) {
  try {
    return require(name);
  } catch {
    return undefined;
  }
}

/** Copy the bundled demo home to a temp folder so cache files can be seeded relative to now. */
function prepareHome() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-demo-home-'));
  fs.cpSync(path.join(__dirname, 'home'), home, { recursive: true });
  const seed = path.join(__dirname, 'seed-caches.js');
  if (fs.existsSync(seed)) require(seed).seedDemoCaches(home, new Date());
  return home;
}

function table(rows, columns) {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (r) => columns.map((c, i) => String(r[c] ?? '').padEnd(widths[i])).join('  ').trimEnd();
  console.log(line(Object.fromEntries(columns.map((c) => [c, c.toUpperCase()]))));
  for (const r of rows) console.log(line(r));
}

function describeChain(set, name) {
  if (!set.profiles[name].properties.role_arn) return '';
  try {
    const chain = resolveChain(set, name);
    if (chain.roles.length === 0) return '';
    const base = chain.base.kind === 'credential-source' ? chain.base.source : `${chain.base.profile} (${chain.base.kind})`;
    return [base, ...chain.roles.map((r) => `${r.roleName ?? r.roleArn}@${r.accountId ?? '?'}`)].join(' -> ');
  } catch (e) {
    if (e instanceof ChainError) return `error: ${e.message}`;
    throw e;
  }
}

function main() {
  const home = process.argv[2] || prepareHome();
  const set = loadProfiles({ home, tolerant: true });
  const inspector = optional('@awsmcp/credential-cache-inspector');
  let statuses = new Map();
  if (inspector && inspector.inspectProfiles) {
    for (const s of inspector.inspectProfiles(set, { home, env: { HOME: home } })) statuses.set(s.profile, s);
  }
  const light = { green: '✓ green', amber: '⚠ amber', red: '✗ red', none: '· none' };
  const rows = Object.values(set.profiles).map((p) => {
    const c = classifyProfile(p, set);
    const s = statuses.get(p.name);
    const ttl = s && s.ttlSeconds !== undefined ? `${Math.floor(s.ttlSeconds / 60)} min` : '';
    return {
      profile: p.name,
      kind: c.kind + (c.credentialProcessTool && c.credentialProcessTool !== 'other' ? ` (${c.credentialProcessTool})` : ''),
      account: c.accountId ?? '',
      role: c.roleName ?? '',
      region: c.region ?? '',
      ...(s ? { ttl: ttl ? `${light[s.light] ?? s.light} ${ttl}` : light[s.light] ?? s.light } : {}),
      chain: describeChain(set, p.name),
    };
  });
  console.log(`awsmcp demo: ${rows.length} profiles in ${set.files.config} and ${set.files.credentials}\n`);
  table(rows, ['profile', 'kind', 'account', 'role', 'region', ...(statuses.size ? ['ttl'] : []), 'chain']);
  for (const d of set.diagnostics) console.log(`${d.severity}: ${d.file}:${d.line}: ${d.message}`);
}

main();
