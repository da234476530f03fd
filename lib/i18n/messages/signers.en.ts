// Messages of the signers area, in English; signers.es.ts must have every key (lib/i18n/i18n.test.ts).
const signersEn = {};

export default signersEn;
