/**
 * Fixed identities of the fake site. Shared with test/fixtures/forge-events so the fixtures and the
 * simulator tell the same story (SUP-1 is issue 10001 in project SUP, id 10000).
 */
export const SITE_BASE_URL = 'https://relay-dev.atlassian.net';
export const SITE_CLOUD_ID = '6f3c1a52-8d2e-4a7b-9c41-2b7e5d0f9a13';

export const ACCOUNT_IDS = {
  alice: '5b10ac8d82e05b22cc7d4e01',
  pat: '5b10ac8d82e05b22cc7d4e02',
  uma: '5b10ac8d82e05b22cc7d4e03',
  bot: '5b10ac8d82e05b22cc7d4e04',
} as const;

/** The app's own account: what `asApp()` calls see as `/myself`. */
export const APP_ACCOUNT_ID = '712020:0a1b2c3d-relay-app-0000-000000000001';
export const APP_DISPLAY_NAME = 'Agent Studio Relay';
