import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults for the embedded mode', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe('./data');
    expect(config.databaseUrl).toBeNull();
    expect(config.role).toBe('all');
    expect(config.demo).toBeNull();
  });

  it('names the variable in a one-line error', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrowError(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrowError(/PORT="abc" must be a number/);
    expect(() => loadConfig({ PORT: '70000' })).toThrowError(/PORT="70000" must be between 1 and 65535/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrowError(/DATABASE_URL=.*postgres:\/\//);
    expect(() => loadConfig({ ASCOLTA_ROLE: 'boss' })).toThrowError(/ASCOLTA_ROLE/);
  });

  it('reports every bad variable at once, on one line', () => {
    try {
      loadConfig({ PORT: 'x', ASCOLTA_DEMO: 'maybe' });
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT=');
      expect(message).toContain('ASCOLTA_DEMO=');
      expect(message).not.toContain('\n');
    }
  });

  it('parses flags and treats empty variables as unset', () => {
    expect(loadConfig({ ASCOLTA_DEMO: '0' }).demo).toBe(false);
    expect(loadConfig({ ASCOLTA_DEMO: 'true' }).demo).toBe(true);
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).databaseUrl).toBe('postgres://u@h/db');
  });
});
