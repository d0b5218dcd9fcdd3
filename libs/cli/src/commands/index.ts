/** Every command's definition, in the order `--help` lists them. One line per command. */
import type { CommandDefinition } from '../program';
import { defineDiscover } from './discover';
import { defineStatus } from './status';
import { defineSwitch } from './switch';
import { defineLogin } from './login';
import { defineHydrate } from './hydrate';
import { defineKit } from './kit';
import { defineDoctor } from './doctor';
import { defineTokens } from './tokens';
import { defineOrgScan } from './org-scan';
import { defineHosts } from './hosts';
import { defineCompletion } from './completion';
import { defineRemove } from './remove';

export const COMMANDS: CommandDefinition[] = [defineDiscover, defineStatus, defineSwitch, defineLogin, defineHydrate, defineKit, defineDoctor, defineTokens, defineOrgScan, defineHosts, defineCompletion, defineRemove];
