/**
Decisions about the terminal, made from plain inputs so they can be tested without one.
*/

type Environment = Readonly<Record<string, string | undefined>>;

/** The colour choice for output: NO_COLOR and FORCE_COLOR are honoured; otherwise colour only on a terminal. */
export function shouldUseColor(isTty: boolean, environment: Environment): boolean {
	const force = environment['FORCE_COLOR'];
	if (force !== undefined && force !== '') {
		return force !== '0' && force !== 'false';
	}

	if (environment['NO_COLOR']) {
		return false;
	}

	return isTty && environment['TERM'] !== 'dumb';
}

/** OSC 8 hyperlinks: on a real terminal outside CI, or when FORCE_HYPERLINK says so. */
export function shouldUseHyperlinks(isTty: boolean, environment: Environment): boolean {
	const force = environment['FORCE_HYPERLINK'];
	if (force !== undefined && force !== '') {
		return force !== '0' && force !== 'false';
	}

	return isTty && !environment['CI'] && environment['TERM'] !== 'dumb';
}

/** The width to wrap text to: an explicit width, else the terminal's, else 80. */
export function chooseWidth(explicit: number | undefined, columns: number | undefined): number {
	if (explicit !== undefined) {
		return explicit;
	}

	return columns && columns > 0 ? columns : 80;
}
