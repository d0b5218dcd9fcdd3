/** `awsmcp org-scan`: the organization's accounts against the configured profiles and env tags. */
import { loadProfiles } from '@awsmcp/aws-config-parser';
import { defaultTagsPath, readTags } from '@awsmcp/prod-guard';
import type { CliContext } from '../context';
import { CliError, EXIT } from '../errors';
import { classifyAwsError, regionFor } from '../doctor/aws';
import { backupRoot } from '@awsmcp/mcp-config-model';
import { appendProfiles, generateProfiles, type WriteResult } from '../org/generate';
import { joinAccounts, listAccounts } from '../org/scan';
import { OrgScanJsonSchema, type Generated, type OrgScanJson } from '../org/schema';
import { printJson } from '../output/json';
import { progress } from '../output/progress';
import { style } from '../output/style';
import { safe } from '../output/safe';
import { renderTable } from '../output/table';
import { parseTimeout } from './doctor.run';
import { reportDiagnostics } from './shared';

function explain(e: unknown, profile: string): CliError {
  if (e instanceof CliError) return e;
  const p = classifyAwsError(e);
  switch (p.kind) {
    case 'access-denied':
      return new CliError(
        `ListAccounts was denied for profile '${profile}': this needs the management or a delegated admin account`,
        EXIT.FAILURE,
        'use a profile in the organization\'s management account, or in an account registered as delegated administrator, whose role allows organizations:ListAccounts',
        'ACCESS_DENIED',
      );
    case 'not-in-use':
      return new CliError(`the account of profile '${profile}' is not in an AWS organization`, EXIT.FAILURE, 'use a profile in the management account of your organization', 'NOT_IN_ORGANIZATION');
    case 'sso-expired':
    case 'expired-token':
      return new CliError(`the credentials of profile '${profile}' expired`, EXIT.FAILURE, `run \`awsmcp login ${profile}\` (or \`awsmcp doctor --profile ${profile}\`)`, 'EXPIRED');
    case 'no-credentials':
    case 'invalid-credentials':
      return new CliError(`profile '${profile}' yields no valid credentials: ${p.code}: ${p.message}`, EXIT.FAILURE, `check it with \`awsmcp doctor --profile ${profile}\``, 'NO_CREDENTIALS');
    case 'network':
    case 'timeout':
      return new CliError(`AWS Organizations cannot be reached: ${p.message}`, EXIT.FAILURE, 'check the network, a proxy (HTTPS_PROXY) or AWS_ENDPOINT_URL', 'NETWORK');
    default:
      return new CliError(`ListAccounts failed: ${p.code}: ${p.message}`, EXIT.FAILURE, `run \`aws organizations list-accounts --profile ${profile}\` to see the same error`, 'AWS_ERROR');
  }
}

