import test from 'ava';
import {documentOf} from '../source/cli/renderer.js';

test('a render\'s answer becomes what the pager shows: the lines, or a sentence that says why there are none', t => {
	const result = {lines: ['Title', '', 'Body'], links: [], warnings: []};
	t.is(documentOf({status: 'done', result}), result);
	t.deepEqual(documentOf({status: 'abandoned', seconds: 5}), {lines: ['', 'This article took longer than 5 s to render and was given up. Press q to go back.'], links: []});
	t.is(documentOf({status: 'superseded'}), undefined);
	// A failure quotes a file name, which is outside text: it reaches the screen through the sanitiser.
	const failed = documentOf({status: 'failed', message: 'cannot read /store/\u001B]0;PWNED\u0007.md: no such file'});
	t.deepEqual(failed, {lines: ['', 'Could not open this article: cannot read /store/.md: no such file'], links: []});
});
