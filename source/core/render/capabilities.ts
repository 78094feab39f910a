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

/** A version from TERM_PROGRAM_VERSION or VTE_VERSION: "3.4.1", or "6003" meaning 0.60.3 (VTE's style). */
function parseVersion(text: string): {major: number; minor: number} {
	if (/^\d{3,4}$/.test(text)) {
		const match = /(\d{1,2})(\d{2})/.exec(text)!;
		return {major: 0, minor: Number(match[1])};
	}

	const [major = 0, minor = 0] = text.split('.').map(part => Number.parseInt(part, 10) || 0);
	return {major, minor};
}

/** What the terminal program named by TERM_PROGRAM supports, when it is one supports-hyperlinks knows. */
function termProgramSupport(environment: Environment): boolean | undefined {
	const version = parseVersion(environment['TERM_PROGRAM_VERSION'] ?? '');
	switch (environment['TERM_PROGRAM']) {
		case 'iTerm.app': {
			return version.major > 3 || (version.major === 3 && version.minor >= 1);
		}

		case 'WezTerm': {
			return version.major >= 20_200_620;
		}

		case 'vscode': {
			// Cursor (a VS Code fork) supports them in its 0.x versions.
			return Boolean(environment['CURSOR_TRACE_ID']) || version.major > 1 || (version.major === 1 && version.minor >= 72);
		}

		case 'ghostty': {
			return true;
		}

		case 'Apple_Terminal': {
			// Terminal.app shows the text and drops the link.
			return false;
		}

		default: {
			return undefined;
		}
	}
}

/**
OSC 8 hyperlinks only where the terminal is known to support them: the logic of the supports-hyperlinks package
(FORCE_HYPERLINK wins; not without colour, a terminal, or in CI; then by TERM_PROGRAM, VTE_VERSION, TERM), made pure,
with what it does not know about taken as "no": inside tmux or GNU screen the variables describe the outer terminal
while the multiplexer in between drops the sequence (tmux before 3.4 always, later ones unless configured), and over
mosh or ssh nothing says what the far terminal does. Links are numbered and listed in any case, so a "no" loses nothing.
Netlify, which supports-hyperlinks lets through, is CI like any other here.
*/
export function shouldUseHyperlinks(isTty: boolean, environment: Environment): boolean {
	const force = environment['FORCE_HYPERLINK'];
	if (force !== undefined && force !== '') {
		return force !== '0' && force !== 'false';
	}

	if (!isTty || environment['TERM'] === 'dumb' || !shouldUseColor(isTty, environment)) {
		return false;
	}

	const term = environment['TERM'] ?? '';
	const isMultiplexed = Boolean(environment['TMUX']) || Boolean(environment['STY']) || environment['TERM_PROGRAM'] === 'tmux'
		|| /^(?:screen|tmux)(?:[-.]|$)/.test(term);
	if (isMultiplexed || environment['CI'] || environment['TEAMCITY_VERSION'] || environment['NETLIFY']) {
		return false;
	}

	if ('WT_SESSION' in environment) {
		return true;
	}

	const byProgram = termProgramSupport(environment);
	if (byProgram !== undefined) {
		return byProgram;
	}

	const vte = environment['VTE_VERSION'];
	if (vte) {
		// 0.50.0 was meant to support hyperlinks but crashes on them.
		const version = parseVersion(vte);
		return vte !== '0.50.0' && (version.major > 0 || version.minor >= 50);
	}

	return term === 'alacritty' || term === 'xterm-kitty';
}

/** The width to wrap text to: an explicit width, else the terminal's, else 80. */
export function chooseWidth(explicit: number | undefined, columns: number | undefined): number {
	if (explicit !== undefined) {
		return explicit;
	}

	return columns && columns > 0 ? columns : 80;
}
