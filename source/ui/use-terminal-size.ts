import {useEffect, useState} from 'react';

type Size = {readonly width: number; readonly height: number};

function sizeOf(stdout: NodeJS.WriteStream): Size {
	return {width: stdout.columns || 80, height: stdout.rows || 24};
}

/** The terminal's columns and rows, updated on every 'resize' (Ink 6 has no `useWindowSize`). */
export function useTerminalSize(stdout: NodeJS.WriteStream): Size {
	const [size, setSize] = useState(() => sizeOf(stdout));
	useEffect(() => {
		const onResize = () => {
			setSize(sizeOf(stdout));
		};

		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
