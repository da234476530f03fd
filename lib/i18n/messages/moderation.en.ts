// Messages of the moderation area, in English; moderation.es.ts must have every key (lib/i18n/i18n.test.ts).
const moderationEn = {};

export default moderationEn;
