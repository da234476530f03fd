// Types for page-fill.mjs.
export declare const PAGE_FILL_HEADER: "x-cut-ties-page-fill";
export declare const PAGE_FILL_NONCE_HEADER: "x-cut-ties-page-fill-nonce";
export declare function pageFillSecret(): string;
export declare function provesPageFill(value: string | string[] | null | undefined): boolean;
