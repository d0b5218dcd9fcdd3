/** Options of the `@awsmcp/nx:check` executor (see schema.json, the source of truth). */
export interface CheckExecutorSchema {
  json?: boolean;
  outputFile?: string;
  files?: string[];
  failOnWarnings?: boolean;
}
