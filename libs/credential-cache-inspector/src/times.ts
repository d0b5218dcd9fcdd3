/**
 * times: the expiry timestamps found in AWS credential cache files, parsed without surprises.
 *
 * Accepted (each with or without fractional seconds of any length, `T` or a space between date
 * and time):
 * - `2026-11-25T10:00:00Z` (the AWS CLI v2, the SDKs, `aws login`)
 * - `2026-11-25T10:00:00+00:00`, `+0000`, `+00`, any other offset (Python `isoformat()`)
 * - `2026-11-25T10:00:00UTC` / `GMT` (older CLIs: `strftime('%Y-%m-%dT%H:%M:%S%Z')`)
 * - RFC 822 `Wed, 25 Nov 2026 10:00:00 GMT`
 * - a JSON number: epoch seconds (botocore's `parse_timestamp` reads numbers that way)
 *
 * A time without a zone is rejected: botocore cannot compare it with "now" either.
 * Failures never echo the value (it could be anything, including a secret in the wrong field).
 */

export type ParsedTime = { ok: true; epochMs: number } | { ok: false; problem: string };

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?[ ]?(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/;
const RFC822 = /^(?:[A-Za-z]{3}, )?\d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}(?::\d{2})? (?:GMT|UTC|Z|[+-]\d{4})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseOffsetMinutes(zone: string): number | undefined {
  if (zone === 'Z' || zone === 'z' || zone === 'UTC' || zone === 'GMT') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}

/** Parse a cache-file timestamp. Never throws. */
export function parseTimestamp(value: unknown): ParsedTime {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, problem: 'is not a finite number' };
    const ms = value * 1000;
    if (Math.abs(ms) > 8.64e15) return { ok: false, problem: 'is out of range' };
    return { ok: true, epochMs: Math.floor(ms) };
  }
  if (typeof value !== 'string') {
    return { ok: false, problem: `is ${value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`}, not a time` };
  }
  const text = value.trim();
  if (text === '') return { ok: false, problem: 'is empty' };
  const m = ISO.exec(text);
  if (m) {
    const [, y, mo, d, h, mi, s, frac, zone] = m;
    if (zone === undefined) return { ok: false, problem: 'has no time zone (expected Z, UTC or an offset such as +00:00)' };
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const hour = Number(h);
    const minute = Number(mi);
    const second = s === undefined ? 0 : Number(s);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
      return { ok: false, problem: 'is not a valid calendar date and time' };
    }
    const offset = parseOffsetMinutes(zone);
    if (offset === undefined) return { ok: false, problem: 'has an invalid time zone offset' };
    const ms = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
    const epochMs = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
    return { ok: true, epochMs };
  }
  if (RFC822.test(text)) {
    const epochMs = Date.parse(text.replace(/ UTC$/, ' GMT'));
    if (Number.isFinite(epochMs)) return { ok: true, epochMs };
  }
  return { ok: false, problem: 'is not an ISO 8601 time (expected e.g. 2026-11-25T10:00:00Z)' };
}

/** ISO 8601 in UTC, e.g. `2026-11-25T10:00:00Z`; milliseconds only when there are some (`...00.250Z`). */
export function formatTime(epochMs: number): string {
  let text = formatted.get(epochMs);
  if (text === undefined) {
    text = new Date(epochMs).toISOString().replace(/\.000Z$/, 'Z');
    if (formatted.size >= 4096) formatted.clear();
    formatted.set(epochMs, text);
  }
  return text;
}

/** Thousands of profiles share a few expiry times (one SSO token): format each once. */
const formatted = new Map<number, string>();

/** A short human duration: `2h 05m`, `12m`, `45s`, `3d 4h`. Negative durations are shown as positive. */
export function formatDuration(seconds: number): string {
  let s = Math.abs(Math.trunc(seconds));
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m`;
  return `${s}s`;
}
