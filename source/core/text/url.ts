/** Only web and mail links are ever made clickable or handed to a browser: no javascript:, data:, file: or relative. */
export function isOpenableUrl(url: string): boolean {
	try {
		return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol);
	} catch {
		return false;
	}
}
