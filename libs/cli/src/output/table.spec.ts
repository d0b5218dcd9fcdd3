import fc from 'fast-check';
import { formatExpiry } from '../commands/shared';
import { style, visibleWidth } from './style';
import { renderTable } from './table';

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
/** The plain definition the fast path must agree with. */
const reference = (s: string) => [...s.replace(ANSI, '')].length;

describe('visibleWidth', () => {
  it('agrees with the plain definition for any text, coloured or not', () => {
    const painted = style({ color: true });
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), fc.boolean(), (s, paint) => {
        const text = paint ? painted.red(s) : s;
        expect(visibleWidth(text)).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('renderTable', () => {
  it('pads every column to its widest cell, ANSI codes and astral characters counted by what shows', () => {
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
    expect(lines.map((l) => reference(l))).toEqual([27, 26, 27]);
    expect(lines[0]).toBe(`NAME${' '.repeat(16)}  STATE`);
    expect(lines[2]).toBe('a-much-longer-name-🚀  plain');
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
