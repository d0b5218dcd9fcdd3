import { ALLOW_FLAGS, GUARD_ERROR_CODES, PROD_GUARD_EXIT_CODE, ProdGuardError } from './errors';
import { evaluateGuard, guard, type GuardAction, type GuardContext } from './guard';
import type { McpServerLike } from './schema';
import { CANARY, profileSet } from './__fixtures__/profiles';

const TAGS = { 'acme-prod': 'prod', 'acme-dev': 'dev' };

function refusal(action: GuardAction, context: GuardContext): ProdGuardError {
  try {
    guard(action, context);
  } catch (err) {
    if (err instanceof ProdGuardError) return err;
    throw err;
  }
  throw new Error('expected a ProdGuardError');
}

const eks = (extra: Partial<McpServerLike> = {}): McpServerLike => ({
  name: 'eks',
  command: 'uvx',
  args: ['awslabs.eks-mcp-server==0.1.37'],
  env: { AWS_PROFILE: 'acme-prod', AWS_REGION: 'eu-west-1' },
  scope: 'workspace',
  file: '/repo/.vscode/mcp.json',
  ...extra,
});

describe('guard: refusals', () => {
  it('every refusal is a ProdGuardError with exit code 3', () => {
    expect(PROD_GUARD_EXIT_CODE).toBe(3);
    expect(GUARD_ERROR_CODES).toEqual(['PROD_WRITE_ENABLED', 'PROD_IN_USER_SCOPE', 'PROD_NO_TTY', 'PROD_NEEDS_CONFIRM']);
  });

  it('PROD_NEEDS_CONFIRM: a prod profile without confirmation, at a terminal', () => {
    const err = refusal({ kind: 'switch', profile: 'acme-prod' }, { tags: TAGS, isTTY: true });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('ProdGuardError');
    expect(err.code).toBe('PROD_NEEDS_CONFIRM');
    expect(err.allowFlag).toBe('--confirm');
    expect(err.exitCode).toBe(3);
    expect(err.profile).toBe('acme-prod');
    expect(err.reason).toBe('tagged prod');
    expect(err.message).toBe('switch: profile "acme-prod" is production (tagged prod). Confirm that you mean production: answer the prompt, or re-run with --confirm.');
  });

  it('PROD_NO_TTY: no terminal and no confirmation (an unknown terminal counts as none)', () => {
    for (const isTTY of [false, undefined]) {
      const err = refusal({ profile: 'acme-prod' }, { tags: TAGS, isTTY });
      expect(err.code).toBe('PROD_NO_TTY');
      expect(err.allowFlag).toBe('--confirm');
      expect(err.exitCode).toBe(3);
      expect(err.message).toBe(
        'profile "acme-prod" is production (tagged prod), and there is no terminal to confirm it on. Re-run with --confirm if you really mean production.',
      );
    }
  });

  it('PROD_IN_USER_SCOPE: a prod profile in a user-scope host file, even confirmed', () => {
    const err = refusal({ server: eks({ scope: 'user', file: '/home/u/.cursor/mcp.json' }) }, { tags: TAGS, confirm: true, isTTY: true });
    expect(err.code).toBe('PROD_IN_USER_SCOPE');
    expect(err.allowFlag).toBe('--allow-global-prod');
    expect(err.exitCode).toBe(3);
    expect(err.server).toBe('eks');
    expect(err.message).toBe(
      'profile "acme-prod" is production (tagged prod); it would go into a user-scope (global) host file (/home/u/.cursor/mcp.json) for MCP server "eks", where every workspace and every chat would use it. Put it in the workspace file instead, or pass --allow-global-prod if you really want it everywhere.',
    );
    // action.scope overrides the entry's own scope
    expect(refusal({ profile: 'acme-prod', scope: 'user' }, { tags: TAGS, confirm: true }).code).toBe('PROD_IN_USER_SCOPE');
  });

  it('PROD_WRITE_ENABLED: --allow-write for prod is refused even with every allow flag', () => {
    const err = refusal(
      { server: eks({ args: ['awslabs.eks-mcp-server==0.1.37', '--allow-write'], scope: 'user' }) },
      { tags: TAGS, confirm: true, isTTY: true, allowGlobalProd: true },
    );
    expect(err.code).toBe('PROD_WRITE_ENABLED');
    expect(err.allowFlag).toBeNull();
    expect(err.exitCode).toBe(3);
    expect(err.fix).toBe('remove --allow-write');
    expect(err.message).toBe(
      'profile "acme-prod" is production (tagged prod), and the entry for MCP server "eks" enables writes (--allow-write). Write access is never enabled for production, and no flag allows it: remove --allow-write.',
    );
  });

  it('PROD_WRITE_ENABLED: ALLOW_WRITE in env (ecs), any value that is not clearly off', () => {
    for (const value of ['true', 'True', '1', '${ALLOW_WRITE}']) {
      const ecs: McpServerLike = { name: 'ecs', command: 'uvx', args: ['--from', 'awslabs.ecs-mcp-server', 'ecs-mcp-server'], env: { AWS_PROFILE: 'acme-prod', ALLOW_WRITE: value } };
      const err = refusal({ server: ecs }, { tags: TAGS, confirm: true });
      expect(err.code).toBe('PROD_WRITE_ENABLED');
      expect(err.message).toContain(`enables writes (ALLOW_WRITE=${value})`);
    }
    const off: McpServerLike = { name: 'ecs', env: { AWS_PROFILE: 'acme-prod', ALLOW_WRITE: 'false' } };
    expect(() => guard({ server: off }, { tags: TAGS, confirm: true })).not.toThrow();
  });

  it('refusals come in policy order; evaluateGuard lists them all', () => {
    const ev = evaluateGuard({ server: eks({ args: ['--allow-write'], scope: 'user' }) }, { tags: TAGS, isTTY: false });
    expect(ev.refusals.map((r) => r.code)).toEqual(['PROD_WRITE_ENABLED', 'PROD_IN_USER_SCOPE', 'PROD_NO_TTY']);
    expect(ev.refusals.map((r) => r.allowFlag)).toEqual([null, '--allow-global-prod', '--confirm']);
    expect(Object.keys(ALLOW_FLAGS)).toEqual([...GUARD_ERROR_CODES]);
  });

  it('finds the prod profile wherever the entry names it', () => {
    const viaApiName: McpServerLike = { name: 'aws-api', command: 'uvx', args: ['awslabs.aws-api-mcp-server@latest'], env: { AWS_API_MCP_PROFILE_NAME: 'acme-prod' } };
    expect(refusal({ server: viaApiName }, { tags: TAGS }).code).toBe('PROD_NO_TTY');
    const viaFlag: McpServerLike = { name: 'prom', args: ['awslabs.prometheus-mcp-server', '--profile', 'acme-prod', '--region', 'eu-west-1'] };
    expect(refusal({ server: viaFlag }, { tags: TAGS }).profile).toBe('acme-prod');
    const viaFlagEq: McpServerLike = { name: 'prom', args: ['--profile=acme-prod'], env: { AWS_PROFILE: 'acme-dev' } };
    expect(refusal({ server: viaFlagEq }, { tags: TAGS }).profile).toBe('acme-prod');
  });

  it('uses heuristics and account evidence when there is no tag', () => {
    const err = refusal({ profile: 'payments-admin' }, { profiles: profileSet(), isTTY: true });
    expect(err.code).toBe('PROD_NEEDS_CONFIRM');
    expect(err.reason).toMatch(/^account 333333333333 is also used by prod profile "prod-eu"/);
    expect(refusal({ profile: 'eu-production' }, {}).reason).toBe('name token "production" means prod');
  });
});

