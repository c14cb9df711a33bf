// Shared mocha setup: tests run with the process's own time zone, so the suite can be run
// once in UTC and once far from it (see the test:tz script).
process.env.OCE_LOG_LEVEL ??= 'silent';
