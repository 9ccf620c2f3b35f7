import { describe, expect, it } from 'vitest';
import { checkValidity } from '../../../../lib/engine/checks/validity';

const now = Date.parse('2026-06-01T00:00:00Z');

describe('checkValidity', () => {
  it('passes inside the window and with no end date', () => {
    expect(checkValidity({ validFrom: '2026-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z' }, now, 300).status).toBe('pass');
    expect(checkValidity({ validFrom: '2026-01-01T00:00:00Z' }, now, 300).status).toBe('pass');
  });

  it('fails a credential that is not valid yet, with its start date', () => {
    const c = checkValidity({ validFrom: '2040-01-01T00:00:00Z' }, now, 300);
    expect(c).toMatchObject({ status: 'fail', code: 'CRED_NOT_YET_VALID' });
    expect(c.message).toContain('2040-01-01');
  });

  it('reports an expired credential as CRED_EXPIRED', () => {
    expect(checkValidity({ validUntil: '2010-01-01T00:00:00Z' }, now, 300)).toMatchObject({ status: 'fail', code: 'CRED_EXPIRED' });
  });

  it('tolerates a small clock skew at both ends', () => {
    expect(checkValidity({ validFrom: new Date(now + 60_000).toISOString() }, now, 300).status).toBe('pass');
    expect(checkValidity({ validUntil: new Date(now - 60_000).toISOString() }, now, 300).status).toBe('pass');
  });

  it('fails a window that ends before it starts, and unreadable dates', () => {
    expect(checkValidity({ validFrom: '2026-02-01T00:00:00Z', validUntil: '2026-01-01T00:00:00Z' }, now, 300).code).toBe('STRUCTURE_DATES');
    expect(checkValidity({ validFrom: 'yesterday' }, now, 300).code).toBe('STRUCTURE_DATES');
  });
});
