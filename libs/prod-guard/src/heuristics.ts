/**
 * heuristics: what environment a profile NAME says, from its tokens (never from substrings:
 * `product-analytics` is not prod, `delivery` is not live), plus what a role name says about access.
 */
import type { Environment } from './schema';

/**
 * Split a name into lower-cased tokens: on every character that is not a letter or digit
 * (`-`, `_`, `.`, `/`, `:`, `@`, `+`, `%`, spaces), between letters and digits, and on camelCase
 * (`acmeProdReadOnly` -> acme, prod, read, only; `ACMEProd` -> acme, prod).
 */
export function tokenize(name: string): string[] {
  // A scanner with exactly the result of splitting on /[^A-Za-z0-9]+/ and matching each part with
  // /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g (a test compares both), without their allocations.
  const tokens: string[] = [];
  const n = name.length;
  let i = 0;
  while (i < n) {
    const k = charKind(name.charCodeAt(i));
    if (k === OTHER) {
      i++;
      continue;
    }
    let j = i + 1;
    if (k === UPPER) {
      while (j < n && charKind(name.charCodeAt(j)) === UPPER) j++;
      if (j < n && charKind(name.charCodeAt(j)) === LOWER) {
        // an upper-case run before a lower-case letter: the run but its last letter is one word
        // (`ACMEProd` -> acme, prod), a single capital starts the lower-case word (`Prod`)
        if (j - i >= 2) j--;
        else while (j < n && charKind(name.charCodeAt(j)) === LOWER) j++;
      }
    } else {
      while (j < n && charKind(name.charCodeAt(j)) === k) j++;
    }
    tokens.push(name.slice(i, j).toLowerCase());
    i = j;
  }
  return tokens;
}

const OTHER = 0;
const UPPER = 1;
const LOWER = 2;
const DIGIT = 3;

function charKind(c: number): number {
  if (c >= 97 && c <= 122) return LOWER;
  if (c >= 65 && c <= 90) return UPPER;
  if (c >= 48 && c <= 57) return DIGIT;
  return OTHER;
}

/** Single tokens -> environment. */
export const ENV_TOKENS: Readonly<Record<string, Environment>> = Object.freeze(
  // no prototype: a word like `constructor` or `toString` is not an environment
  Object.assign(Object.create(null) as Record<string, Environment>, {
  prod: 'prod',
  production: 'prod',
  prd: 'prod',
  live: 'prod',
  stg: 'staging',
  staging: 'staging',
  stage: 'staging',
  preprod: 'staging',
  preproduction: 'staging',
  uat: 'staging',
  dev: 'dev',
  development: 'dev',
  sandbox: 'sandbox',
  sbx: 'sandbox',
  playground: 'sandbox',
  security: 'shared-services',
  shared: 'shared-services',
  sharedservices: 'shared-services',
  audit: 'shared-services',
  log: 'shared-services',
  logs: 'shared-services',
  logging: 'shared-services',
  network: 'shared-services',
  networking: 'shared-services',
}),
);

/** Tokens that say "not production" outright. */
const NON_PROD_TOKENS = new Set(['nonprod', 'nonproduction', 'notprod', 'nonprd']);
const PROD_WORDS = new Set(['prod', 'production', 'prd']);
const PROD_LIKE = /prod|prd/;

/**
 * A prod word glued to another word, without a separator or a case change: `acmeprod`, `myprod`,
 * `prodeu`, `prdeu`, `PRODeu`, `acmeprodeuwest`. The prod word must END the token, or be followed
 * only by region / geography fragments (`eu`, `us`, `apac`, `west`, ...): that keeps `product`,
 * `prodigy`, `produce`, `reproduce`, `productivity` what they are. A glued `non` / `not` before it
 * means not production (`nonprodeu`); a glued `pre` means staging (`preprodeu`); `re` is left alone
 * (`reprod` is short for reproduce).
 */
const GEO = '(?:eu|us|uk|ap|apac|emea|amer|latam|na|sa|ca|au|jp|de|fr|in|cn|br|me|af|il|kr|sg|hk|gov|global|east|west|north|south|central|ne|nw|se|sw)';
const GLUED_PROD = new RegExp(`^([a-z0-9]*?)(production|prod|prd)(${GEO}*)$`);

/** What a glued token says: prod, staging (`pre` + prod), not-prod (`non` + prod), or nothing. */
export function gluedProd(token: string): 'prod' | 'staging' | 'nonprod' | undefined {
  const m = GLUED_PROD.exec(token.toLowerCase());
  if (!m) return undefined;
  const [, before, , after] = m;
  if (before === '' && after === '') return 'prod'; // a plain prod word (callers look these up first)
  if (/(?:non|not)$/.test(before)) return 'nonprod';
  if (/pre$/.test(before)) return 'staging';
  if (before === 're') return undefined;
  return 'prod';
}

/** When several environments match, the first in this order wins (the safest reading first). */
export const ENV_PRIORITY: readonly Environment[] = ['prod', 'staging', 'sandbox', 'dev', 'shared-services'];

export interface TokenMatch {
  token: string;
  env: Environment;
}

