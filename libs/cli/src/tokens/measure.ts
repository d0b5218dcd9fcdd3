/**
 * The context cost of tool definitions, counted with an offline tokenizer: gpt-tokenizer's
 * o200k_base (the BPE of OpenAI's GPT-4o / GPT-5 family; pure JavaScript, vocabulary bundled in
 * the package, nothing downloaded at run time).
 *
 * Claude's own tokenizer is not published (the exact count comes from Anthropic's count_tokens API,
 * which needs the network and a key). o200k_base is the closest offline stand-in: on English prose
 * and JSON schemas Claude's count is usually higher, by roughly 10-30% depending on the model
 * generation, so read the numbers as a floor, and compare servers with each other rather than to
 * the last token. See docs/cli-tokens.md.
 */
import type { ToolDefinition } from '../doctor/mcp';
import { requireOptional } from '../optional-dependency';

export const TOKENIZER = 'o200k_base';
export const TOKENIZER_PACKAGE = 'gpt-tokenizer';

export interface ToolCost {
  name: string;
  tokens: number;
}

let count: ((text: string) => number) | undefined;

/** gpt-tokenizer: an optional peer dependency (its vocabularies are 30 MB, half of the install). */
function loadTokenizer(): (text: string) => number {
  return requireOptional<{ countTokens(text: string): number }>(`${TOKENIZER_PACKAGE}/encoding/o200k_base`, TOKENIZER_PACKAGE, '4', 'awsmcp tokens').countTokens;
}

/** Tokens in `text` with o200k_base (the encoder loads on first use). */
export function countTokens(text: string): number {
  count ??= loadTokenizer();
  return count(text);
}

/**
 * What a host puts into the model's context for one tool: its name, description and input
 * schema, as JSON (hosts add a little framing per tool that is not counted here).
 */
export function toolText(tool: ToolDefinition): string {
  return JSON.stringify({ name: tool.name, ...(tool.description !== undefined ? { description: tool.description } : {}), input_schema: tool.inputSchema ?? {} });
}

export function measureTools(tools: readonly ToolDefinition[]): { tokens: number; tools: ToolCost[] } {
  const costs = tools.map((t) => ({ name: t.name, tokens: countTokens(toolText(t)) }));
  return { tokens: costs.reduce((n, c) => n + c.tokens, 0), tools: costs };
}

/** `gpt-tokenizer@4.0.0 o200k_base`, as stored with each measurement; a CliError when the tokenizer is not installed. */
export function tokenizerLabel(): string {
  count ??= loadTokenizer();
  let version = '';
  try {
    version = (require('gpt-tokenizer/package.json') as { version: string }).version;
  } catch {
    /* exports may hide package.json */
  }
  return `${TOKENIZER} (${TOKENIZER_PACKAGE}${version ? `@${version}` : ''})`;
}
