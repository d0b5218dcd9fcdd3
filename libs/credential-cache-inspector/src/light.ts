/** light: time to live -> traffic light, with configurable thresholds. */

export type Light = 'green' | 'amber' | 'red' | 'none';

export interface Thresholds {
  /** Green when more than this many seconds are left. Default 1800 (30 min). */
  greenAboveSeconds: number;
  /** Red when fewer than this many seconds are left (or expired). Default 600 (10 min). */
  redBelowSeconds: number;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({ greenAboveSeconds: 1800, redBelowSeconds: 600 });

/** Fill in defaults and check the thresholds make sense (a programming error throws a TypeError). */
export function resolveThresholds(partial: Partial<Thresholds> = {}): Thresholds {
  const t = { ...DEFAULT_THRESHOLDS, ...partial };
  for (const [k, v] of Object.entries(t)) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new TypeError(`thresholds.${k} must be a number of seconds >= 0`);
  }
  if (t.redBelowSeconds > t.greenAboveSeconds) {
    throw new TypeError('thresholds.redBelowSeconds must not be larger than thresholds.greenAboveSeconds');
  }
  return t;
}

/** green > greenAboveSeconds, red < redBelowSeconds or expired, amber in between. */
export function lightFor(ttlSeconds: number, thresholds: Partial<Thresholds> = DEFAULT_THRESHOLDS): Light {
  return lightForResolved(ttlSeconds, thresholds === DEFAULT_THRESHOLDS ? DEFAULT_THRESHOLDS : resolveThresholds(thresholds));
}

/** {@link lightFor} with thresholds already checked by {@link resolveThresholds}. */
export function lightForResolved(ttlSeconds: number, t: Thresholds): Light {
  if (ttlSeconds <= 0 || ttlSeconds < t.redBelowSeconds) return 'red';
  if (ttlSeconds > t.greenAboveSeconds) return 'green';
  return 'amber';
}
