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

  it.each([
    // a mistyped key: the key, where, the keys expected there, and the closest one
    ['kits:\n  typo:\n    server: [eks]\n', "awsmcp-kits.yaml:3:5: unknown key 'server' in kit 'typo'; expected description, servers; did you mean 'servers'?"],
    ['kits:\n  a:\n    descripton: x\n    servers: [eks]\n', "awsmcp-kits.yaml:3:5: unknown key 'descripton' in kit 'a'; expected description, servers; did you mean 'description'?"],
    ['kit:\n  a:\n    servers: [eks]\n', "awsmcp-kits.yaml:1:1: unknown key 'kit'; expected kits; did you mean 'kits'?"],
    // a mistyped server id: the ids of the catalog and the closest
    ['kits:\n  ok:\n    servers: [eks, cloudwach]\n', "awsmcp-kits.yaml:3:20: unknown server 'cloudwach' in kit 'ok'; expected one of eks, cloudwatch,"],
    ['kits:\n  ok:\n    servers: [eks, cloudwach]\n', "aws-knowledge; did you mean 'cloudwatch' or 'cloudtrail'?"],
    // the wrong shape: what was expected, in words
    ['kits:\n  a:\n    servers: eks\n', 'awsmcp-kits.yaml:3:14: servers: a list of catalog server ids, e.g. [eks, cloudwatch] (kits.a.servers)'],
    ['kits: []\n', 'awsmcp-kits.yaml:1:7: kits: a map of kit names to { description, servers } (kits)'],
    ['- a\n', 'awsmcp-kits.yaml:1:1: the file holds one key, kits: a map of kit names to { description, servers }'],
  ])('a kits file with a typo: %j', (text, message) => {
    expect(() => parseKitsFile(text)).toThrow(expect.objectContaining({ name: 'KitError', code: expect.stringMatching(/^(KITS_FILE_INVALID|UNKNOWN_SERVER)$/) }));
    expect(() => parseKitsFile(text)).toThrow(message);
  });

  it('an unknown kit names the valid kits and the closest one (user kits included)', () => {
    const mine = parseKitsFile('kits:\n  payments-debug:\n    servers: [eks]\n');
    expect(() => findKit('eks-debgu', mine)).toThrow("unknown kit 'eks-debgu'; valid kits: eks-debug, observe, knowledge, deploy, cost, payments-debug; did you mean 'eks-debug'?");
    expect(() => findKit('payment-debug', mine)).toThrow(/did you mean 'payments-debug' or 'eks-debug'\?$/);
    expect(() => findKit('zzzzzzzzzzzz')).toThrow(/valid kits: eks-debug, observe, knowledge, deploy, cost$/);
  });
});
