/**
 * Packages that only one command needs are optional peer dependencies of @awsmcp/cli (a light
 * install, docs/performance.md): gpt-tokenizer for `awsmcp tokens`, @aws-sdk/client-organizations
 * for `awsmcp org-scan`. They load on first use; when missing, a CliError says how to install them.
 */
import { CliError, EXIT } from './errors';

/** `require(specifier)`, or a CliError naming the package, what needs it and how to install it. */
export function requireOptional<T>(specifier: string, pkg: string, range: string, neededBy: string): T {
  try {
    return require(specifier) as T;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code !== 'MODULE_NOT_FOUND' || !String(err.message).includes(pkg)) throw e;
    throw new CliError(
      `${neededBy} needs ${pkg}, which is not installed (an optional peer dependency of @awsmcp/cli)`,
      EXIT.FAILURE,
      `install it next to the CLI: npm install -g ${pkg}@${range} (global CLI), npm install -D ${pkg}@${range} (project), or run npx -p @awsmcp/cli -p ${pkg}@${range} awsmcp ...`,
      'OPTIONAL_DEPENDENCY_MISSING',
    );
  }
}
