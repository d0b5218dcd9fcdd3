import { compareVersions, outdatedPins } from './pins';
import { SERVER_FACTS } from './catalog/facts.generated';

describe('version pins', () => {
  it('compares dotted versions numerically', () => {
    expect(compareVersions('0.1.10', '0.1.9')).toBe(1);
    expect(compareVersions('1.0.0', '1.0')).toBe(0);
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBe(-1);
  });

  it('orders pre-, post- and dev-releases as PEP 440 does', () => {
    expect(compareVersions('0.1.10rc1', '0.1.10')).toBe(-1);
    expect(compareVersions('0.1.10rc1', '0.1.9')).toBe(1);
    expect(compareVersions('1.0.0.post1', '1.0.0')).toBe(1);
    expect(compareVersions('1.0.0', '1.0.0.post1')).toBe(-1);
    expect(compareVersions('1.0.0rc10', '1.0.0rc9')).toBe(1);
    expect(compareVersions('1.0.0-rc.10', '1.0.0-rc.9')).toBe(1);
    expect(compareVersions('1.0.0.dev1', '1.0.0a1')).toBe(-1);
    expect(compareVersions('1!0.1', '2.0')).toBe(1);
  });

  it('names a version PEP 440 cannot read', () => {
    expect(() => compareVersions('latest', '1.0')).toThrow("compareVersions: 'latest' is not a PEP 440 version");
  });

  it('reads every pinned version of the catalog', () => {
    for (const s of SERVER_FACTS) expect(compareVersions(s.version, s.version)).toBe(0);
  });

  it('lists the pins older than a newer facts file, and nothing for the same file', () => {
    expect(outdatedPins({ servers: SERVER_FACTS })).toEqual([]);
    const newer = { servers: SERVER_FACTS.map((s) => (s.package === 'awslabs.eks-mcp-server' ? { ...s, version: '0.1.40' } : s)) };
    expect(outdatedPins(newer)).toEqual([{ id: 'eks', package: 'awslabs.eks-mcp-server', pinned: '0.1.37', available: '0.1.40' }]);
  });
});
