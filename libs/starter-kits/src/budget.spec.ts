import { budget, cliFirstCommands } from './budget';
import { buildKit } from './build';
import { findServer } from './catalog/catalog';

describe('budget', () => {
  it('eks-debug is honestly over the 5,000-token recommendation, from the checked-in measurements (23,024)', () => {
    const entries = buildKit('eks-debug', { profile: 'dev', region: 'eu-west-1', hosts: ['vscode', 'claude-code'] });
    const b = budget(entries, { profile: 'dev', region: 'eu-west-1' });
    expect(b.servers.map((s) => [s.name, s.source, s.tokens])).toEqual([['eks', 'measured', 9685], ['cloudwatch', 'measured', 13339]]);
    expect(b.total).toBe(23024);
    expect(b.total).toBe(findServer('eks')!.cost.tokens + findServer('cloudwatch')!.cost.tokens);
    expect(b.verdict).toBe('over');
    expect(b.cliFirst[0]).toBe('aws eks list-clusters --profile dev --region eu-west-1   # clusters in the region');
    expect(b.cliFirstReason).toMatch(/over the 5000-token/);
  });

  it('prefers a measurement of the same version, and says so', () => {
    const entries = buildKit('cost', { profile: 'dev', region: 'eu-west-1', hosts: ['vscode'] });
    const measured = budget(entries, {
      measurements: [
        { server: 'billing-cost-management', version: '0.0.33', tokens: 4000, toolCount: 38, measuredAt: '2026-11-20T10:00:00Z', tokenizer: 'o200k_base' },
        { server: 'billing-cost-management', version: '0.0.1', tokens: 1, toolCount: 1, measuredAt: '2026-11-24T10:00:00Z' },
      ],
      limit: 4500,
    });
    expect(measured.servers[0]).toMatchObject({ tokens: 4000, source: 'measured', basis: 'measured by awsmcp tokens 2026-11-20 with o200k_base' });
    expect(measured.verdict).toBe('under');
    // a single service: the CLI-first hint is offered anyway
    expect(measured.cliFirstReason).toMatch(/single service/);
  });

  it('deploy and cost: the corrected figures (aws-mcp counted from its listed tools, serverless measured; billing estimated at 38 tools)', () => {
    // read-only by default: the proxy keeps the 5 readOnlyHint tools, and the line says what that means
    const deploy = budget(buildKit('deploy', { profile: 'dev', region: 'eu-west-1', hosts: ['vscode'] }));
    expect(deploy.servers.map((s) => [s.name, s.source, s.tokens, s.toolCount])).toEqual([['aws-mcp', 'estimate', 1836, 5], ['serverless', 'measured', 11411, 25]]);
    expect(deploy.servers[0]!.caveats).toEqual([expect.stringContaining('offers the documentation tools only')]);
    expect(deploy.servers[0]!.basis).toContain('NOTE: with --read-only');
    expect(deploy.total).toBe(13247);
    expect(deploy.verdict).toBe('over');
    const writable = budget(buildKit('deploy', { profile: 'dev', region: 'eu-west-1', readOnly: false, hosts: ['vscode'] }));
    expect(writable.servers[0]).toMatchObject({ name: 'aws-mcp', tokens: 2937, toolCount: 8 });
    expect(writable.servers[0]!.caveats).toBeUndefined();
    const cost = budget(buildKit('cost', { profile: 'dev', region: 'eu-west-1', hosts: ['vscode'] }));
    expect(cost.servers[0]).toMatchObject({ source: 'estimate', toolCount: 38, tokens: 22394 });
    expect(cost.total).toBeGreaterThan(19_000);
  });

  it('knowledge: the remote aws-knowledge server counted from its listed tools', () => {
    const b = budget(buildKit('knowledge', { profile: 'dev', region: 'eu-west-1', hosts: ['vscode'] }));
    expect(b.servers.map((s) => [s.name, s.source, s.tokens])).toEqual([['aws-documentation', 'measured', 3407], ['bedrock-kb', 'measured', 974], ['aws-knowledge', 'estimate', 1836]]);
    expect(b.total).toBe(6217);
  });

  it('an AWS MCP Server endpoint in another region than the kit: the budget line says so', () => {
    const b = budget(buildKit('deploy', { profile: 'dev', region: 'ap-south-1', readOnly: false, hosts: ['vscode'] }));
    expect(b.servers[0]!.caveats).toEqual([expect.stringMatching(/has no endpoint in ap-south-1: this entry uses the one in ap-southeast-1 \(the AWS calls still go to ap-south-1/)]);
    expect(budget(buildKit('deploy', { profile: 'dev', region: 'eu-west-1', readOnly: false, hosts: ['vscode'] })).servers[0]!.caveats).toBeUndefined();
  });

  it('caveats travel with the budget line (ecs needs the network at start)', () => {
    const b = budget([{ name: 'ecs', server: 'ecs' }]);
    expect(b.servers[0]!.caveats).toEqual([expect.stringMatching(/needs the network at start/)]);
  });

  it('a configurable limit decides the verdict', () => {
    const entries = [{ name: 'docs', server: 'aws-documentation' }];
    expect(budget(entries, { limit: 100_000 }).verdict).toBe('under');
    expect(budget(entries, { limit: 10 }).verdict).toBe('over');
  });

  it('CLI commands carry profile and region', () => {
    expect(cliFirstCommands([findServer('cloudwatch')!], 'p', 'r')[0]).toBe('aws cloudwatch describe-alarms --state-value ALARM --profile p --region r   # alarms firing now');
  });
});
