/**
 * leaks: a file meant for git must hold no real profile name, no account id and no
 * secret. The model's lint finds profiles and account ids where a profile or region is set; the
 * model's template-secrets finds secrets (the same function `toTemplate` replaces them with); the
 * plugin adds the names the engineer has configured, wherever they appear (an instance name such
 * as `eks-prod-eu` carries one). Used by planKit (inputs mode), the Nx template generator and the `mcp-check` executor.
 */
import { findTemplateSecrets, formatPath, getHost, lintText, parseHostConfig, type HostId } from '@awsmcp/mcp-config-model';

export interface Leak {
  /** SECRET_IN_TEMPLATE: a secret by name or shape; LITERAL_IN_TEMPLATE: a literal that may be one (--allow-literal keeps it). */
  code: 'REAL_PROFILE_IN_TEMPLATE' | 'ACCOUNT_ID_IN_TEMPLATE' | 'PROFILE_NAME_IN_TEMPLATE' | 'SECRET_IN_TEMPLATE' | 'LITERAL_IN_TEMPLATE';
  file: string;
  line?: number;
  column?: number;
  message: string;
}

const TEMPLATE_CODES = new Set(['REAL_PROFILE_IN_TEMPLATE', 'ACCOUNT_ID_IN_TEMPLATE']);

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

/**
 * Every leak in `text` (a template or a file to commit) for `host`: lint's template findings, plus
 * any of `profiles` used as a value, inside a value as a whole word, or as an instance-name suffix.
 * `default` is not a secret and is never reported.
 */
export function findLeaks(text: string, file: string, host: HostId, profiles: Iterable<string>, home: string): Leak[] {
  const leaks: Leak[] = lintText(text, { file, host, template: true }, { home })
    .filter((f) => TEMPLATE_CODES.has(f.code))
    .map((f) => ({ code: f.code as Leak['code'], file, ...(f.line !== undefined ? { line: f.line } : {}), ...(f.column !== undefined ? { column: f.column } : {}), message: `${f.message} (${f.fix})` }));
  const names = [...new Set(profiles)].filter((n) => n && n !== 'default');
  let servers;
  try {
    servers = parseHostConfig(text, { file, host, strict: false, home }).servers;
  } catch {
    return leaks; // a file that does not parse: lint has said why
  }
  for (const s of servers) {
    for (const f of findTemplateSecrets(s, getHost(host))) {
      leaks.push({
        code: f.kind === 'secret' ? 'SECRET_IN_TEMPLATE' : 'LITERAL_IN_TEMPLATE',
        file,
        line: s.location.line,
        column: s.location.column,
        message: `server "${s.name}": ${formatPath(f.path)} ${f.kind === 'secret' ? `holds a secret (${f.reason})` : 'holds a long random-looking literal that may be a credential'}; a committed file must use a \${NAME} placeholder`,
      });
    }
  }
  if (names.length === 0) return leaks;
  for (const s of servers) {
    // values set as the profile itself are lint's findings above; look everywhere else
    const profileValues = new Set(s.aws.profiles.map((p) => p.value));
    const values = strings([s.command, s.args, s.env, s.envFile, s.url, s.headers, s.extra]).filter((v) => !profileValues.has(v));
    for (const name of names) {
      const word = new RegExp(`(?<![A-Za-z0-9._-])${escapeRegex(name)}(?![A-Za-z0-9._-])`);
      const inName = s.name === name || s.name.endsWith(`-${name}`);
      if (inName || values.some((v) => word.test(v))) {
        leaks.push({
          code: 'PROFILE_NAME_IN_TEMPLATE',
          file,
          line: s.location.line,
          column: s.location.column,
          message: `server "${s.name}": the configured profile name "${name}" appears in ${inName ? 'the server name' : 'a value'}; a committed file must use placeholders (and single-account names)`,
        });
      }
    }
  }
  return leaks;
}

export function formatLeaks(leaks: readonly Leak[]): string {
  return leaks.map((l) => `  ${l.file}${l.line !== undefined ? `:${l.line}:${l.column ?? 1}` : ''}: ${l.message}`).join('\n');
}