async function confirm(ctx: CliContext, question: string): Promise<boolean> {
  const readline = require('node:readline') as typeof import('node:readline');
  const rl = readline.createInterface({ input: process.stdin, output: ctx.stderr as NodeJS.WritableStream });
  try {
    const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

export async function orgScan(ctx: CliContext, options: Record<string, unknown>): Promise<number> {
  const profile = (options.profile as string | undefined) || ctx.env.AWS_PROFILE || 'default';
  const timeoutMs = parseTimeout(options.timeout, 30);
  // 20 is the API's maximum (and what the AWS CLI asks for); smaller pages only make more calls
  const pageSize = options.pageSize !== undefined ? Number(options.pageSize) : 20;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 20) {
    throw new CliError(`--page-size must be a whole number from 1 to 20, got '${String(options.pageSize)}'`, EXIT.USAGE, undefined, 'USAGE');
  }
  const write = options.write === true;
  const generate = write || options.generateProfiles === true;
  const set = loadProfiles({ env: ctx.libEnv, tolerant: true, platform: ctx.platform });
  reportDiagnostics(ctx, set.diagnostics);
  if (!set.profiles[profile] && profile !== 'default') {
    throw new CliError(`profile '${profile}' is not defined in ${set.files.config} or ${set.files.credentials}`, EXIT.USAGE, 'pass --profile with a profile of the management account (`awsmcp discover` lists them)', 'UNKNOWN_PROFILE');
  }
  const tags = readTags(defaultTagsPath(ctx.libEnv));
  const st = style(ctx);
  const bar = progress(ctx);

  bar.start(`org-scan: ListAccounts as ${profile}`);
  let listed;
  try {
    listed = await listAccounts(ctx, { profile, region: regionFor(ctx, set, profile) }, {
      timeoutMs,
      pageSize,
      onPage: (page, count) => bar.update(`org-scan: ListAccounts page ${page + 1} (${count} accounts so far)`),
    });
  } catch (e) {
    bar.stop();
    throw explain(e, profile);
  }
  bar.stop();

  const { accounts, stray } = joinAccounts(listed.accounts, set, tags);
  accounts.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  let generated: Generated | undefined;
  if (generate) {
    generated = generateProfiles(accounts, set, {
      ...(options.role ? { roleName: String(options.role) } : {}),
      ...(options.ssoSession ? { ssoSession: String(options.ssoSession) } : {}),
      ...(options.region ? { region: String(options.region) } : {}),
      ...(options.ssoStartUrl ? { startUrl: String(options.ssoStartUrl) } : {}),
      ...(options.ssoRegion ? { ssoRegion: String(options.ssoRegion) } : {}),
      ...(options.prefix ? { prefix: String(options.prefix) } : {}),
    });
  }

  let written: WriteResult | undefined;
  const configFile = set.files.config!;
  if (write && generated && generated.profiles.length > 0) {
    let ok = options.yes === true;
    if (!ok) {
      if (!ctx.canPrompt) {
        throw new CliError(`--write would append ${generated.profiles.length} profiles to ${configFile}: confirm with --yes (no terminal to ask)`, EXIT.USAGE, 'review them first with --generate-profiles', 'CONFIRMATION_NEEDED');
      }
      ctx.err(generated.text.trimEnd());
      ok = await confirm(ctx, `append these ${generated.profiles.length} profiles to ${configFile}? [y/N] `);
      if (!ok) {
        ctx.err('nothing written');
        return EXIT.FAILURE;
      }
    }
    written = await appendProfiles(configFile, generated, backupRoot({ env: ctx.libEnv, home: ctx.home }));
  }

  const report: OrgScanJson = {
    schemaVersion: 1,
    command: 'org-scan',
    profile,
    pages: listed.pages,
    accounts,
    summary: {
      accounts: accounts.length,
      withProfile: accounts.filter((a) => a.profiles.length > 0).length,
      withoutProfile: accounts.filter((a) => a.profiles.length === 0).length,
      prod: accounts.filter((a) => a.prod).length,
    },
    strayProfiles: stray,
    ...(generated ? { generated } : {}),
    ...(written ? { written } : {}),
  };
  if (ctx.json) {
    const { schemaVersion: _v, command: _c, ...data } = OrgScanJsonSchema.parse(report);
    printJson(ctx, 'org-scan', data);
    return EXIT.OK;
  }

  const summary = `${report.summary.accounts} accounts (${listed.pages} page${listed.pages === 1 ? '' : 's'}): ${report.summary.withProfile} with a profile, ${report.summary.withoutProfile} without${report.summary.prod > 0 ? `, ${report.summary.prod} prod` : ''}`;
  if (generated) {
    // stdout holds only the config text, so that it can be redirected; everything else on stderr
    const est = style({ color: ctx.color && ctx.stderr.isTTY === true });
    ctx.err(est.dim(summary));
    if (generated.profiles.length === 0) {
      ctx.err('every ACTIVE account already has a profile: nothing to generate');
    } else if (!written) {
      ctx.out(`# generated by awsmcp org-scan: ${generated.profiles.length} accounts without a profile, sso-session ${generated.ssoSession}${generated.basedOn ? ` (as in profile ${generated.basedOn})` : ''}, role ${generated.roleName}`);
      ctx.out(generated.text.trimEnd());
      ctx.err(est.dim(`append with: awsmcp org-scan --profile ${profile} --generate-profiles --write${options.role ? ` --role ${String(options.role)}` : ''}`));
    }
    if (written) {
      ctx.err(written.changed ? `appended ${written.profiles.length} profiles to ${written.file}${written.backup ? ` (backup: ${written.backup})` : ''}` : `${written.file} already has these profiles: nothing written`);
      if (written.profiles.length > 0) ctx.err(`sign in once with: aws sso login --sso-session ${generated.ssoSession}`);
    }
    return EXIT.OK;
  }

  const lines = renderTable(
    accounts,
    [
      { header: 'ACCOUNT', value: (a) => safe(a.id) },
      { header: 'NAME', value: (a) => safe(a.name) },
      { header: 'STATUS', value: (a) => (a.status === 'ACTIVE' ? a.status : st.yellow(safe(a.status))) },
      { header: 'ENV', value: (a) => (a.prod ? st.red(a.env ?? 'prod') : (a.env ?? '')) + (a.env && a.envSource !== 'tag' ? st.dim('?') : '') },
      { header: 'PROFILES', value: (a) => (a.profiles.length > 0 ? a.profiles.map((p) => safe(p.name)).join(', ') : st.dim('-')) },
    ],
    st.bold,
  );
  for (const l of lines) ctx.out(l);
  ctx.out('');
  ctx.out(summary);
  for (const s of stray) ctx.out(st.yellow(`profile ${safe(s.profile)} names account ${safe(s.accountId)}, which is not in this organization`));
  if (report.summary.withoutProfile > 0) ctx.out(st.dim(`--generate-profiles prints ready [profile] stanzas for the ${report.summary.withoutProfile} accounts without one`));
  return EXIT.OK;
}
