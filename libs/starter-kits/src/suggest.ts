/** "Did you mean" for a mistyped kit, server, host or key: the closest names (closestNames of @awsmcp/aws-config-parser). */
import { closestNames } from '@awsmcp/aws-config-parser';

/** `; did you mean 'eks'?` (empty when nothing is close), to append to an error naming the valid choices. */
export function didYouMean(name: string, names: readonly string[]): string {
  const close = closestNames(name, names);
  return close.length > 0 ? `; did you mean ${close.map((c) => `'${c}'`).join(' or ')}?` : '';
}
