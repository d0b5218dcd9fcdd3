import { findKit, parseKitsFile } from './kits';
import { KitError } from './errors';

describe('user-defined kits', () => {
  it('parses a kits file and lets user kits be found by name', () => {
    const kits = parseKitsFile('# team kits\nkits:\n  payments-debug:\n    description: EKS and logs for payments\n    servers: [eks, cloudwatch]\n');
    expect(kits).toEqual([{ name: 'payments-debug', description: 'EKS and logs for payments', servers: ['eks', 'cloudwatch'] }]);
    expect(findKit('payments-debug', kits).servers).toEqual(['eks', 'cloudwatch']);
    expect(parseKitsFile('')).toEqual([]);
  });

  it.each([
    ['kits:\n  a:\n    servers: [eks\n', /awsmcp-kits\.yaml:4:1: Flow sequence in block collection must be sufficiently indented and end with a \]/],
    ['kits:\n  ok:\n    servers:\n      - eks\n      - ekss\n', /awsmcp-kits\.yaml:5:9: unknown server 'ekss' in kit 'ok'; expected one of eks, cloudwatch/],
    ['kits:\n  Bad_Name:\n    servers: [eks]\n', /awsmcp-kits\.yaml:2:3: kit names use lower-case/],
    ['kits:\n  empty:\n    servers: []\n', /awsmcp-kits\.yaml:3:14: a kit needs at least one server/],
    ['kits:\n  typo:\n    server: [eks]\n', /awsmcp-kits\.yaml:3:5/],
  ])('a clear error names the bad line: %j', (text, message) => {
    expect(() => parseKitsFile(text)).toThrow(KitError);
    expect(() => parseKitsFile(text)).toThrow(message);
  });
});
