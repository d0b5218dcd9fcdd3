// The changelog renderer of `nx release` (nx.json: release.changelog.projectChangelogs.renderer).
// Nx's own renderer, with headers read the way commitlint reads them: the scope ends at the FIRST
// "): " (Nx's parser ends it at the last one, so `feat(cli): a (wip: b)` became "**cli): a (wip:** b"),
// and a comma-separated scope (`fix(cli,prod-guard): x`) is rendered "**cli, prod-guard:** x".
const DefaultChangelogRenderer = require('nx/release/changelog-renderer').default;

/** Re-read one change's scope and description from the header Nx parsed greedily. */
function normalizeChange(change) {
  if (!change.scope) return change;
  const header = `${change.type}(${change.scope}): ${change.description}`;
  const m = /^[^\s():!]+\((?<scope>[^()]*)\)!?: (?<description>[\s\S]+)$/u.exec(header);
  if (!m || !m.groups) return change;
  const scope = m.groups.scope
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(', ');
  return { ...change, scope, description: m.groups.description };
}

class AwsmcpChangelogRenderer extends DefaultChangelogRenderer {
  constructor(config) {
    super(config);
    this.changes = this.changes.map(normalizeChange);
  }
}

module.exports = AwsmcpChangelogRenderer;
module.exports.default = AwsmcpChangelogRenderer;
module.exports.normalizeChange = normalizeChange;
