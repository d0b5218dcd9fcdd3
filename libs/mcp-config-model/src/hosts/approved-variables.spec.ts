import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readApprovedVariables } from './approved-variables';

function home(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-kiro-approved-'));
}
function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

describe("Kiro's approved variables (kiroAgent.mcpApprovedEnvVars)", () => {
  it('none: no settings file holds the setting', () => {
    const h = home();
    expect(readApprovedVariables({ home: h, env: {}, platform: 'linux' })).toBeUndefined();
    write(path.join(h, '.kiro/settings/cli.json'), '{ "chat.defaultModel": "x" }');
    expect(readApprovedVariables({ home: h, env: {}, platform: 'linux' })).toBeUndefined();
  });

  it('the Kiro CLI file (flat key, comments) and the IDE user settings (nested key): the union, sorted', () => {
    const h = home();
    const cli = path.join(h, '.kiro/settings/cli.json');
    const ide = path.join(h, '.config/Kiro/User/settings.json');
    write(cli, '// kiro cli\n{ "kiroAgent.mcpApprovedEnvVars": ["AWS_REGION", "GITHUB_TOKEN"], }\n');
    write(ide, '{ "kiroAgent": { "mcpApprovedEnvVars": ["AWS_PROFILE", "AWS_REGION"] } }');
    expect(readApprovedVariables({ home: h, env: {}, platform: 'linux' })).toEqual({ variables: ['AWS_PROFILE', 'AWS_REGION', 'GITHUB_TOKEN'], files: [cli, ide] });
  });

  it('XDG_CONFIG_HOME moves the IDE settings; an unreadable or broken file is skipped', () => {
    const h = home();
    const xdg = path.join(h, 'xdg');
    write(path.join(xdg, 'Kiro/User/settings.json'), '{ "kiroAgent.mcpApprovedEnvVars": ["AWS_PROFILE"] }');
    write(path.join(h, '.kiro/settings/cli.json'), '{ "kiroAgent.mcpApprovedEnvVars": [');
    expect(readApprovedVariables({ home: h, env: { XDG_CONFIG_HOME: xdg }, platform: 'linux' })).toEqual({ variables: ['AWS_PROFILE'], files: [path.join(xdg, 'Kiro/User/settings.json')] });
  });
});
