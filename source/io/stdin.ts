import process from 'node:process';
import {UserError} from '../core/errors.js';

/**
All of stdin as text, read asynchronously until end of file (a slow producer such as `curl … |` or
`(sleep 1; echo x) |` is waited for, not an EAGAIN), and never more than `limit` bytes: past it, one clear error,
without buffering the rest (`< /dev/zero` stops at the limit).
*/
export async function readStdin(limit: number, stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
	const chunks: Buffer[] = [];
	let length = 0;
	for await (const chunk of stream) {
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk as Buffer;
		length += bytes.length;
		if (length > limit) {
			(stream as NodeJS.ReadStream).destroy?.();
			throw new UserError(`stdin holds more than ${limit / 1024 / 1024} MB, the most an article may have`);
		}

		chunks.push(bytes);
	}

	return Buffer.concat(chunks, length).toString('utf8');
}
