import { formatDuration, parseTimestamp } from './index';

const T = Date.UTC(2026, 10, 25, 10, 0, 0);

describe('parseTimestamp', () => {
  it.each([
    ['2026-11-25T10:00:00Z', T],
    ['2026-11-25T10:00:00.123Z', T + 123],
    ['2026-11-25T10:00:00.123456Z', T + 123],
    ['2026-11-25T10:00:00.5Z', T + 500],
    ['2026-11-25T10:00:00+00:00', T],
    ['2026-11-25T10:00:00.123+00:00', T + 123],
    ['2026-11-25T10:00:00.123456+00:00', T + 123],
    ['2026-11-25T10:00:00UTC', T],
    ['2026-11-25T10:00:00.000UTC', T],
    ['2026-11-25T10:00:00 UTC', T],
    ['2026-11-25T10:00:00GMT', T],
    ['2026-11-25T12:00:00+02:00', T],
    ['2026-11-25T05:30:00-0430', T],
    ['2026-11-25T11:00:00+01', T],
    ['2026-11-25 10:00:00Z', T],
    ['2026-11-25t10:00:00z', T],
    ['  2026-11-25T10:00:00Z\n', T],
    ['2026-11-25T10:00Z', T],
    ['Wed, 25 Nov 2026 10:00:00 GMT', T],
    [T / 1000, T],
  ])('%j', (input, expected) => {
    expect(parseTimestamp(input)).toEqual({ ok: true, epochMs: expected });
  });

  it.each([
    ['2026-11-25T10:00:00', /no time zone/],
    ['2026-02-30T10:00:00Z', /calendar/],
    ['2026-13-01T10:00:00Z', /calendar/],
    ['2026-11-25T24:00:00Z', /calendar/],
    ['2026-11-25T10:60:00Z', /calendar/],
    ['2026-11-25T10:00:60Z', /calendar/],
    ['2026-11-25T10:00:00+25:00', /offset/],
    ['tomorrow', /ISO 8601/],
    ['', /empty/],
    [null, /null/],
    [{}, /object/],
    [[], /array/],
    [true, /boolean/],
    [Number.NaN, /finite/],
    [1e300, /range/],
  ])('rejects %j', (input, problem) => {
    const r = parseTimestamp(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(problem);
  });

  it('never echoes the value it rejects', () => {
    const r = parseTimestamp('CANARY-SECRET-7f3a');
    expect(JSON.stringify(r)).not.toContain('CANARY');
  });

  it('handles leap days', () => {
    expect(parseTimestamp('2028-02-29T00:00:00Z').ok).toBe(true);
    expect(parseTimestamp('2027-02-29T00:00:00Z').ok).toBe(false);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [45, '45s'],
    [60, '1m'],
    [12 * 60 + 5, '12m'],
    [2 * 3600 + 5 * 60, '2h 05m'],
    [3 * 86400 + 4 * 3600, '3d 4h'],
    [-90, '1m'],
  ])('%d s -> %s', (s, text) => expect(formatDuration(s)).toBe(text));
});
