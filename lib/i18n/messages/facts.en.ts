// Messages of the facts area, in English; facts.es.ts must have every key (lib/i18n/i18n.test.ts).
const factsEn = {};

export default factsEn;
