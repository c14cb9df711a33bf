// Shared mocha setup. Tests use the process's time zone: `npm test` runs the whole suite in UTC
// (test:mocha) and the time-sensitive unit tests again in Pacific/Kiritimati, UTC+14 (test:tz).
process.env.OCE_LOG_LEVEL ??= 'silent';
