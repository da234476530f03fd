// Messages of the editor area, in English; editor.es.ts must have every key (lib/i18n/i18n.test.ts).
const editorEn = {};

export default editorEn;
