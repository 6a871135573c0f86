/** Lower-case letters and digits joined by single hyphens: community slugs and tags (the migrations check the same). */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
