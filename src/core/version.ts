/** Kept equal to package.json "version" (checked by a unit test). */
export const LINKWRIGHT_VERSION = '0.1.0';
