import { compareVersions, outdatedPins } from './pins';
import { SERVER_FACTS } from './catalog/facts.generated';

describe('version pins', () => {
  it('compares dotted versions numerically', () => {
    expect(compareVersions('0.1.10', '0.1.9')).toBe(1);
    expect(compareVersions('1.0.0', '1.0')).toBe(0);
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBe(-1);
  });

  it('lists the pins older than a newer facts file, and nothing for the same file', () => {
    expect(outdatedPins({ servers: SERVER_FACTS })).toEqual([]);
    const newer = { servers: SERVER_FACTS.map((s) => (s.package === 'awslabs.eks-mcp-server' ? { ...s, version: '0.1.40' } : s)) };
    expect(outdatedPins(newer)).toEqual([{ id: 'eks', package: 'awslabs.eks-mcp-server', pinned: '0.1.37', available: '0.1.40' }]);
  });
});
