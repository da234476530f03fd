import type { Widen } from "./widen";
import type factsEn from "./facts.en";

import { factsImportEs, factsSyncEs } from "./facts-admin.es";

const factsEs: Widen<typeof factsEn> = { import: factsImportEs, sync: factsSyncEs };

export default factsEs;
