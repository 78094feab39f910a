import {spawnSync} from 'node:child_process';
import {setTimeout as delay} from 'node:timers/promises';

/** True when tmux can be run here. */
export function hasTmux(): boolean {
	return spawnSync('tmux', ['-V'], {encoding: 'utf8'}).status === 0;
}

/**
One tmux server of the test's own (its own socket), so that nothing else using tmux on the machine is disturbed and
`kill` cleans up everything the test started.
*/
export class Tmux {
	readonly socket = `inkwire-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

	run(...arguments_: string[]): string {
		const result = spawnSync('tmux', ['-L', this.socket, ...arguments_], {encoding: 'utf8'});
		if (result.status !== 0) {
			throw new Error(`tmux ${arguments_[0]} failed: ${result.stderr}`);
		}

		return result.stdout;
	}

	/** Start a shell command in a new detached session of the given size. */
	start(session: string, command: string, width = 100, height = 30): void {
		this.run('new-session', '-d', '-s', session, '-x', String(width), '-y', String(height), command);
	}

	/** The visible screen as plain text. */
	screen(session: string): string {
		return this.run('capture-pane', '-p', '-t', session);
	}

	keys(session: string, ...keys: string[]): void {
		this.run('send-keys', '-t', session, ...keys);
	}

	/** Poll the screen until the predicate holds; fail with the last screen after the timeout. */
	async waitFor(session: string, predicate: (screen: string) => boolean, what: string, timeout = 15_000): Promise<string> {
		const deadline = Date.now() + timeout;
		let screen = '';
		while (Date.now() < deadline) {
			try {
				screen = this.screen(session);
			} catch {
				screen = '';
			}

			if (predicate(screen)) {
				return screen;
			}

			// eslint-disable-next-line no-await-in-loop
			await delay(50);
		}

		throw new Error(`timed out waiting for ${what}; the screen was:\n${screen}`);
	}

	kill(): void {
		spawnSync('tmux', ['-L', this.socket, 'kill-server']);
	}
}
