/**
A concurrency limit, overall and per host: a fetch of 200 feeds keeps a handful of connections open, and never more
than two to one server (which is what servers' rate limits expect of a feed reader).
*/
export class HostLimiter {
	private running = 0;
	private readonly perHost = new Map<string, number>();
	private readonly waiting: Array<{host: string; start: () => void}> = [];

	/**
	@param overall Requests in flight at once, all hosts together.
	@param perHostLimit Requests in flight at once to one host.
	*/
	constructor(private readonly overall = 16, private readonly perHostLimit = 2) {}

	/** Run `task` once a slot for `host` is free; the slot is released whatever the task does. */
	async run<T>(host: string, task: () => Promise<T>): Promise<T> {
		await this.acquire(host);
		try {
			return await task();
		} finally {
			this.release(host);
		}
	}

	private canStart(host: string): boolean {
		return this.running < this.overall && (this.perHost.get(host) ?? 0) < this.perHostLimit;
	}

	private async acquire(host: string): Promise<void> {
		if (this.canStart(host)) {
			this.take(host);
			return;
		}

		await new Promise<void>(resolve => {
			this.waiting.push({host, start: resolve});
		});
	}

	private take(host: string): void {
		this.running++;
		this.perHost.set(host, (this.perHost.get(host) ?? 0) + 1);
	}

	private release(host: string): void {
		this.running--;
		const count = (this.perHost.get(host) ?? 1) - 1;
		if (count === 0) {
			this.perHost.delete(host);
		} else {
			this.perHost.set(host, count);
		}

		// The first waiter whose host has room goes next (a busy host does not hold up the others).
		const index = this.waiting.findIndex(waiter => this.canStart(waiter.host));
		if (index !== -1) {
			const [next] = this.waiting.splice(index, 1);
			this.take(next!.host);
			next!.start();
		}
	}
}
