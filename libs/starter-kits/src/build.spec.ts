import { addServers, getHost, parseHostConfig, toServerSpec, toTemplate } from '@awsmcp/mcp-config-model';
import { buildKit, assertAcceptedFlags, hostTakesRemote, WRITABLE_HOSTS, type KitEntry } from './build';
import { findServer } from './catalog/catalog';
import { SERVER_FACTS } from './catalog/facts.generated';
import { KitError } from './errors';
import { BUILTIN_KITS } from './kits';

/** The accepted flags straight from the facts (not from the catalog under test). */
const acceptedByPackage = new Map(SERVER_FACTS.map((f) => [f.package, new Set(f.flags)]));

/** The flags given to the server itself: after `pkg==v`, or after `--from pkg==v script`. */
function flagsPassed(entry: KitEntry): string[] {
  const args = entry.spec.args ?? [];
  return args.slice(args[0] === '--from' ? 3 : 1).filter((a) => a.startsWith('--')).map((a) => a.split('=')[0]);
}

describe('buildKit: every kit x every host', () => {
  const cases = BUILTIN_KITS.flatMap((kit) => WRITABLE_HOSTS.map((host) => [kit.name, host] as const));

  it.each(cases)('%s for %s: valid for the host, pinned, only accepted flags, profile and both region variables set', (kit, host) => {
    const remote = BUILTIN_KITS.find((k) => k.name === kit)!.servers.some((id) => findServer(id)!.transport === 'http');
    if (remote && !hostTakesRemote(host)) {
      expect(() => buildKit(kit, { profile: 'dev-sandbox', region: 'eu-west-1', hosts: [host] })).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_HOST' }));
      return;
    }
    for (const options of [
      { profile: 'dev-sandbox', region: 'eu-west-1', accountId: '111111111111' },
      { instances: [{ profile: 'prod-eu', region: 'eu-west-1', accountId: '333333333333' }, { profile: 'prod-us', region: 'us-east-1' }] },
    ]) {
      const entries = buildKit(kit, { ...options, hosts: [host] });
      expect(entries.length).toBeGreaterThan(0);
      // written into the host's own file format (field map, TOML / YAML), then read back strictly:
      // every entry is valid for the host and comes back as it was built
      const written = addServers('', host, entries.map((e) => e.spec), { file: `kit-for-${host}` }).text;
      const back = parseHostConfig(written, { host, file: `kit-for-${host}` }).servers;
      expect(back.map((b) => b.name)).toEqual(entries.map((e) => e.name));
      for (const e of entries) {
        const read = toServerSpec(back.find((b) => b.name === e.name)!);
        expect({ command: read.command, args: read.args, url: read.url, env: read.env }).toEqual({ command: e.spec.command, args: e.spec.args, url: e.spec.url, env: e.spec.env });
        const server = findServer(e.server)!;
        if (server.transport === 'http') continue;
        // version pinned
        expect(e.spec.command).toBe('uvx');
        expect(e.spec.args!.some((a) => a === `${server.package}==${server.version}`)).toBe(true);
        // only flags the server accepts, checked against the facts file
        const accepted = acceptedByPackage.get(server.package!)!;
        for (const flag of flagsPassed(e)) expect(accepted.has(flag)).toBe(true);
        // profile (in the variable the server reads) and region, always
        if (server.needsCredentials) {
          expect(e.spec.env![server.profileEnv!]).toBe(e.profile);
          expect(e.spec.env!.AWS_REGION).toBe(e.region);
          expect(e.spec.env!.AWS_DEFAULT_REGION).toBe(e.region);
        }
      }
    }
  });
});

