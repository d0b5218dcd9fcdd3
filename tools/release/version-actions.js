// The version actions of `nx release` (nx.json: release.version.versionActions): @nx/js's, with one
// rule added. A package that has never been released has version 0.0.0 in its package.json; its
// first release is 0.1.0, whatever the conventional commits since the start of history say (with
// Nx's defaults a 0.x "feat" is a patch bump, so it would be 0.0.1, and a fix-only package too).
// Every later release is Nx's ordinary conventional-commit bump from the last release tag.
const JsVersionActions = require('@nx/js/src/release/version-actions').default;

const UNRELEASED = '0.0.0';
const FIRST_RELEASE = '0.1.0';

class AwsmcpVersionActions extends JsVersionActions {
  async calculateNewVersion(currentVersion, newVersionInput, newVersionInputReason, newVersionInputReasonData, preid) {
    const computed = await super.calculateNewVersion(currentVersion, newVersionInput, newVersionInputReason, newVersionInputReasonData, preid);
    const relative = ['major', 'minor', 'patch', 'premajor', 'preminor', 'prepatch', 'prerelease'].includes(newVersionInput);
    if (currentVersion === UNRELEASED && relative) {
      return { newVersion: FIRST_RELEASE, logText: `❓ First release of an unreleased package (${UNRELEASED} in package.json): version ${FIRST_RELEASE}` };
    }
    return computed;
  }
}

module.exports = AwsmcpVersionActions;
module.exports.default = AwsmcpVersionActions;
module.exports.afterAllProjectsVersioned = require('@nx/js/src/release/version-actions').afterAllProjectsVersioned;
