/** `awsmcp login <profile> [--exec]`. */
import { spawn } from 'node:child_process';
import { classifyProfile, loadProfiles } from '@awsmcp/aws-config-parser';
import { inspectProfiles } from '@awsmcp/credential-cache-inspector';
import type { CliContext } from '../context';
import { CliError, EXIT } from '../errors';
import { printJson } from '../output/json';
import { style } from '../output/style';
import { formatTtl, loginArgv, unknownProfileMessage } from './shared';

export async function login(ctx: CliContext, options: Record<string, unknown>, args: string[]): Promise<number> {
  const name = args[0] ?? ctx.env.AWS_PROFILE;
  if (!name) throw new CliError('login: no profile given and AWS_PROFILE is not set', EXIT.USAGE, 'awsmcp login <profile> (see awsmcp discover for the names)', 'USAGE');
  const profiles = loadProfiles({ env: ctx.libEnv, tolerant: true, platform: ctx.platform });
  const profile = profiles.profiles[name];
  if (!profile) {
    const { message, hint } = unknownProfileMessage(name, Object.keys(profiles.profiles), profiles.files.config);
    throw new CliError(message, EXIT.USAGE, hint, 'UNKNOWN_PROFILE');
  }
  const kind = classifyProfile(profile, profiles).kind;
  const [status] = inspectProfiles(profiles, { home: ctx.home, env: ctx.libEnv, now: ctx.now, profiles: [name] });
  // for a role chain the command logs in the source; say which
  const via = status.source && status.source.profile !== name && status.command === status.source.command ? status.source.profile : undefined;
  const command = status.command;
  const result = {
    profile: name,
    kind,
    ...(command ? { loginCommand: command } : {}),
    ...(via ? { via } : {}),
    status: status.status,
    light: status.light,
    reason: status.reason,
    nextStep: status.nextStep,
  };
  const st = style(ctx);
  if (!options.exec) {
    if (ctx.json) printJson(ctx, 'login', result);
    else if (command) {
      ctx.out(command);
      if (via) ctx.err(st.dim(`(${name} assumes a role from ${via}: log in to the source first)`));
    } else ctx.out(`no login command for ${name} (${kind}): ${status.nextStep}`);
    return EXIT.OK;
  }
  if (!command) throw new CliError(`no login flow for ${name} (${kind})`, EXIT.FAILURE, status.nextStep, 'NO_LOGIN_FLOW');
  const [program, ...rest] = loginArgv(command);
  if (!ctx.json) ctx.err(st.dim(`$ ${command}`));
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(program, rest, { stdio: 'inherit', shell: false, env: ctx.libEnv as NodeJS.ProcessEnv });
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(new CliError(e.code === 'ENOENT' ? `${program} is not installed (not on PATH)` : `${program} failed to start: ${e.message}`, EXIT.FAILURE, program === 'aws' ? 'install the AWS CLI v2: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html' : program === 'assume' ? 'install Granted: https://docs.commonfate.io/granted/getting-started' : undefined, 'LOGIN_NOT_INSTALLED')),
    );
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 130 : 1)));
  });
  const [after] = inspectProfiles(loadProfiles({ env: ctx.libEnv, tolerant: true, platform: ctx.platform }), { home: ctx.home, env: ctx.libEnv, now: ctx.now, profiles: [name] });
  if (ctx.json) printJson(ctx, 'login', { ...result, exec: { exitCode: code }, after: { status: after.status, light: after.light, expiresAt: after.expiresAt, ttlSeconds: after.ttlSeconds, refreshesItself: after.refreshesItself } });
  else ctx.out(`${st.light(after.light)} ${name}: ${after.status}${after.ttlSeconds !== undefined ? `, ${formatTtl(after.ttlSeconds, after.refreshesItself)}` : ''} — ${after.nextStep}`);
  return code === 0 ? EXIT.OK : EXIT.FAILURE;
}
