/** The value at `path` in a parsed document (objects by key, arrays by index), or undefined. */
import type { JsonPath } from '../errors';

export function getAt(value: unknown, path: JsonPath): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}
