/**
 * Builds the extension variant a command is about to load, so that no command
 * depends on an earlier `npm run build` (a fresh clone has no .output/).
 */
import { execFileSync } from 'node:child_process';
import { ROOT } from './server.ts';

/** What can be built: the two shipped builds, and Chromium's test build (see wxt.config.ts). */
export type BuildTarget = 'chrome' | 'firefox' | 'chrome-e2e' | 'firefox-e2e';

const LABEL: Record<BuildTarget, string> = {
  chrome: 'Chromium',
  firefox: 'Firefox',
  'chrome-e2e': 'Chromium (test build: test hooks, site access granted at install)',
  'firefox-e2e': 'Firefox (test build: test hooks)',
};

/** Runs `wxt build` for `target`; exits the process with the build's output if it fails. */
export function buildExtension(target: BuildTarget): void {
  console.log(`Building MS Lens for ${LABEL[target]}…`);
  const args = target.startsWith('firefox') ? ['wxt', 'build', '-b', 'firefox'] : ['wxt', 'build'];
  const env = { ...process.env, MS_LENS_E2E: target.endsWith('-e2e') ? '1' : '' };
  try {
    execFileSync('npx', args, { cwd: ROOT, stdio: 'pipe', env });
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: Buffer; stderr?: Buffer };
    console.error(`The build failed:\n${stdout ?? ''}${stderr ?? ''}`);
    process.exit(1);
  }
}
