import type { Widen } from "./widen";
import type factsEn from "./facts.en";

const factsEs: Widen<typeof factsEn> = {};

export default factsEs;
