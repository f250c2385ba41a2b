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
    expect(() => loadConfig({ ASCOLTA_WEBHOOK_RETENTION_DAYS: '0' })).toThrowError(
      /ASCOLTA_WEBHOOK_RETENTION_DAYS="0"/,
    );
    expect(loadConfig({}).integrations.webhookRetentionDays).toBe(30);
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

  it('triages with the built-in models unless an optional adapter is configured with what it needs', () => {
    expect(loadConfig({}).triage).toEqual({ adapter: 'builtin' });
    expect(
      loadConfig({
        ASCOLTA_TRIAGE_ADAPTER: 'onnx',
        ASCOLTA_TRIAGE_ONNX_DIR: '/models/complaints',
        ASCOLTA_TRIAGE_ONNX_LABELS: 'LABEL_0=none, LABEL_1=complaint',
      }).triage,
    ).toEqual({
      adapter: 'onnx',
      modelDir: '/models/complaints',
      labels: { LABEL_0: { head: 'none' }, LABEL_1: { head: 'kind', kind: 'complaint' } },
      timeoutMs: 2000,
    });
    expect(
      loadConfig({
        ASCOLTA_TRIAGE_ADAPTER: 'llm',
        ASCOLTA_TRIAGE_LLM_URL: 'http://127.0.0.1:11434/v1',
        ASCOLTA_TRIAGE_LLM_MODEL: 'qwen3:4b',
        ASCOLTA_TRIAGE_LLM_TIMEOUT_MS: '3000',
        ASCOLTA_TRIAGE_ONNX_LABELS: 'ignored=none',
      }).triage,
    ).toEqual({
      adapter: 'llm',
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'qwen3:4b',
      apiKey: null,
      timeoutMs: 3000,
    });
  });

  it('names the triage variable that is missing or malformed', () => {
    expect(() => loadConfig({ ASCOLTA_TRIAGE_ADAPTER: 'bert' })).toThrowError(/ASCOLTA_TRIAGE_ADAPTER="bert"/);
    expect(() => loadConfig({ ASCOLTA_TRIAGE_ADAPTER: 'onnx' })).toThrowError(
      'invalid configuration: ASCOLTA_TRIAGE_ONNX_DIR="" is required when ASCOLTA_TRIAGE_ADAPTER=onnx',
    );
    expect(() => loadConfig({ ASCOLTA_TRIAGE_ADAPTER: 'llm', ASCOLTA_TRIAGE_LLM_URL: 'http://x/v1' })).toThrowError(
      /ASCOLTA_TRIAGE_LLM_MODEL="" is required when ASCOLTA_TRIAGE_ADAPTER=llm/,
    );
    expect(() => loadConfig({ ASCOLTA_TRIAGE_LLM_URL: 'ftp://x' })).toThrowError(
      /ASCOLTA_TRIAGE_LLM_URL="ftp:\/\/x" must be an http:\/\/ or https:\/\/ URL/,
    );
    expect(() => loadConfig({ ASCOLTA_TRIAGE_ONNX_LABELS: 'LABEL_0=angry' })).toThrowError(
      /ASCOLTA_TRIAGE_ONNX_LABELS="LABEL_0=angry" "LABEL_0=angry" is not label=target/,
    );
    expect(() => loadConfig({ ASCOLTA_TRIAGE_ONNX_TIMEOUT_MS: '0' })).toThrowError(
      /ASCOLTA_TRIAGE_ONNX_TIMEOUT_MS="0"/,
    );
  });
});