describe('guard: allowed actions', () => {
  it('a non-prod profile passes with no recommendations', () => {
    const result = guard({ profile: 'acme-dev', server: eks({ env: { AWS_PROFILE: 'acme-dev' }, args: ['--allow-write'], scope: 'user' }) }, { tags: TAGS });
    expect(result).toMatchObject({ prod: false, warnings: [], recommendations: [] });
    expect(result.profiles.map((p) => [p.name, p.from, p.verdict.prod])).toEqual([['acme-dev', 'action', false]]);
  });

  it('product-analytics is not prod, so nothing to confirm', () => {
    expect(guard({ profile: 'product-analytics' }, {}).prod).toBe(false);
  });

  it('a confirmed prod use returns the read-only recommendations', () => {
    const result = guard({ profile: 'acme-prod' }, { tags: TAGS, confirm: true });
    expect(result.prod).toBe(true);
    expect(result.warnings).toEqual([{ code: 'PROD_CONFIRMED', message: 'production profile "acme-prod" in use (confirmed)' }]);
    expect(result.recommendations).toEqual([
      {
        code: 'READ_ONLY_PERMISSION_SET',
        satisfied: false,
        permissionSet: 'ReadOnlyAccess',
        message:
          'give MCP servers on "acme-prod" a read-only role: an IAM Identity Center permission set with the AWS managed policy ReadOnlyAccess (or ViewOnlyAccess), in a profile of its own',
      },
      {
        code: 'READ_OPERATIONS_ONLY',
        satisfied: false,
        appliesTo: 'aws-api-mcp-server',
        env: { READ_OPERATIONS_ONLY: 'true' },
        message: 'set READ_OPERATIONS_ONLY=true in the env of aws-api-mcp-server so it runs read-only operations only',
      },
    ]);
  });

  it('--allow-sensitive-data-access for prod is a warning, not a refusal', () => {
    const result = guard({ server: eks({ args: ['awslabs.eks-mcp-server==0.1.37', '--allow-sensitive-data-access'] }) }, { tags: TAGS, confirm: true });
    expect(result.warnings.map((w) => w.code)).toEqual(['PROD_CONFIRMED', 'PROD_SENSITIVE_DATA']);
    expect(result.warnings[1].message).toBe(
      'the --allow-sensitive-data-access flag lets the server read logs, events and resource details that may hold secrets, on production profile "acme-prod" for MCP server "eks": only if you really need it',
    );
    expect(result.recommendations.map((r) => r.code)).toEqual(['READ_ONLY_PERMISSION_SET', 'REMOVE_SENSITIVE_DATA_ACCESS']);
    expect(result.recommendations[1].removeArgs).toEqual(['--allow-sensitive-data-access']);
  });

  it('ALLOW_SENSITIVE_DATA in env is a warning too', () => {
    const result = guard({ server: { name: 'ecs', env: { AWS_PROFILE: 'acme-prod', ALLOW_SENSITIVE_DATA: 'true' } } }, { tags: TAGS, confirm: true });
    expect(result.warnings.map((w) => w.code)).toContain('PROD_SENSITIVE_DATA');
  });

  it('aws-api-mcp-server on prod: warns it can write until READ_OPERATIONS_ONLY=true', () => {
    const api: McpServerLike = { name: 'aws-api', command: 'uvx', args: ['awslabs.aws-api-mcp-server==1.5.1'], env: { AWS_API_MCP_PROFILE_NAME: 'acme-prod' } };
    const open = guard({ server: api }, { tags: TAGS, confirm: true });
    expect(open.warnings.map((w) => w.code)).toEqual(['PROD_CONFIRMED', 'PROD_DEFAULT_WRITABLE']);
    expect(open.recommendations.find((r) => r.code === 'READ_OPERATIONS_ONLY')).toMatchObject({ satisfied: false, env: { READ_OPERATIONS_ONLY: 'true' } });
    const closed = guard({ server: { ...api, env: { ...api.env, READ_OPERATIONS_ONLY: 'true' } } }, { tags: TAGS, confirm: true });
    expect(closed.warnings.map((w) => w.code)).toEqual(['PROD_CONFIRMED']);
    expect(closed.recommendations.find((r) => r.code === 'READ_OPERATIONS_ONLY')?.satisfied).toBe(true);
  });

  it('ccapi-mcp-server on prod: recommends --readonly', () => {
    const ccapi: McpServerLike = { name: 'ccapi', command: 'uvx', args: ['awslabs.ccapi-mcp-server@latest'], env: { AWS_PROFILE: 'acme-prod' } };
    const result = guard({ server: ccapi }, { tags: TAGS, confirm: true });
    expect(result.warnings.map((w) => w.code)).toContain('PROD_DEFAULT_WRITABLE');
    expect(result.recommendations.find((r) => r.code === 'CCAPI_READONLY')).toMatchObject({ satisfied: false, addArgs: ['--readonly'] });
    const ro = guard({ server: { ...ccapi, args: [...(ccapi.args ?? []), '--readonly'] } }, { tags: TAGS, confirm: true });
    expect(ro.recommendations.find((r) => r.code === 'CCAPI_READONLY')?.satisfied).toBe(true);
  });

  it('mcp-proxy-for-aws (the managed AWS MCP Server) on prod: writable unless --read-only', () => {
    const proxy: McpServerLike = { name: 'aws-mcp', command: 'uvx', args: ['mcp-proxy-for-aws==1.6.4', 'https://aws-mcp.eu-west-1.api.aws/mcp', '--profile', 'acme-prod', '--metadata', 'AWS_REGION=eu-west-1'], env: { AWS_PROFILE: 'acme-prod' } };
    expect(guard({ server: proxy }, { tags: TAGS, confirm: true }).warnings.map((w) => w.code)).toContain('PROD_DEFAULT_WRITABLE');
    const ro = guard({ server: { ...proxy, args: [...(proxy.args ?? []), '--read-only'] } }, { tags: TAGS, confirm: true });
    expect(ro.warnings.map((w) => w.code)).not.toContain('PROD_DEFAULT_WRITABLE');
  });

  it('--allow-global-prod lets a prod entry into a user-scope file, with a warning', () => {
    const result = guard({ server: eks({ scope: 'user', file: '/home/u/.cursor/mcp.json' }) }, { tags: TAGS, confirm: true, allowGlobalProd: true });
    expect(result.warnings.map((w) => w.code)).toEqual(['PROD_GLOBAL_ALLOWED', 'PROD_CONFIRMED']);
    expect(result.recommendations.map((r) => r.code)).toContain('WORKSPACE_SCOPE');
  });

  it('a read-only role satisfies the permission-set recommendation', () => {
    const result = guard({ profile: 'prod-eu' }, { profiles: profileSet(), confirm: true });
    expect(result.recommendations[0]).toMatchObject({ code: 'READ_ONLY_PERMISSION_SET', satisfied: true });
  });

  it('a placeholder profile is reported, not guessed', () => {
    const result = guard({ server: { name: 'eks', env: { AWS_PROFILE: '${AWS_PROFILE}' } } }, { tags: TAGS });
    expect(result.prod).toBe(false);
    expect(result.warnings.map((w) => w.code)).toEqual(['PROFILE_UNRESOLVED']);
  });

  it('never puts a secret in a message', () => {
    const ev = evaluateGuard({ profile: 'ci-bot', server: eks({ env: { AWS_PROFILE: 'payments-admin' }, args: ['--allow-write'] }) }, { profiles: profileSet() });
    expect(ev.refusals.length).toBeGreaterThan(0);
    expect(JSON.stringify([ev, ev.refusals.map((r) => r.message)])).not.toContain(CANARY);
  });

  it('rejects an unknown scope with a TypeError', () => {
    expect(() => guard({ profile: 'acme-prod', scope: 'global' as never }, { tags: TAGS })).toThrow(new TypeError('invalid scope "global": expected workspace, user or local'));
  });

  it('rejects a malformed server entry with a TypeError', () => {
    expect(() => guard({ server: { name: 'x', args: 'oops' } as unknown as McpServerLike }, {})).toThrow(/invalid MCP server entry at args/);
  });
});
