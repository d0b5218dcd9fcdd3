import { envIsOn, isPlaceholder, serverAccess, serverKind, serverProfiles } from './server';

describe('server entries', () => {
  it.each([
    [{ name: 'a', package: 'awslabs.aws-api-mcp-server' }, 'aws-api-mcp-server'],
    [{ name: 'a', command: 'uvx', args: ['awslabs.eks-mcp-server@latest'] }, 'eks-mcp-server'],
    [{ name: 'a', command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37', '--allow-write'] }, 'eks-mcp-server'],
    [{ name: 'a', command: 'uvx', args: ['--from', 'awslabs.ecs-mcp-server', 'ecs-mcp-server'] }, 'ecs-mcp-server'],
    [{ name: 'a', command: '/home/u/.local/bin/awslabs.ccapi-mcp-server' }, 'ccapi-mcp-server'],
    [{ name: 'a', command: 'docker', args: ['run', '-i', 'public.ecr.aws/awslabs-mcp/awslabs/aws-api-mcp-server:latest'] }, 'aws-api-mcp-server'],
    [{ name: 'a', command: 'npx', args: ['some-other-thing'] }, undefined],
  ])('serverKind(%j) = %s', (server, kind) => {
    expect(serverKind(server)).toBe(kind);
  });

  it('finds profiles in env and args, marks placeholders', () => {
    expect(
      serverProfiles({ name: 'x', args: ['--profile', 'p1', '--profile=p2'], env: { AWS_PROFILE: '${env:AWS_PROFILE}', AWS_API_MCP_PROFILE_NAME: 'p3' } }),
    ).toEqual([
      { name: '${env:AWS_PROFILE}', from: 'env.AWS_PROFILE', placeholder: true },
      { name: 'p3', from: 'env.AWS_API_MCP_PROFILE_NAME', placeholder: false },
      { name: 'p1', from: '--profile', placeholder: false },
      { name: 'p2', from: '--profile', placeholder: false },
    ]);
    expect(isPlaceholder('${input:awsProfile}')).toBe(true);
    expect(isPlaceholder('$AWS_PROFILE')).toBe(true);
    expect(isPlaceholder('prod-eu')).toBe(false);
  });

  it('reads env switches the way the servers do: only clear "off" values are off', () => {
    expect(['true', 'TRUE', '1', 'yes', '${X}'].map(envIsOn)).toEqual([true, true, true, true, true]);
    expect(['false', 'False', '0', 'no', 'off', '', undefined].map(envIsOn)).toEqual([false, false, false, false, false, false, false]);
  });

  it('knows the write switches from the catalog', () => {
    expect(serverAccess({ name: 'iam', args: ['awslabs.iam-mcp-server', '--allow-write'] }).writes.map((w) => w.switch)).toEqual(['--allow-write']);
    expect(serverAccess({ name: 'ecs', env: { ALLOW_WRITE: 'true', ALLOW_SENSITIVE_DATA: 'true' } })).toMatchObject({
      writes: [{ switch: 'ALLOW_WRITE=true', source: 'env', explicit: true }],
      sensitive: [{ switch: 'ALLOW_SENSITIVE_DATA=true', source: 'env', explicit: true }],
    });
    const api = serverAccess({ name: 'api', args: ['awslabs.aws-api-mcp-server'], env: { REQUIRE_MUTATION_CONSENT: 'true' } });
    expect(api.mutationConsent).toBe(true);
    expect(api.writes[0].description).toContain('REQUIRE_MUTATION_CONSENT=true asks before each one');
    expect(serverAccess({ name: 'cw', args: ['awslabs.cloudwatch-mcp-server'] })).toEqual({ kind: 'cloudwatch-mcp-server', writes: [], sensitive: [], mutationConsent: false });
  });
});
