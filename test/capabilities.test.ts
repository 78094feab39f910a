import test from 'ava';
import {shouldUseHyperlinks} from '../source/core/render/capabilities.js';

type Case = [description: string, isTty: boolean, environment: Record<string, string>, expected: boolean];

// What supports-hyperlinks says, plus what it does not know about taken as "no".
const cases: Case[] = [
	['FORCE_HYPERLINK=1 wins even when piped', false, {FORCE_HYPERLINK: '1'}, true],
	['FORCE_HYPERLINK=1 wins in tmux and CI', true, {FORCE_HYPERLINK: '1', TMUX: '/tmp/tmux-0/default,1,0', CI: 'true'}, true],
	['FORCE_HYPERLINK=0 wins on a capable terminal', true, {FORCE_HYPERLINK: '0', TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.5.0'}, false],
	['piped', false, {TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.5.0'}, false],
	['an unknown terminal', true, {TERM: 'xterm-256color'}, false],
	['nothing known at all', true, {}, false],
	['TERM=dumb', true, {TERM: 'dumb', VTE_VERSION: '7200'}, false],
	['NO_COLOR', true, {NO_COLOR: '1', TERM_PROGRAM: 'ghostty'}, false],
	['FORCE_COLOR=0', true, {FORCE_COLOR: '0', TERM_PROGRAM: 'ghostty'}, false],
	['CI', true, {CI: 'true', TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.90.0'}, false],
	['TeamCity', true, {TEAMCITY_VERSION: '2024.1', VTE_VERSION: '7200'}, false],
	['Netlify (CI here)', true, {NETLIFY: 'true'}, false],
	['iTerm2 3.1', true, {TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.1.0'}, true],
	['iTerm2 3.0', true, {TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.0.15'}, false],
	['WezTerm', true, {TERM_PROGRAM: 'WezTerm', TERM_PROGRAM_VERSION: '20240203-110809-5046fc22'}, true],
	['VS Code 1.72', true, {TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.72.0'}, true],
	['VS Code 1.71', true, {TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.71.2'}, false],
	['Cursor', true, {TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '0.42.0', CURSOR_TRACE_ID: 'x'}, true],
	['Ghostty', true, {TERM_PROGRAM: 'ghostty'}, true],
	['Apple Terminal', true, {TERM_PROGRAM: 'Apple_Terminal', TERM_PROGRAM_VERSION: '453'}, false],
	['Windows Terminal', true, {WT_SESSION: 'abc'}, true],
	['VTE 0.50.1 (GNOME Terminal)', true, {VTE_VERSION: '5001'}, true],
	['VTE 0.50.0 crashes', true, {VTE_VERSION: '0.50.0'}, false],
	['VTE 0.48', true, {VTE_VERSION: '4803'}, false],
	['Alacritty', true, {TERM: 'alacritty'}, true],
	['kitty', true, {TERM: 'xterm-kitty'}, true],
	// The variables describe the outer terminal; the multiplexer in between may drop OSC 8.
	['tmux inside GNOME Terminal', true, {TMUX: '/tmp/tmux-1000/default,123,0', TERM: 'tmux-256color', VTE_VERSION: '7200'}, false],
	['tmux by TERM_PROGRAM', true, {TERM_PROGRAM: 'tmux', TERM_PROGRAM_VERSION: '3.4'}, false],
	['screen inside iTerm2', true, {STY: '1234.pts-0.host', TERM: 'screen', TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.5.0'}, false],
	['screen by TERM alone', true, {TERM: 'screen.xterm-256color', VTE_VERSION: '7200'}, false],
	// Over mosh or ssh nothing names the far terminal: the default "no" holds.
	['mosh or ssh, a plain xterm TERM', true, {TERM: 'xterm-256color', SSH_CONNECTION: '10.0.0.1 5000 10.0.0.2 22'}, false],
];

for (const [description, isTty, environment, expected] of cases) {
	test(`hyperlinks: ${description}`, t => {
		t.is(shouldUseHyperlinks(isTty, environment), expected);
	});
}
