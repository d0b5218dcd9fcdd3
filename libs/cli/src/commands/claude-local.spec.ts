// Claude Code local scope (issue 14 drift): `~/.claude.json` `projects["<path>"].mcpServers`.
// status shows other projects' local servers with their project; switch edits the current
// project's local entry (Claude Code prefers it to the project's .mcp.json) and no other project's.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StatusOutputSchema, SwitchOutputSchema } from '../schemas';
import { CANARY, makeHome, run, writeFile } from '../testing/demo-home';

jest.setTimeout(60_000);

const entry = (profile: string) => `{ "type": "stdio", "command": "uvx", "args": ["awslabs.eks-mcp-server@latest"], "env": { "AWS_PROFILE": "${profile}" } }`;
const claudeJson = (workspace: string, other: string, mine: string, theirs: string, user: string) =>
  `{\n  "numStartups": 12,\n  "mcpServers": {\n    "cw": ${entry(user)}\n  },\n  "projects": {\n    ${JSON.stringify(workspace)}: {\n      "allowedTools": [],\n      "mcpServers": {\n        "eks": ${entry(mine)}\n      }\n    },\n    ${JSON.stringify(other)}: {\n      "mcpServers": {\n        "eks-other": ${entry(theirs)}\n      }\n    }\n  }\n}\n`;

describe('Claude Code local scope', () => {
  it('status lists the local servers with their project; the current one is marked', async () => {
    const t = makeHome();
    const other = path.join(path.dirname(t.workspace), 'other-project');
    writeFile(t.home, '.claude.json', claudeJson(t.workspace, other, 'dev-sandbox', 'staging-eu', 'dev-sandbox'));
    const j = await run(t, ['status', '--json']);
    expect(j.code).toBe(0);
    const rows = StatusOutputSchema.parse(JSON.parse(j.stdout)).servers;
    expect(rows.find((r) => r.server === 'eks')).toMatchObject({ scope: 'local', project: t.workspace });
    expect(rows.find((r) => r.server === 'eks-other')).toMatchObject({ scope: 'local', project: other, profile: 'staging-eu' });
    expect(rows.find((r) => r.server === 'cw')?.project).toBeUndefined();
    const text = await run(t, ['status']);
    expect(text.stdout).toMatch(/eks\s+Claude Code\s+local \(this project\)/);
    expect(text.stdout).toContain(`local (${other})`);
    expect(text.stdout + j.stdout).not.toContain(CANARY);
  });

  it(".mcp.json's entry shadowed by this project's same-named local entry: status says so (--json: shadowedBy)", async () => {
    const t = makeHome();
    const other = path.join(path.dirname(t.workspace), 'other-project');
    writeFile(t.home, '.claude.json', claudeJson(t.workspace, other, 'dev-sandbox', 'dev-sandbox', 'dev-sandbox'));
    writeFile(t.workspace, '.mcp.json', `{\n  "mcpServers": {\n    "eks": ${entry('staging-eu')},\n    "eks-other": ${entry('staging-eu')}\n  }\n}\n`);
    const rows = StatusOutputSchema.parse(JSON.parse((await run(t, ['status', '--json'])).stdout)).servers;
    expect(rows.find((r) => r.server === 'eks' && r.scope === 'workspace')).toMatchObject({ shadowedBy: 'local' });
    // another project's local entry does not shadow this project's file
    expect(rows.find((r) => r.server === 'eks-other' && r.scope === 'workspace')?.shadowedBy).toBeUndefined();
    const text = await run(t, ['status']);
    expect(text.stdout).toMatch(/eks in \.mcp\.json is not what Claude Code runs here: this project's local entry of the same name comes first/);
  });

  it("switch (workspace scope) edits .mcp.json and the current project's local entry, nothing else", async () => {
    const t = makeHome();
    const other = path.join(path.dirname(t.workspace), 'other-project');
    const user = writeFile(t.home, '.claude.json', claudeJson(t.workspace, other, 'dev-sandbox', 'dev-sandbox', 'dev-sandbox'));
    const project = writeFile(t.workspace, '.mcp.json', `{\n  "mcpServers": {\n    "eks": ${entry('dev-sandbox')}\n  }\n}\n`);
    const r = await run(t, ['switch', 'staging-eu', '--json']);
    expect(r.code).toBe(0);
    const doc = SwitchOutputSchema.parse(JSON.parse(r.stdout));
    expect(doc.files.map((f) => [f.scope, f.project ?? null]).sort()).toEqual([['local', t.workspace], ['workspace', null]]);
    // only the current project's local entry changed in ~/.claude.json (the user-scope cw and the other project's stay)
    expect(fs.readFileSync(user, 'utf8')).toBe(claudeJson(t.workspace, other, 'staging-eu', 'dev-sandbox', 'dev-sandbox'));
    expect(fs.readFileSync(project, 'utf8')).toContain('"AWS_PROFILE": "staging-eu"');
    // --scope user reaches the other project and the user entry too
    expect((await run(t, ['switch', 'staging-eu', '--scope', 'user'])).code).toBe(0);
    expect(fs.readFileSync(user, 'utf8')).toBe(claudeJson(t.workspace, other, 'staging-eu', 'staging-eu', 'staging-eu'));
  });

  it("remove (workspace scope) removes the current project's local entry, not another project's", async () => {
    const t = makeHome();
    const other = path.join(path.dirname(t.workspace), 'other-project');
    const text = claudeJson(t.workspace, other, 'dev-sandbox', 'dev-sandbox', 'dev-sandbox').replace('"eks-other"', '"eks"');
    const user = writeFile(t.home, '.claude.json', text);
    const r = await run(t, ['remove', 'eks']);
    expect(r.code).toBe(0);
    const after = JSON.parse(fs.readFileSync(user, 'utf8'));
    expect(after.projects[t.workspace].mcpServers).toEqual({});
    expect(Object.keys(after.projects[other].mcpServers)).toEqual(['eks']);
    expect(after.numStartups).toBe(12);
    expect(r.stdout).toContain(`also in 1 entry outside workspace scope`);
  });
  it('switch (workspace scope) stops on a broken ~/.claude.json: it may hold this project\'s local entry', async () => {
    const t = makeHome();
    writeFile(t.home, '.claude.json', '{"projects": {');
    const project = writeFile(t.workspace, '.mcp.json', `{\n  "mcpServers": {\n    "eks": ${entry('dev-sandbox')}\n  }\n}\n`);
    const r = await run(t, ['switch', 'staging-eu']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('.claude.json:1:');
    expect(fs.readFileSync(project, 'utf8')).toContain('"AWS_PROFILE": "dev-sandbox"');
    expect((await run(t, ['switch', 'staging-eu', '--skip-broken'])).code).toBe(0);
    expect(fs.readFileSync(project, 'utf8')).toContain('"AWS_PROFILE": "staging-eu"');
  });
});
