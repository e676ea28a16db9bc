/**
 * Our honest identity (DESIGN §6: `Linkwright/<version> (+project URL)`). We never impersonate a
 * browser: site owners must be able to recognise us in their logs and address us in robots.txt.
 */
import { LINKWRIGHT_VERSION } from '../core/version.js';

/** Project URL site owners can visit to learn what the bot does. */
export const LINKWRIGHT_PROJECT_URL = 'https://github.com/linkwright/linkwright';

/**
 * robots.txt product token (RFC 9309 §2.2.1: "[a-zA-Z_-]" only, matched case-insensitively). Groups
 * are matched with this token, not with the full User-Agent string.
 */
export const ROBOTS_PRODUCT_TOKEN = 'Linkwright';

/** Default User-Agent header, e.g. `Linkwright/0.1.0 (+https://github.com/linkwright/linkwright)`. */
export const DEFAULT_USER_AGENT = `${ROBOTS_PRODUCT_TOKEN}/${LINKWRIGHT_VERSION} (+${LINKWRIGHT_PROJECT_URL})`;
