import { describe, expect, it } from 'vitest';
import { createPostgresStore, redactDatabaseUrl } from './create-postgres-store.ts';

describe('createPostgresStore', () => {
  it('fails at once, in one line naming DATABASE_URL without its password, when the server is unreachable', async () => {
    const failure = await createPostgresStore({ url: 'postgres://care:s3cret@127.0.0.1:1/ascolta' }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ name: 'DomainError', code: 'unavailable' });
    const message = (failure as Error).message;
    expect(message).toContain('DATABASE_URL=postgres://care:***@127.0.0.1:1/ascolta');
    expect(message).not.toContain('s3cret');
    expect(message).not.toContain('\n');
  });

  it('hides only the password of a URL it prints', () => {
    expect(redactDatabaseUrl('postgres://postgres@db:5432/x')).toBe('postgres://postgres@db:5432/x');
    expect(redactDatabaseUrl('not a url')).toBe('(not a valid URL)');
  });
});