describe('buildKit specifics', () => {
  it('eks-debug for dev-sandbox in eu-west-1: eks never gets --region, region goes in AWS_REGION and AWS_DEFAULT_REGION', () => {
    const entries = buildKit('eks-debug', { profile: 'dev-sandbox', region: 'eu-west-1', hosts: ['vscode'] });
    expect(entries.map((e) => e.name)).toEqual(['eks', 'cloudwatch']);
    expect(entries[0].spec).toEqual({
      name: 'eks',
      transport: 'stdio',
      command: 'uvx',
      args: ['awslabs.eks-mcp-server==0.1.37'],
      env: { AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' },
    });
  });

  it('deploy: the managed AWS MCP Server through the pinned proxy, endpoint and metadata in the kit region, read-only by default', () => {
    const mcp = buildKit('deploy', { profile: 'dev', region: 'eu-west-1', hosts: ['claude-code'] }).find((e) => e.server === 'aws-mcp')!;
    expect(mcp.spec).toEqual({
      name: 'aws-mcp',
      transport: 'stdio',
      command: 'uvx',
      args: ['mcp-proxy-for-aws==1.6.4', 'https://aws-mcp.eu-west-1.api.aws/mcp', '--profile', 'dev', '--read-only', '--metadata', 'AWS_REGION=eu-west-1'],
      env: { AWS_PROFILE: 'dev', AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' },
    });
    expect(buildKit('deploy', { profile: 'dev', region: 'us-west-2', readOnly: false, hosts: ['vscode'] }).find((e) => e.server === 'aws-mcp')!.spec.args).toEqual([
      'mcp-proxy-for-aws==1.6.4', 'https://aws-mcp.us-west-2.api.aws/mcp', '--profile', 'dev', '--metadata', 'AWS_REGION=us-west-2',
    ]);
    const writable = buildKit('deploy', { profile: 'dev', region: 'eu-west-1', readOnly: false, allowWrite: true, hosts: ['claude-code'] });
    expect(writable.find((e) => e.server === 'serverless')!.spec.args).toEqual(['awslabs.aws-serverless-mcp-server==0.1.22', '--allow-write', '--allow-sensitive-data-access']);
  });

  it('deploy where the AWS MCP Server has no endpoint: the nearest endpoint, the AWS calls still in the kit region; other partitions refused', () => {
    const mcp = buildKit('deploy', { profile: 'dev', region: 'ap-south-1', hosts: ['vscode'] }).find((e) => e.server === 'aws-mcp')!;
    expect(mcp.spec.args).toEqual(['mcp-proxy-for-aws==1.6.4', 'https://aws-mcp.ap-southeast-1.api.aws/mcp', '--profile', 'dev', '--read-only', '--metadata', 'AWS_REGION=ap-south-1']);
    expect(mcp.spec.env).toEqual({ AWS_PROFILE: 'dev', AWS_REGION: 'ap-south-1', AWS_DEFAULT_REGION: 'ap-south-1' });
    expect(() => buildKit('deploy', { profile: 'dev', region: 'cn-north-1', hosts: ['vscode'] })).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_REGION', message: expect.stringContaining('regions with an endpoint: us-east-1, us-west-2') }));
  });

  it('deploy as a template: the proxy endpoint, metadata and env all take the region placeholder', () => {
    const specs = buildKit('deploy', { profile: 'dev', region: 'eu-west-1', hosts: ['claude-code'] }).map((e) => e.spec);
    const t = JSON.parse(toTemplate(specs, { AWS_PROFILE: 'dev', AWS_REGION: 'eu-west-1' }, { host: 'claude-code' }).text);
    expect(t.mcpServers['aws-mcp'].args).toEqual(['mcp-proxy-for-aws==1.6.4', 'https://aws-mcp.${AWS_REGION}.api.aws/mcp', '--profile', '${AWS_PROFILE}', '--read-only', '--metadata', 'AWS_REGION=${AWS_REGION}']);
    expect(t.mcpServers['aws-mcp'].env).toEqual({ AWS_PROFILE: '${AWS_PROFILE}', AWS_REGION: '${AWS_REGION}', AWS_DEFAULT_REGION: '${AWS_REGION}' });
  });

  it('observe: prometheus also gets --profile / --region, which it accepts', () => {
    const prom = buildKit('observe', { profile: 'dev', region: 'eu-west-1', hosts: ['cursor'] }).find((e) => e.server === 'prometheus')!;
    expect(prom.spec.args).toEqual(['awslabs.prometheus-mcp-server==0.2.20', '--profile', 'dev', '--region', 'eu-west-1']);
  });

  it('knowledge: aws-documentation needs no credentials and gets no profile; the remote aws-knowledge server is emitted', () => {
    const entries = buildKit('knowledge', { profile: 'dev', region: 'eu-west-1', hosts: ['kiro'] });
    const docs = entries.find((e) => e.server === 'aws-documentation')!;
    expect(docs.spec.env).toBeUndefined();
    expect(docs.profile).toBeUndefined();
    expect(entries.find((e) => e.server === 'aws-knowledge')!.spec).toEqual({ name: 'aws-knowledge', transport: 'http', url: 'https://knowledge-mcp.global.api.aws' });
  });

  it('a remote server for a host that takes only local servers: a clear error naming the host and the alternatives', () => {
    expect(() => buildKit('knowledge', { profile: 'dev', region: 'eu-west-1', hosts: ['claude-desktop'] })).toThrow(
      "kit 'knowledge' includes the remote server 'aws-knowledge' (https://knowledge-mcp.global.api.aws), which Claude Desktop cannot take (local stdio servers only); hosts that take remote servers: vscode, claude-code, cursor, kiro, amazonq",
    );
  });

  it('multi-account: server names are safe slugs, never with / or . (Claude Code rejects them; issue 15, item 17)', () => {
    const entries = buildKit('eks-debug', { hosts: ['claude-code'], instances: [{ profile: 'acme/prod-eu', region: 'eu-west-1' }, { profile: 'prod.us@acme', region: 'us-east-1' }] });
    const names = entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['eks-acme-prod-eu', 'eks-prod-us-acme']));
    for (const n of names) expect(n).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    // the profile itself is kept as it is
    expect(entries.find((e) => e.name === 'eks-acme-prod-eu')!.spec.env).toMatchObject({ AWS_PROFILE: 'acme/prod-eu' });
  });

  it('multi-account: one named instance per account, with an _account note where the host tolerates it', () => {
    const entries = buildKit('eks-debug', {
      hosts: ['vscode'],
      instances: [
        { profile: 'prod-eu', region: 'eu-west-1', label: 'prod-eu', accountId: '333333333333' },
        { profile: 'prod-us', region: 'us-east-1', label: 'prod-us', accountId: '333333333333' },
      ],
    });
    expect(entries.map((e) => e.name)).toEqual(['eks-prod-eu', 'eks-prod-us', 'cloudwatch-prod-eu', 'cloudwatch-prod-us']);
    expect(entries[1].spec.env).toEqual({ AWS_PROFILE: 'prod-us', AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-east-1' });
    expect(entries[0].spec.extra).toEqual({ _account: '333333333333 (prod-eu)' });
  });

  it('an unknown flag is refused: the test that fails if any entry passes one', () => {
    expect(() => assertAcceptedFlags(findServer('eks')!, ['--region', 'eu-west-1'])).toThrow(KitError);
    expect(() => assertAcceptedFlags(findServer('eks')!, ['--region', 'eu-west-1'])).toThrow(/does not accept --region/);
    expect(() => assertAcceptedFlags(findServer('cloudwatch')!, ['--profile=x'])).toThrow('awslabs.cloudwatch-mcp-server does not accept --profile (it would ignore it); accepted: none');
  });

  it('clear errors: unknown kit lists the valid ones, missing profile or region, unknown host', () => {
    expect(() => buildKit('eks-debugg', { profile: 'p', region: 'r' })).toThrow("unknown kit 'eks-debugg'; valid kits: eks-debug, observe, knowledge, deploy, cost");
    expect(() => buildKit('eks-debug', { region: 'r' })).toThrow(expect.objectContaining({ code: 'MISSING_PROFILE' }));
    expect(() => buildKit('eks-debug', { profile: 'p' })).toThrow(expect.objectContaining({ code: 'MISSING_REGION' }));
    expect(() => buildKit('eks-debug', { profile: 'p', region: 'r', hosts: ['emacs' as never] })).toThrow(/unknown host 'emacs'/);
    expect(() => buildKit({ name: 'mine', description: '', servers: ['eks', 'ekss'] }, { profile: 'p', region: 'r' })).toThrow(/unknown server 'ekss'; expected one of eks, cloudwatch, /);
  });

  it('bad input names the choice, the alternatives and the closest one', () => {
    expect(() => buildKit('eks-debugg', { profile: 'p', region: 'r' })).toThrow(expect.objectContaining({ code: 'UNKNOWN_KIT', message: expect.stringMatching(/; did you mean 'eks-debug'\?$/) }));
    expect(() => buildKit({ name: 'mine', description: '', servers: ['eks', 'ekss'] }, { profile: 'p', region: 'r' })).toThrow(expect.objectContaining({ code: 'UNKNOWN_SERVER', message: expect.stringMatching(/; did you mean 'eks' or 'ecs'\?$/) }));
    expect(() => buildKit('eks-debug', { profile: 'p', region: 'r', hosts: ['vscod' as never] })).toThrow(
      /unknown host 'vscod'; expected one of vscode, claude-code, cursor, kiro, amazonq, claude-desktop, .*codex.*; did you mean 'vscode'\?/,
    );
    // a remote server for a host without remote servers: the host, the server, and the hosts that take it
    expect(() => buildKit('knowledge', { profile: 'p', region: 'r', hosts: ['vscode', 'claude-desktop'] })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_HOST', message: expect.stringContaining('which Claude Desktop cannot take (local stdio servers only); hosts that take remote servers: vscode, claude-code') }),
    );
  });

  it('defaults to VS Code and Claude Code', () => {
    expect([...new Set(buildKit('cost', { profile: 'p', region: 'r' }).map((e) => e.host))]).toEqual(['vscode', 'claude-code']);
  });
});
