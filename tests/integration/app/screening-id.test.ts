/** @jest-environment jest-fixed-jsdom */
import { newScreeningId } from '@/app/_hooks/screening-id';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newScreeningId', () => {
  it('is a random UUID v4', () => {
    const a = newScreeningId();
    expect(a).toMatch(UUID_V4);
    expect(newScreeningId()).not.toBe(a);
  });

  it('is a UUID v4 without crypto.randomUUID too (an insecure context)', () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(newScreeningId()).toMatch(UUID_V4);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
