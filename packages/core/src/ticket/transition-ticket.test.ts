import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import { canTransitionTicket, transitionTicket } from './transition-ticket.ts';

describe('transitionTicket', () => {
  it('follows the status machine', () => {
    expect(transitionTicket('new', 'awaiting_customer')).toBe('awaiting_customer');
    expect(transitionTicket('awaiting_customer', 'open')).toBe('open');
    expect(transitionTicket('resolved', 'open')).toBe('open');
    expect(transitionTicket('open', 'open')).toBe('open');
  });

  it('rejects moves the machine does not allow', () => {
    expect(canTransitionTicket('resolved', 'pending')).toBe(false);
    expect(() => transitionTicket('resolved', 'pending')).toThrowError(
      expect.objectContaining({ code: 'invalid-transition' }),
    );
  });

  it('treats closed as final', () => {
    try {
      transitionTicket('closed', 'open');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('ticket-closed');
    }
  });
});
