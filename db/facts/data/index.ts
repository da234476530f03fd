import type { DatasetFact } from "../types";
import { moreFacts } from "./facts-more";
import { seedClaimsS0toS2 } from "./facts-seed-claims-1";
import { seedClaimsS3toS4 } from "./facts-seed-claims-2";

/** Every fact of the dataset: each seed claim (S0-1 … S4-8) and the facts from other sources. */
export const dataset: DatasetFact[] = [...seedClaimsS0toS2, ...seedClaimsS3toS4, ...moreFacts];
