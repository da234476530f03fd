import type { Widen } from "./widen";
import type editorEn from "./editor.en";

const editorEs: Widen<typeof editorEn> = {};

export default editorEs;
