import test from 'ava';
import {plural, progressLine} from '../source/cli/feed-context.js';

function fakeStream(isTTY: boolean) {
	const written: string[] = [];
	return {written, stream: {isTTY, write(text: string) {
		written.push(text);
		return true;
	}} as unknown as NodeJS.WriteStream};
}

test('fetch progress: redrawn in place on a terminal, sanitised, cleared at the end', t => {
	const {written, stream} = fakeStream(true);
	const progress = progressLine(stream);
	progress.update('fetching 1/2 feeds, 3 new articles');
	progress.update('fetching 2/2 feeds, \u001B[2J\u202E4 new articles');
	progress.done();
	progress.done();
	t.deepEqual(written, ['\r\u001B[Kfetching 1/2 feeds, 3 new articles', '\r\u001B[Kfetching 2/2 feeds, 4 new articles', '\r\u001B[K']);
});

test('fetch progress: nothing at all when stderr is not a terminal', t => {
	const {written, stream} = fakeStream(false);
	const progress = progressLine(stream);
	progress.update('fetching 1/2 feeds');
	progress.done();
	t.deepEqual(written, []);
	t.is(plural(1, 'feed'), '1 feed');
	t.is(plural(0, 'new article'), '0 new articles');
});
