import fs from 'node:fs';
import path from 'node:path';

/** Write `text` to `file` atomically (temp file in the same folder, fsync, rename), creating the folder. */
export function writeFileAtomic(file: string, text: string): void {
	fs.mkdirSync(path.dirname(file), {recursive: true});
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		const descriptor = fs.openSync(temporary, 'w', 0o644);
		try {
			fs.writeSync(descriptor, text);
			fs.fsyncSync(descriptor);
		} finally {
			fs.closeSync(descriptor);
		}

		fs.renameSync(temporary, file);
	} catch (error) {
		fs.rmSync(temporary, {force: true});
		throw error;
	}
}
