import type { Widen } from "./widen";
import type moderationEn from "./moderation.en";

const moderationEs: Widen<typeof moderationEn> = {};

export default moderationEs;
