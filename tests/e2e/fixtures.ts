// Every browser test runs through this `test`: it records each request the pages make and fails the test if one
// leaves the app's own origin (TRUST.md F14: the whole suite offline). Fault tests on their own profiles
// (profile.ts) record into the same list.
import { test as base, expect } from '@playwright/test';
import { outsideRequests, sameOrigin } from './profile';

export * from '@playwright/test';

export const test = base.extend<{ sameOriginOnly: void }>({
  sameOriginOnly: [
    async ({ context, baseURL }, use) => {
      outsideRequests.length = 0;
      context.on('request', (r) => {
        if (!sameOrigin(r.url(), baseURL!)) outsideRequests.push(r.url());
      });
      await use();
      expect(outsideRequests, 'requests outside the app’s own origin (TRUST.md F14)').toEqual([]);
    },
    { auto: true },
  ],
});
