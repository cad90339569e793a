export declare const CLIENT_IP_HEADER: string;
export declare function parseTrustProxy(raw: string | number | undefined | null): number;
export declare function normalizeAddress(raw: string | undefined | null): string;
export declare function clientAddressOf(input: {
  remoteAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustProxy: number;
}): string;
export declare function markClientAddressHeader(): void;
export declare function installClientAddress(): void;
