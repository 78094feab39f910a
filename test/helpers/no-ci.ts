/*
Imported first by tests that drive the real Ink renderer: Ink decides at load time, from CI and CONTINUOUS_INTEGRATION,
to paint only the last frame. The reader itself clears them before loading Ink on a terminal (cli.tsx); these tests
load Ink directly, so they clear them the same way. ESM evaluates imports in order, so this runs before Ink loads.
*/
delete process.env['CI'];
delete process.env['CONTINUOUS_INTEGRATION'];
