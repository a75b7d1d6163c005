export declare const YOUNG_GENERATION: string;
export declare function withYoungGeneration<T extends Record<string, string | undefined>>(env: T): T & { NODE_OPTIONS: string };
