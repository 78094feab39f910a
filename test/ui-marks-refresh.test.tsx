import test from 'ava';
import {render} from 'ink-testing-library';
import App from '../source/ui/App.js';
import {makeServices, waitForFrame} from './fixtures/ui/services.js';

test('marks made by another process show in the header and the list without a key', async t => {
	const services = makeServices();
	let isChangedOnDisk = false;
	let version = 0;
	// What the mark store does when another inkwire saved: refresh() reads the new marks, bumps the version and says
	// so, once.
	const readState = Object.create(services.readState, {
		refresh: {
			value() {
				const changed = isChangedOnDisk;
				isChangedOnDisk = false;
				version += changed ? 1 : 0;
				return changed;
			},
		},
		version: {
			get: () => version,
		},
	}) as typeof services.readState;
	const {lastFrame, unmount} = render(<App services={{...services, readState}} width={100} height={20}/>);
	await waitForFrame(lastFrame, frame => frame.includes('6 unread'), 'the first count');
	services.reads.add('glyph/terminal');
	services.reads.add('millbrook/seeds');
	isChangedOnDisk = true;
	const frame = await waitForFrame(lastFrame, frame => frame.includes('4 unread'), 'the count after the other process marked two');
	t.regex(frame, /^ {5}2025-11-20 {2}Glyph and Grid/m, 'the row shows it read');
	unmount();
});
