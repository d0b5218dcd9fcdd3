/**
 * `@awsmcp/mcp-config-model/safety`: the secret policy and the output sanitiser alone, without the
 * rest of the package (no zod, no jsonc-parser), for the CLI's hot paths. The same functions are
 * exported from the package's index.
 */
export * from './secrets/policy';
export * from './terminal/sanitize';
