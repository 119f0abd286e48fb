/**
 * MS Lens's add-on id in Firefox (browser_specific_settings.gecko.id), used by
 * the Firefox manifest (wxt.config.ts) and by the tests, which give the
 * add-on a fixed internal address through it. Firefox also keys storage.sync
 * on it: changing it loses every reader's synced settings.
 */
export const GECKO_ID = '{7f3c2a8e-5b1d-4c9e-9a6f-2d8e1b4c7a30}';
