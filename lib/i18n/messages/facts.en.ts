// Messages of the facts area, in English; facts.es.ts must have every key (lib/i18n/i18n.test.ts).
import { factsImportEn, factsSyncEn } from "./facts-admin.en";

const factsEn = { import: factsImportEn, sync: factsSyncEn };

export default factsEn;
