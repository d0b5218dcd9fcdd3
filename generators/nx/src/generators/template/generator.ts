/**
 * `nx g @awsmcp/nx:template`: committed, placeholder-only templates of the workspace's MCP configs
 * (through the model's toTemplate: native variables where the host expands them), the .gitignore
 * lines, and the onboarding snippet. Every secret-looking value becomes a placeholder; a template holding
 * a real profile name, an account id, or a literal that may be a credential (without --allow-literal)
 * is refused.
 */
import * as path from 'node:path';
import { addServers, formatPath, parseHostConfig, TemplateSecretError, toServerSpec, toTemplate, type ServerEntry, type ServerSpec } from '@awsmcp/mcp-config-model';
import { buildKit, findKit, oneHostPerFile, type KitHost } from '@awsmcp/starter-kits';
import { formatFiles, generateFiles, logger, type Tree } from '@nx/devkit';
import { addGitignoreLines, gitignoreLines } from '../../lib/gitignore';
import { detectHosts, parseHosts, templateFileOf, workspaceFileOf, WORKSPACE_HOSTS } from '../../lib/hosts';
import { ONBOARDING_FILE, onboardingSnippet, upsertSection } from '../../lib/onboarding';
import { profileNames, readUserAws } from '../../lib/profiles';
import { findLeaks, formatLeaks } from '@awsmcp/starter-kits';
import { readUserKits } from '../kit/generator';
import type { TemplateGeneratorSchema } from './schema';

const PROFILE_SENTINEL = 'awsmcp-profile-placeholder';
const REGION_SENTINEL = 'awsmcp-region-placeholder';

interface Source {
  entries: (ServerEntry | ServerSpec)[];
  vars: Record<string, string>;
  /** Profile names and regions the source really uses. */
  profiles: string[];
  regions: string[];
}

/** The servers of the real workspace file, without our `_account` notes (the account id is not for git). */
function fromFile(tree: Tree, host: KitHost, file: string): Source {
  const doc = parseHostConfig(tree.read(file, 'utf-8')!, { file, host, strict: false });
  const entries = doc.servers.map((s) => {
    const extra = { ...s.extra };
    delete extra._account;
    return { ...s, extra };
  });
  return {
    entries,
    vars: {},
    profiles: doc.servers.flatMap((s) => s.aws.profiles.filter((p) => p.refs.length === 0).map((p) => p.value)),
    regions: doc.servers.flatMap((s) => s.aws.regions.filter((r) => r.refs.length === 0).map((r) => r.value)),
  };
}

function fromKit(tree: Tree, host: KitHost, kitName: string, readOnly: boolean): Source {
  const userKits = readUserKits(tree);
  const kit = findKit(kitName, userKits);
  const entries = buildKit(kit, { hosts: [host], profile: PROFILE_SENTINEL, region: REGION_SENTINEL, readOnly, userKits }).map((e) => e.spec);
  return { entries, vars: { AWS_PROFILE: PROFILE_SENTINEL, AWS_REGION: REGION_SENTINEL }, profiles: [], regions: [] };
}

export async function templateGenerator(tree: Tree, schema: TemplateGeneratorSchema): Promise<void> {
  const aws = readUserAws(process.env);
  const kitName = schema.kit?.trim() || undefined;
  const explicit = parseHosts(schema.hosts);
  // a file several hosts read (the repo-root .mcp.json) is templated once, for the first of them
  const hosts = oneHostPerFile(explicit ?? (kitName ? detectHosts(tree) : WORKSPACE_HOSTS.filter((h) => tree.exists(workspaceFileOf(h)!)))).hosts;
  if (hosts.length === 0) {
    throw new Error('nothing to template: no workspace MCP config exists yet. Run nx g @awsmcp/nx:kit <kit> first, or pass --kit <kit>');
  }
  const known = profileNames(aws.set);
  const written: string[] = [];
  const regions: string[] = [];
  for (const host of hosts) {
    const file = workspaceFileOf(host)!;
    const tpl = templateFileOf(file);
    if (!kitName && !tree.exists(file)) throw new Error(`${file} does not exist: run nx g @awsmcp/nx:kit <kit> --hosts ${host} first, or pass --kit <kit>`);
    const source = kitName ? fromKit(tree, host, kitName, schema.readOnly !== false) : fromFile(tree, host, file);
    regions.push(...source.regions);
    let t: ReturnType<typeof toTemplate>;
    try {
      t = toTemplate(source.entries, source.vars, { host, allowLiteral: schema.allowLiteral === true });
    } catch (e) {
      if (e instanceof TemplateSecretError) throw new Error(`refusing to write ${tpl}: ${e.message.replace(/ \(allowLiteral\)$/, '')}`);
      throw e;
    }
    for (const s of t.secrets) logger.info(`${tpl}: server "${s.server}" ${formatPath(s.path)}: a secret replaced by a placeholder (${s.reason})`);
    const leaks = findLeaks(t.text, tpl, host, [...known, ...source.profiles], aws.home).filter((l) => !(schema.allowLiteral && l.code === 'LITERAL_IN_TEMPLATE'));
    if (leaks.length > 0) throw new Error(`refusing to write ${tpl}: it would hold real values\n${formatLeaks(leaks)}`);
    const existing = tree.read(tpl, 'utf-8');
    if (existing === null || existing.trim() === '') {
      tree.write(tpl, t.text);
      logger.info(`${tpl}: written (${t.variables.length ? `placeholders ${t.variables.join(', ')}` : 'no placeholders needed'})`);
    } else {
      const specs = parseHostConfig(t.text, { file: tpl, host, strict: false }).servers.map((s) => toServerSpec(s));
      const r = addServers(existing, host, specs, { file: tpl, replace: true, ...(t.inputs.length ? { inputs: t.inputs } : {}) });
      if (r.changed) tree.write(tpl, r.text);
      logger.info(`${tpl}: ${r.changed ? `merged (${[...r.added, ...r.replaced].join(', ')})` : 'up to date'}`);
    }
    written.push(tpl);
  }

  if (schema.gitignore !== false) {
    const { added, folderIgnores } = addGitignoreLines(tree, gitignoreLines(hosts.map((h) => workspaceFileOf(h)!), templateFileOf));
    if (added.length) logger.info(`.gitignore: added ${added.join(', ')}`);
    for (const l of folderIgnores) logger.warn(`.gitignore ignores the folder '${l}': git cannot keep a template inside it; ignore the single files instead`);
  }

  const region = schema.region?.trim() || mostCommon(regions);
  const snippet = onboardingSnippet({ templates: written, ...(region ? { region } : {}) });
  const mode = schema.onboarding ?? 'docs';
  if (mode === 'docs') {
    generateFiles(tree, path.join(__dirname, 'files', 'docs'), path.dirname(ONBOARDING_FILE), { onboardingFile: path.basename(ONBOARDING_FILE), snippet });
    if (tree.exists('README.md')) {
      upsertSection(tree, 'README.md', `## AWS MCP servers\n\nOnboarding: \`npx @awsmcp/cli hydrate --profile <your-profile> --region ${region ?? '<region>'}\` (see [${ONBOARDING_FILE}](${ONBOARDING_FILE})).`);
    }
  } else if (mode === 'readme') {
    upsertSection(tree, 'README.md', `## AWS MCP servers\n\n${snippet}`);
  }
  if (!schema.skipFormat) await formatFiles(tree);
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

export default templateGenerator;
