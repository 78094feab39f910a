/**
An error whose message is meant for the user: the CLI prints it as one line on stderr, without a stack trace.
*/
export class UserError extends Error {
	override name = 'UserError';

	/**
	@param message One line, no trailing period needed.
	@param exitCode 1 for a failed request, 2 for a usage mistake.
	*/
	constructor(message: string, readonly exitCode = 1) {
		super(message);
	}
}

/** An error as one line for a message: its message's first line (or its name), else the value as text. */
export function describeError(error: unknown): string {
	if (error instanceof Error) {
		return error.message.split('\n')[0] || error.name;
	}

	return String(error);
}
