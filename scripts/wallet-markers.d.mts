export declare const WALLET_MARKERS: RegExp;
