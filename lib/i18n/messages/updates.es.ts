import type { Widen } from "./widen";
import type updatesEn from "./updates.en";

const updatesEs: Widen<typeof updatesEn> = {};

export default updatesEs;
