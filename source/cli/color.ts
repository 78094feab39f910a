import {UserError} from '../core/errors.js';
import {shouldUseColor} from '../core/render/capabilities.js';

const colorModes = ['auto', 'always', 'never'] as const;

/**
`--color=auto|always|never`, as in ls, grep and git: `always` styles output even in a pipe (`| less -R`), `never`
never does, `auto` (the default) follows the terminal and NO_COLOR / FORCE_COLOR.
*/
export function chooseColor(mode: string | undefined, isTty: boolean, environment: NodeJS.ProcessEnv): boolean {
	if (mode !== undefined && !(colorModes as readonly string[]).includes(mode)) {
		throw new UserError(`--color takes ${colorModes.join(', ')}, not "${mode}"`, 2);
	}

	if (mode === 'always' || mode === 'never') {
		return mode === 'always';
	}

	return shouldUseColor(isTty, environment);
}
