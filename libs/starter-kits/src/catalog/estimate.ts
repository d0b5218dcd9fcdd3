/**
 * The static context-cost estimate, from description sizes read in the server's source.
 *
 *   tokens = ceil((docstringChars + paramDescriptionChars) / CHARS_PER_TOKEN) + toolCount * SCHEMA_TOKENS_PER_TOOL
 *
 * - CHARS_PER_TOKEN = 4: the usual rule of thumb for English prose with current tokenizers.
 * - SCHEMA_TOKENS_PER_TOOL = 40: the JSON Schema scaffolding a host sends for each tool (name,
 *   `inputSchema` with `type`/`properties`/`required`, parameter names and types) that the
 *   description character counts do not include.
 * A live `tools/list` (`awsmcp tokens`) replaces this with a measurement.
 */
export const CHARS_PER_TOKEN = 4;
export const SCHEMA_TOKENS_PER_TOOL = 40;

export function staticTokenEstimate(facts: { docstringChars: number; paramDescriptionChars: number; toolCount: number }): number {
  return Math.ceil((facts.docstringChars + facts.paramDescriptionChars) / CHARS_PER_TOKEN) + facts.toolCount * SCHEMA_TOKENS_PER_TOOL;
}

export const ESTIMATE_BASIS = `static: ceil((docstring + parameter description characters) / ${CHARS_PER_TOKEN}) + ${SCHEMA_TOKENS_PER_TOOL} per tool`;
