// Messages of the updates area, in English; updates.es.ts must have every key (lib/i18n/i18n.test.ts).
const updatesEn = {};

export default updatesEn;