export interface EnvDetection {
  name: string;
  /** The environment the name says, if any. */
  env?: Environment;
  tokens: string[];
  /** Every token that named an environment (compounds like `non-prod` joined to one token). */
  matches: TokenMatch[];
  /** Tokens that look like prod but are not (`product`, `nonprod`, `prodigy`, ...). */
  notProd: string[];
  /** True when the name says "not production" outright (`nonprod`, `non-prod`, `NonProd`). */
  nonProd: boolean;
  /** One sentence: what decided. */
  reason: string;
}

function joinCompounds(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if ((t === 'non' || t === 'not' || t === 'pre') && next !== undefined && PROD_WORDS.has(next)) {
      out.push(t === 'pre' ? (next === 'production' ? 'preproduction' : 'preprod') : t === 'not' ? 'notprod' : next === 'production' ? 'nonproduction' : 'nonprod');
      i++;
    } else if (t === 'shared' && next === 'services') {
      out.push('sharedservices');
      i++;
    } else {
      out.push(t);
    }
  }
  return out;
}

function quoteList(tokens: string[]): string {
  return tokens.map((t) => `"${t}"`).join(', ');
}

/** The environment a profile name (or a role name, or a custom label) says, with the evidence. */
export function detectEnv(name: string): EnvDetection {
  const tokens = joinCompounds(tokenize(name));
  const matches: TokenMatch[] = [];
  const notProd: string[] = [];
  let nonProd = false;
  const nonProdWords: string[] = [];
  const glued = (token: string): boolean => {
    const g = gluedProd(token);
    if (g === 'prod' || g === 'staging') matches.push({ token, env: g });
    else if (g === 'nonprod') {
      nonProd = true;
      notProd.push(token);
      nonProdWords.push(token);
    }
    return g !== undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const env = ENV_TOKENS[token];
    if (env !== undefined) {
      matches.push({ token, env });
    } else if (NON_PROD_TOKENS.has(token)) {
      nonProd = true;
      notProd.push(token);
      nonProdWords.push(token);
    } else if (PROD_LIKE.test(token) && !glued(token)) {
      notProd.push(token);
    }
  }
  // a part whose case split cut a prod word in two (`PRODeu` -> "pro", "deu"): read it whole
  if (matches.length === 0 && !nonProd && PROD_LIKE.test(name.toLowerCase())) {
    for (const part of name.split(/[^A-Za-z0-9]+/)) {
      const lower = part.toLowerCase();
      if (!PROD_LIKE.test(lower) || tokens.includes(lower)) continue;
      if (ENV_TOKENS[lower] !== undefined) matches.push({ token: lower, env: ENV_TOKENS[lower] });
      else glued(lower);
    }
  }
  const found = matches.length === 0 ? undefined : ENV_PRIORITY.find((env) => matches.some((m) => m.env === env));
  let reason: string;
  if (found !== undefined) {
    const deciding = matches.filter((m) => m.env === found).map((m) => m.token);
    const others = matches.filter((m) => m.env !== found);
    const gluedWord = deciding.some((t) => ENV_TOKENS[t] === undefined);
    reason = `name token ${quoteList(deciding)}${gluedWord ? ' (a prod word glued to another word)' : ''} means ${found}`;
    if (others.length > 0) reason += ` (also ${others.map((m) => `"${m.token}" -> ${m.env}`).join(', ')}; ${found} wins)`;
  } else if (nonProd) {
    reason = `name token ${quoteList(nonProdWords)} means not production`;
  } else if (notProd.length > 0) {
    reason = `no environment word in the name (${quoteList(notProd)} is not "prod")`;
  } else {
    reason = 'no environment word in the name';
  }
  const result: EnvDetection = { name, tokens, matches, notProd, nonProd, reason };
  if (found !== undefined) result.env = found;
  return result;
}

export type RoleAccess = 'read-only' | 'admin' | 'power-user' | 'deploy' | 'unknown';

export interface RoleHint {
  role: string;
  access: RoleAccess;
  /** One sentence for a `# detected:` comment or a reason. */
  note: string;
}

/**
 * What a role or permission-set name says about access. Evidence only: a read-only role does not
 * change the environment (a ReadOnlyAccess profile in a prod account is still prod).
 */
export function roleHint(role: string): RoleHint {
  const t = tokenize(role);
  const joined = t.join('');
  const has = (w: string) => t.includes(w);
  let access: RoleAccess = 'unknown';
  if (joined.includes('readonly') || joined.includes('viewonly') || has('readonlyaccess') || joined === 'securityaudit' || has('auditor') || has('viewer') || has('reader')) {
    access = 'read-only';
  } else if (has('admin') || has('administrator') || joined.includes('administratoraccess') || joined === 'organizationaccountaccessrole') {
    access = 'admin';
  } else if (joined.includes('poweruser')) {
    access = 'power-user';
  } else if (has('deploy') || has('deployer') || has('deployment') || has('cicd') || has('ci') || has('write') || has('writer')) {
    access = 'deploy';
  }
  const note =
    access === 'read-only'
      ? `role ${role} is read-only (does not change the environment)`
      : access === 'unknown'
        ? `role ${role}`
        : `role ${role} can write (${access}); prefer a ReadOnlyAccess permission set for MCP servers`;
  return { role, access, note };
}
