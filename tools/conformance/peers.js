#!/usr/bin/env node
// Runs the 65 profile-parser vectors through two popular peers with a straightforward adapter,
// to measure how often they agree with the SDKs (the reason we wrote our own parser; see
// docs/decisions/0001-own-profile-parser.md). Usage: node tools/conformance/peers.js
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const ini = require('ini');
const smithy = require('@smithy/shared-ini-file-loader');

const cases = JSON.parse(fs.readFileSync(path.join(__dirname, 'profile-parser-tests.json'), 'utf8')).tests;

function viaIni(input) {
  const profiles = {};
  const ssoSessions = {};
  const cfg = ini.parse(input.configFile ?? '');
  for (const [section, props] of Object.entries(cfg)) {
    if (typeof props !== 'object') continue;
    let m;
    if (section === 'default') profiles.default = { ...props };
    else if ((m = /^profile\s+(.+)$/.exec(section))) profiles[m[1].trim()] = { ...(profiles[m[1].trim()] ?? {}), ...props };
    else if ((m = /^sso-session\s+(.+)$/.exec(section))) ssoSessions[m[1].trim()] = { ...props };
  }
  const creds = ini.parse(input.credentialsFile ?? '');
  for (const [section, props] of Object.entries(creds)) {
    if (typeof props !== 'object') continue;
    profiles[section.trim()] = { ...(profiles[section.trim()] ?? {}), ...props };
  }
  return { profiles, ssoSessions };
}

let n = 0;
async function viaSmithy(input) {
  n++;
  const cfg = `/virtual/config-${n}`;
  const cred = `/virtual/credentials-${n}`;
  smithy.externalDataInterceptor.interceptFile(cfg, input.configFile ?? '');
  smithy.externalDataInterceptor.interceptFile(cred, input.credentialsFile ?? '');
  const merged = await smithy.parseKnownFiles({ filepath: cred, configFilepath: cfg, ignoreCache: true });
  const sso = await smithy.loadSsoSessionData({ configFilepath: cfg, ignoreCache: true });
  return { profiles: merged, ssoSessions: sso };
}

async function agreement(name, run) {
  let agree = 0;
  for (const c of cases) {
    let got;
    let threw = false;
    try {
      got = await run(c.input);
    } catch {
      threw = true;
    }
    const want = c.output;
    const ok = want.errorContaining !== undefined
      ? threw
      : !threw && util.isDeepStrictEqual(JSON.parse(JSON.stringify(got.profiles)), want.config.profiles) &&
        (!want.config.sso_sessions || util.isDeepStrictEqual(JSON.parse(JSON.stringify(got.ssoSessions)), want.config.sso_sessions));
    if (ok) agree++;
  }
  console.log(`${name.padEnd(34)} agrees with ${agree} of ${cases.length} vectors`);
  return agree;
}

(async () => {
  await agreement('ini', viaIni);
  await agreement('@smithy/shared-ini-file-loader', viaSmithy);
})();
