import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { editProfileFile } from './edit';
import { ProfileEditError } from './errors';
import { parseProfileFiles } from './load';

const demoConfig = fs.readFileSync(path.join(__dirname, '../../../tools/demo/home/.aws/config'), 'utf8');

describe('editProfileFile', () => {
  it('an unedited document is byte-identical (demo file, CRLF, BOM, no final newline)', () => {
    for (const text of [demoConfig, demoConfig.replace(/\n/g, '\r\n'), '\ufeff' + demoConfig, demoConfig.trimEnd(), '', '\n\n']) {
      expect(editProfileFile(text).toString()).toBe(text);
    }
  });

  it('set replaces the effective value and keeps everything else', () => {
    const text = '# top\n[profile a] ; note\nregion = eu-west-1 # keep me\noutput=json\n\n[profile b]\nregion = x\n';
    const doc = editProfileFile(text);
    expect(doc.set('a', 'region', 'us-east-1')).toBe(true);
    expect(doc.toString()).toBe('# top\n[profile a] ; note\nregion = us-east-1 # keep me\noutput=json\n\n[profile b]\nregion = x\n');
    expect(doc.set('a', 'region', 'us-east-1')).toBe(false); // idempotent
  });

  it('set adds a missing key after the last property of the profile, in the file style', () => {
    const doc = editProfileFile('[profile a]\r\nregion=x\r\n\r\n[profile b]\r\nregion = y');
    doc.set('a', 'output', 'json');
    doc.set('b', 'output', 'json');
    expect(doc.toString()).toBe('[profile a]\r\nregion=x\r\noutput=json\r\n\r\n[profile b]\r\nregion = y\r\noutput = json');
    const set = parseProfileFiles({ configText: doc.toString() });
    expect(set.profiles.b.properties).toEqual({ region: 'y', output: 'json' });
  });

  it('set on the last duplicate section (last one wins for the SDKs)', () => {
    const doc = editProfileFile('[profile a]\nregion = x\n[profile a]\noutput = json\n');
    doc.set('a', 'region', 'y');
    expect(doc.toString()).toBe('[profile a]\nregion = y\n[profile a]\noutput = json\n');
    doc.set('a', 'role_arn', 'arn:aws:iam::123456789012:role/R');
    expect(doc.toString()).toBe('[profile a]\nregion = y\n[profile a]\noutput = json\nrole_arn = arn:aws:iam::123456789012:role/R\n');
  });

  it('set replaces a sub-property block with a plain value, continuation lines included', () => {
    const doc = editProfileFile('[profile a]\ns3 =\n  max_concurrent_requests = 20\nregion = x\n');
    doc.set('a', 's3', 'none');
    expect(doc.toString()).toBe('[profile a]\ns3 = none\nregion = x\n');
  });

  it('[default] vs [profile default]: edits the one the SDKs read', () => {
    const doc = editProfileFile('[default]\nregion = a\n[profile default]\nregion = b\n');
    doc.set('default', 'region', 'c');
    expect(doc.toString()).toBe('[default]\nregion = a\n[profile default]\nregion = c\n');
    const plain = editProfileFile('[default]\nregion = a\n');
    plain.set('default', 'region', 'c');
    expect(plain.toString()).toBe('[default]\nregion = c\n');
  });

  it('remove deletes every definition of the key (with continuations) and nothing else', () => {
    const doc = editProfileFile('[profile a]\nregion = x\n; comment stays\ns3 =\n  a = b\nregion = y\n[profile b]\nregion = z');
    expect(doc.remove('a', 'region')).toBe(true);
    expect(doc.remove('a', 's3')).toBe(true);
    expect(doc.toString()).toBe('[profile a]\n; comment stays\n[profile b]\nregion = z');
    expect(doc.remove('a', 'region')).toBe(false);
  });

  it('addProfile appends a stanza with a blank line before it, in the file line ending', () => {
    const doc = editProfileFile('[profile a]\r\nregion = x');
    doc.addProfile('new-one', { sso_session: 'corp', sso_account_id: '123456789012' });
    doc.addProfile('corp', { sso_start_url: 'https://x.awsapps.com/start' }, 'sso-session');
    expect(doc.toString()).toBe(
      '[profile a]\r\nregion = x\r\n\r\n[profile new-one]\r\nsso_session = corp\r\nsso_account_id = 123456789012\r\n\r\n[sso-session corp]\r\nsso_start_url = https://x.awsapps.com/start\r\n',
    );
    expect(() => doc.addProfile('a')).toThrow(ProfileEditError);
    const creds = editProfileFile('', { kind: 'credentials' });
    creds.addProfile('bot', { aws_access_key_id: 'AKIA' });
    expect(creds.toString()).toBe('[bot]\naws_access_key_id = AKIA\n');
  });

  it('removeProfile removes the stanza and leaves its neighbours alone', () => {
    const doc = editProfileFile('[profile a]\nregion = x\n\n# about b\n[profile b]\nregion = y\n');
    expect(doc.removeProfile('a')).toBe(true);
    expect(doc.toString()).toBe('# about b\n[profile b]\nregion = y\n');
  });

  it('refuses invalid names and values that would change the file structure', () => {
    const doc = editProfileFile('');
    expect(() => doc.set('bad name', 'region', 'x')).toThrow(ProfileEditError);
    expect(() => doc.set('ok', 'bad key', 'x')).toThrow(ProfileEditError);
    expect(() => doc.set('ok', 'region', 'x\n[profile evil]')).toThrow(/line break/);
  });

  it('property: random edits keep untouched lines and produce what the SDK rules read back', () => {
    const name = fc.constantFrom('a', 'b', 'c', 'default');
    const key = fc.constantFrom('region', 'output', 'role_arn', 'sso_session');
    const value = fc.stringMatching(/^[a-z0-9:/._-]{0,12}$/);
    const op = fc.oneof(
      fc.record({ op: fc.constant('set' as const), name, key, value }),
      fc.record({ op: fc.constant('remove' as const), name, key }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), (ops, eol) => {
        const original = ['# keep', '[profile a]', 'region = x ; c', '', '[default]', 'output=json'].join(eol) + eol;
        const doc = editProfileFile(original);
        const expected: Record<string, Record<string, string>> = { a: { region: 'x' }, default: { output: 'json' } };
        for (const o of ops) {
          if (o.op === 'set') {
            doc.set(o.name, o.key, o.value);
            (expected[o.name] ??= {})[o.key] = o.value;
          } else {
            doc.remove(o.name, o.key);
            if (expected[o.name]) delete expected[o.name][o.key];
          }
        }
        const text = doc.toString();
        expect(text.startsWith('# keep' + eol)).toBe(true);
        const read = parseProfileFiles({ configText: text });
        for (const [p, props] of Object.entries(expected)) expect({ ...read.profiles[p]?.properties }).toEqual(props);
      }),
      { numRuns: 300 },
    );
  });
});
