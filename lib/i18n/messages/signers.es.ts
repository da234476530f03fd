import type { Widen } from "./widen";
import type signersEn from "./signers.en";

const signersEs: Widen<typeof signersEn> = {};

export default signersEs;
