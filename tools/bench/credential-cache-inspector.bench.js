// Benchmark: @awsmcp/credential-cache-inspector on a generated home with 5,000 profiles and 2,000
// cache files (SSO tokens, SSO role credentials, assume-role credentials, aws login sessions).
// Prints the time of inspectProfiles alone (median of repeated runs, each one a fresh inspection
// that reads the files again) and of load + inspect, and checks that each file is read at most once.
// Run through `npm run bench` (which builds first): the packages resolve to their built dist.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { inspectProfiles } = require('@awsmcp/credential-cache-inspector');
const { generateHome, measure } = require('./lib');
const { loadProfiles } = require('@awsmcp/aws-config-parser');

const PROFILES = 5000;
const CACHE_FILES = 2000;

function main() {
  const { home, files, profiles } = generateHome();
  try {
    const set = loadProfiles({ home });
    const count = Object.keys(set.profiles).length;
    if (count !== PROFILES || files !== CACHE_FILES) throw new Error(`generated ${count} profiles (${profiles} written) / ${files} files, expected ${PROFILES} / ${CACHE_FILES}`);

    // the first inspection in a fresh process (cold JIT, cold caches), as a CLI run would see it
    const coldStart = performance.now();
    inspectProfiles(set, { home });
    const coldMs = performance.now() - coldStart;

    const reads = new Map();
    const result = inspectProfiles(set, {
      home,
      readFile: (file) => {
        reads.set(file, (reads.get(file) ?? 0) + 1);
        return fs.readFileSync(file);
      },
    });
    const maxReads = Math.max(...reads.values());
    const lights = result.reduce((acc, s) => ((acc[s.light] = (acc[s.light] ?? 0) + 1), acc), {});

    const inspectMs = measure(() => inspectProfiles(set, { home }));
    const endToEndMs = measure(() => inspectProfiles(loadProfiles({ home }), { home }), { runs: 9, warmup: 2 });
    const memory = process.memoryUsage().heapUsed / 1024 / 1024;

    console.log(`input: ${count} profiles, ${files} cache files (${reads.size} distinct paths looked up)`);
    console.log(`inspect ${PROFILES} profiles / ${CACHE_FILES} cache files: ${inspectMs.toFixed(1)} ms`);
    console.log(`first inspect in a fresh process (cold): ${coldMs.toFixed(1)} ms`);
    console.log(`load + inspect (parse config too): ${endToEndMs.toFixed(1)} ms`);
    console.log(`reads per cache file: at most ${maxReads} ${maxReads <= 1 ? '(MET: each file read at most once)' : '(NOT MET)'}`);
    console.log(`lights: ${Object.entries(lights).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`heap used after the runs: ${memory.toFixed(0)} MB`);
    if (maxReads > 1) process.exitCode = 1;
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

main();
