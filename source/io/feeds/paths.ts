import os from 'node:os';
import path from 'node:path';

/**
Where feeds live outside the store: the subscriptions (configuration, `$XDG_CONFIG_HOME/inkwire/feeds.opml`) and
the feed cache (`$XDG_CACHE_HOME/inkwire/feeds/`: ETags, Last-Modified, the items already stored; safe to delete).
*/

/** The subscriptions file. */
export function subscriptionsPath(environment: NodeJS.ProcessEnv): string {
	const configHome = environment['XDG_CONFIG_HOME'] || path.join(os.homedir(), '.config');
	return path.join(path.resolve(configHome), 'inkwire', 'feeds.opml');
}

/** The folder of the feed cache. */
export function feedCachePath(environment: NodeJS.ProcessEnv): string {
	const cacheHome = environment['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache');
	return path.join(path.resolve(cacheHome), 'inkwire', 'feeds');
}
