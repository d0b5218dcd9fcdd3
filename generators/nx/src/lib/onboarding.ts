/** The onboarding snippet: one command that turns the committed templates into an engineer's own configs. */
import type { Tree } from '@nx/devkit';

export const ONBOARDING_FILE = 'docs/mcp-onboarding.md';
export const SECTION_START = '<!-- awsmcp:onboarding:start -->';
export const SECTION_END = '<!-- awsmcp:onboarding:end -->';

export interface SnippetInput {
  templates: readonly string[];
  region?: string;
}

export function onboardingSnippet(input: SnippetInput): string {
  const list = input.templates.map((t) => `\`${t}\``).join(', ');
  return [
    `The MCP server configs of this workspace are committed as templates (${list}) with placeholders`,
    `instead of AWS profile names. Your own configs hold your profile, stay out of git (see`,
    '`.gitignore`), and are written with one command:',
    '',
    '```sh',
    `npx @awsmcp/cli hydrate --profile <your-profile> --region ${input.region ?? '<region>'}`,
    '```',
    '',
    'VS Code asks for the profile and region (its `inputs`) when a server first starts. Then restart',
    'the AI host (VS Code: "MCP: List Servers" > Restart; Claude Code: run `claude` again',
    'and check `/mcp`). CI runs the `mcp-check` target of `@awsmcp/nx`, which fails when a real config',
    'or a template with a real profile name or account id is committed.',
  ].join('\n');
}

/** Put `body` between the awsmcp markers of `file` (replacing an earlier section, else appending one). */
export function upsertSection(tree: Tree, file: string, body: string): void {
  const text = tree.read(file, 'utf-8') ?? '';
  const section = `${SECTION_START}\n${body}\n${SECTION_END}`;
  const start = text.indexOf(SECTION_START);
  const end = text.indexOf(SECTION_END);
  let next: string;
  if (start !== -1 && end > start) next = text.slice(0, start) + section + text.slice(end + SECTION_END.length);
  else next = `${text}${text === '' || text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n'}${section}\n`;
  if (next !== text) tree.write(file, next);
}
