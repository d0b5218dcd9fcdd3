/** One generator test's surroundings, made before each test and removed after it. */
import type { Tree } from '@nx/devkit';
import { makeHome, type TestHome } from './home';
import { captureLogger, emptyWorkspace, type LogCapture } from './tree';

export interface GeneratorSandbox {
  /** A temp HOME with its own ~/.aws, active (HOME points at it) during the test. */
  home: TestHome;
  /** The Nx logger's output, captured and silenced. */
  log: LogCapture;
  /** An empty workspace. */
  tree: Tree;
}

/** Register the beforeEach / afterEach pair; the returned object holds the current test's sandbox. */
export function useGeneratorSandbox(): GeneratorSandbox {
  const sandbox = {} as GeneratorSandbox;
  let restoreEnv: () => void = () => undefined;
  beforeEach(() => {
    sandbox.home = makeHome();
    restoreEnv = sandbox.home.activate();
    sandbox.log = captureLogger();
    sandbox.tree = emptyWorkspace();
  });
  afterEach(() => {
    sandbox.log.restore();
    restoreEnv();
    sandbox.home.remove();
  });
  return sandbox;
}
