import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('config', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ databaseUrl: undefined, port: 3000, host: '127.0.0.1', fetchCron: '0 * * * *', roundupZone: 'Asia/Shanghai', allowPrivateHosts: false, logLevel: 'info' });
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('parses on one worker thread when there is a core to spare, on as many as PARSE_WORKERS says', () => {
    expect(loadConfig({}).parseWorkers).toBe(availableParallelism() > 1 ? 1 : 0);
    expect(loadConfig({ PARSE_WORKERS: '0' }).parseWorkers).toBe(0);
    expect(loadConfig({ PARSE_WORKERS: '3' }).parseWorkers).toBe(3);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ databaseUrl: undefined, port: 3000 });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT is invalid/],
    [{ PORT: '70000' }, /PORT is invalid/],
    [{ ALLOW_PRIVATE_HOSTS: 'maybe' }, /ALLOW_PRIVATE_HOSTS is invalid/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL is invalid/],
    [{ PARSE_WORKERS: 'two' }, /PARSE_WORKERS is invalid/],
    [{ PARSE_WORKERS: '-1' }, /PARSE_WORKERS is invalid/],
  ])('names the bad variable (%o)', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
