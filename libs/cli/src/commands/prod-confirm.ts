/**
 * prod-confirm: the prod guard with a real confirmation. In a terminal (stdin and stdout), a
 * production profile is confirmed by typing its name at a prompt; without one (or under --json)
 * the guard refuses (exit 3) unless --confirm. Every command that writes a profile (switch, kit,
 * hydrate) calls `confirmGuard`; a profile confirmed once is not asked again in the same run.
 */
import { evaluateGuard, guard, ProdGuardError, type GuardAction, type GuardContext, type GuardResult } from '@awsmcp/prod-guard';
import type { CliContext } from '../context';

export interface ProdConfirmation {
  /** Profiles confirmed at the prompt during this run. */
  confirmed: Set<string>;
}

export function prodConfirmation(): ProdConfirmation {
  return { confirmed: new Set() };
}

/**
 * `guard(action, context)`, but a refusal that only needs a confirmation (PROD_NEEDS_CONFIRM: a
 * terminal, no --confirm) asks for it: the user types the profile name (anything else, or end of
 * input, keeps the refusal). Refusals no confirmation lifts (writes enabled on prod, a user-scope
 * file) are thrown as they are.
 */
export async function confirmGuard(ctx: CliContext, action: GuardAction, context: GuardContext, state: ProdConfirmation): Promise<GuardResult> {
  const canAsk = ctx.canPrompt && !ctx.json;
  const base: GuardContext = { ...context, isTTY: canAsk && context.isTTY !== false };
  const first = evaluateGuard(action, base);
  const refusal = first.refusals[0];
  if (!refusal || refusal.code !== 'PROD_NEEDS_CONFIRM') return guard(action, base);
  const profile = refusal.profile;
  if (state.confirmed.has(profile)) return guard(action, { ...base, confirm: true });
  const subject = refusal.message.replace(/\s*Confirm that you mean production:.*$/, '').replace(/\.$/, '');
  const answer = await ctx.ask(`${subject}.\nType the profile name (${profile}) to confirm production, or press Enter to cancel: `);
  if (answer !== undefined && answer.trim() === profile) {
    state.confirmed.add(profile);
    return guard(action, { ...base, confirm: true });
  }
  throw new ProdGuardError('PROD_NEEDS_CONFIRM', `${subject}: not confirmed${answer === undefined ? ' (no answer)' : ''}. Nothing was written.`, {
    profile,
    reason: refusal.reason,
    fix: 'type the profile name at the prompt, or re-run with --confirm',
    ...(refusal.server !== undefined ? { server: refusal.server } : {}),
  });
}
