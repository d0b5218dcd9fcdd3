import fc from 'fast-check';
import { formatExpiry } from '../commands/shared';
import { style, visibleWidth } from './style';
import { renderTable } from './table';

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

describe('visibleWidth', () => {
  it('printable ASCII is its length, and colour adds no column', () => {
    const painted = style({ color: true });
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: 'grapheme' }), (ascii, any) => {
        const plain = ascii.replace(/[^\x20-\x7e]/g, '');
        expect(visibleWidth(plain)).toBe(plain.length);
        expect(visibleWidth(painted.red(any))).toBe(visibleWidth(any.replace(ANSI, '')));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['CJK: two columns each', '日本語', 6],
    ['Hangul', '한국어', 6],
    ['fullwidth forms', 'ＡＢ', 4],
    ['combining marks: none (e + U+0301)', 'cafe\u0301', 4],
    ['precomposed é', 'café', 4],
    ['emoji: two columns', '🚀', 2],
    ['emoji ZWJ family: one glyph, two columns', '👨‍👩‍👧', 2],
    ['flag', '🇩🇪', 2],
    ['traffic lights of the tables', '✓ ⚠ ✗', 5],
  ])('%s', (_label, text, width) => {
    expect(visibleWidth(text)).toBe(width);
  });
});

describe('renderTable', () => {
  it('pads every column to its widest cell, ANSI codes and wide characters counted by what shows', () => {
    const painted = style({ color: true });
    const lines = renderTable(
      [
        { a: 'x', b: painted.green('✓ ok') },
        { a: 'a-much-longer-name-🚀', b: 'plain' },
      ],
      [
        { header: 'NAME', value: (r) => r.a },
        { header: 'STATE', value: (r) => r.b },
      ],
    );
    expect(lines.map((l) => visibleWidth(l))).toEqual([28, 27, 28]);
    expect(lines[0]).toBe(`NAME${' '.repeat(17)}  STATE`);
    expect(lines[2]).toBe('a-much-longer-name-🚀  plain');
  });

  it('lines up CJK and combining marks by their columns', () => {
    const lines = renderTable(
      [{ a: '開発', b: 'x' }, { a: 'cafe\u0301', b: 'y' }, { a: 'ab', b: 'z' }],
      [
        { header: 'N', value: (r) => r.a },
        { header: 'V', value: (r) => r.b },
      ],
    );
    expect(lines).toEqual(['N     V', '開発  x', 'cafe\u0301  y', 'ab    z']);
  });
});

describe('formatExpiry', () => {
  it('the same text for the same time and zone, computed or remembered', () => {
    const iso = '2026-11-25T10:05:00Z';
    for (const tz of ['UTC', 'Europe/Berlin', 'America/New_York', 'UTC']) {
      const first = formatExpiry(iso, tz);
      expect(formatExpiry(iso, tz)).toBe(first);
      expect(first).toMatch(/^2026-11-25 \d\d:05 \(10:05 UTC\)$/);
    }
    expect(formatExpiry(iso, 'Europe/Berlin')).toBe('2026-11-25 11:05 (10:05 UTC)');
    expect(formatExpiry('not a time')).toBe('');
    expect(formatExpiry(undefined)).toBe('');
  });
});
