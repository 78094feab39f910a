import test from 'ava';
import {escapeFileName, isHex, utf8Hex} from '../source/core/store/file-name.js';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map(part => typeof part === 'string' ? Buffer.from(part) : Buffer.from(part)));

test('stray bytes are shown as %XX, valid UTF-8 around them as it is', t => {
	t.is(escapeFileName(bytes('caf', [0xE9], '.md')), 'caf%E9.md');
	t.is(escapeFileName(bytes('東京', [0xFF, 0xFE], '.txt')), '東京%FF%FE.txt');
	t.is(escapeFileName(bytes([0x80])), '%80');
});

test('overlong forms, surrogates, code points past U+10FFFF and cut sequences are not valid UTF-8', t => {
	t.is(escapeFileName(bytes([0xC0, 0xAF])), '%C0%AF');
	t.is(escapeFileName(bytes([0xE0, 0x80, 0xAF])), '%E0%80%AF');
	t.is(escapeFileName(bytes([0xED, 0xA0, 0x80])), '%ED%A0%80');
	t.is(escapeFileName(bytes([0xF4, 0x90, 0x80, 0x80])), '%F4%90%80%80');
	t.is(escapeFileName(bytes('a', [0xE2, 0x82])), 'a%E2%82');
	t.is(escapeFileName(bytes([0xF0, 0x9F, 0x93, 0xB0], [0xFF])), '📰%FF');
});

test('% is escaped too, so two different names never escape alike', t => {
	t.is(escapeFileName(bytes('50%', [0xE9])), '50%25%E9');
	t.not(escapeFileName(bytes('%E9', [0xFF])), escapeFileName(bytes([0xE9, 0xFF])));
});

test('hex is lowercase, two digits a byte', t => {
	t.is(utf8Hex('\u0000\u00AB\u0010'), '00c2ab10');
	t.is(utf8Hex('é/'), 'c3a92f');
	t.true(isHex('00ab10'));
	t.false(isHex('0ab'));
	t.false(isHex('00AB'));
	t.false(isHex(''));
});
