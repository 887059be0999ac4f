// Generated from the OpenAPI document of REST v1 by apps/api/src/rest/generate-types.ts. Do not edit.
export interface paths {
    "/api/v1/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidents the client may read, newest first */
        get: operations["listIncidents"];
        put?: never;
        /** Report an incident for the client’s agency */
        post: operations["createIncident"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One incident */
        get: operations["getIncident"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/observables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add indicators to an incident (ones already there are skipped) */
        post: operations["addObservables"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit the notification or the final report of an incident */
        post: operations["submitReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                /** @description The tRPC error code (UNAUTHORIZED, FORBIDDEN, NOT_FOUND, BAD_REQUEST, UNPROCESSABLE_CONTENT, …) */
                code: string;
                /** @description In the language of `?lang=` or `X-ANC-Locale`, else the client’s */
                message: string;
                /** @description A stable key, e.g. invalid_token, scope_missing, idempotency_key_reused */
                reason: string | null;
                fieldErrors: {
                    [key: string]: string[];
                } | null;
            };
        };
        IncidentSummary: {
            /** Format: uuid */
            id: string;
            /** @description INC-YYYY-NNNNNN */
            reference: string;
            title: string;
            agency: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
                nameEn: string;
            };
            /** @enum {string} */
            status: "submitted" | "triaged" | "investigating" | "contained" | "resolved" | "closed" | "rejected" | "merged";
            severity: number;
            /** @enum {string} */
            tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
            /** @enum {string} */
            rsitClass: "abusive-content" | "malicious-code" | "information-gathering" | "intrusion-attempts" | "intrusions" | "availability" | "information-content-security" | "fraud" | "vulnerable" | "other" | "test";
            rsitType: ("spam" | "harmful-speech" | "violence" | "infected-system" | "c2-server" | "malware-distribution" | "malware-configuration" | "scanner" | "sniffing" | "social-engineering" | "ids-alert" | "brute-force" | "exploit" | "privileged-account-compromise" | "unprivileged-account-compromise" | "application-compromise" | "system-compromise" | "burglary" | "dos" | "ddos" | "misconfiguration" | "sabotage" | "outage" | "unauthorised-information-access" | "unauthorised-information-modification" | "data-loss" | "data-leak" | "unauthorised-use-of-resources" | "copyright" | "masquerade" | "phishing" | "weak-crypto" | "ddos-amplifier" | "potentially-unwanted-accessible" | "information-disclosure" | "vulnerable-system" | "other" | "undetermined" | "test") | null;
            /** Format: date-time */
            awareAt: string;
            /** Format: date-time */
            createdAt: string;
            nextObligation: {
                /** @enum {string} */
                kind: "early_warning" | "notification" | "final_report";
                /** Format: date-time */
                dueAt: string;
                state: string;
            } | null;
        };
        IncidentDetail: {
            /** Format: uuid */
            id: string;
            reference: string;
            agency: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
                nameEn: string;
            };
            title: string;
            description: string;
            /** @enum {string} */
            rsitClass: "abusive-content" | "malicious-code" | "information-gathering" | "intrusion-attempts" | "intrusions" | "availability" | "information-content-security" | "fraud" | "vulnerable" | "other" | "test";
            rsitType: ("spam" | "harmful-speech" | "violence" | "infected-system" | "c2-server" | "malware-distribution" | "malware-configuration" | "scanner" | "sniffing" | "social-engineering" | "ids-alert" | "brute-force" | "exploit" | "privileged-account-compromise" | "unprivileged-account-compromise" | "application-compromise" | "system-compromise" | "burglary" | "dos" | "ddos" | "misconfiguration" | "sabotage" | "outage" | "unauthorised-information-access" | "unauthorised-information-modification" | "data-loss" | "data-leak" | "unauthorised-use-of-resources" | "copyright" | "masquerade" | "phishing" | "weak-crypto" | "ddos-amplifier" | "potentially-unwanted-accessible" | "information-disclosure" | "vulnerable-system" | "other" | "undetermined" | "test") | null;
            severity: number;
            /** @enum {string} */
            tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
            /** @enum {string} */
            status: "submitted" | "triaged" | "investigating" | "contained" | "resolved" | "closed" | "rejected" | "merged";
            /** Format: date-time */
            detectedAt: string;
            /** Format: date-time */
            awareAt: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            observables: ({
                /** Format: uuid */
                id: string;
                type: string;
                value: string;
            } & {
                [key: string]: unknown;
            })[];
            reports: ({
                /** Format: uuid */
                id: string;
                kind: string;
                body: string;
                /** Format: date-time */
                submittedAt: string;
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        IncidentList: {
            items: components["schemas"]["IncidentSummary"][];
            nextCursor: string | null;
        };
        ObservablesAdded: {
            added: number;
            skipped: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listIncidents: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: ("submitted" | "triaged" | "investigating" | "contained" | "resolved" | "closed" | "rejected" | "merged")[];
                rsitClass?: ("abusive-content" | "malicious-code" | "information-gathering" | "intrusion-attempts" | "intrusions" | "availability" | "information-content-security" | "fraud" | "vulnerable" | "other" | "test")[];
                severity?: number[];
                tlp?: ("CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED")[];
                agencyId?: string;
                q?: string;
                from?: string;
                to?: string;
                obligation?: "overdue" | "due_soon";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page; pass `nextCursor` as `cursor` for the next */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentList"];
                };
            };
            /** @description Malformed input: `fieldErrors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or one that is malformed, unknown, revoked or expired (`reason: invalid_token` / `token_required`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the scope (`reason: scope_missing`) or the agency’s staff may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such incident, or one the client may not read (the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request conflicts with the incident’s state, or the Idempotency-Key was used with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests by this client; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createIncident: {
        parameters: {
            query?: never;
            header?: {
                /** @description A repeat with the same key by the same client within 24 h answers the first response and creates nothing; the same key with another body answers 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    description: string;
                    /** @enum {string} */
                    rsitClass: "abusive-content" | "malicious-code" | "information-gathering" | "intrusion-attempts" | "intrusions" | "availability" | "information-content-security" | "fraud" | "vulnerable" | "other" | "test";
                    /** @default null */
                    rsitType?: ("spam" | "harmful-speech" | "violence" | "infected-system" | "c2-server" | "malware-distribution" | "malware-configuration" | "scanner" | "sniffing" | "social-engineering" | "ids-alert" | "brute-force" | "exploit" | "privileged-account-compromise" | "unprivileged-account-compromise" | "application-compromise" | "system-compromise" | "burglary" | "dos" | "ddos" | "misconfiguration" | "sabotage" | "outage" | "unauthorised-information-access" | "unauthorised-information-modification" | "data-loss" | "data-leak" | "unauthorised-use-of-resources" | "copyright" | "masquerade" | "phishing" | "weak-crypto" | "ddos-amplifier" | "potentially-unwanted-accessible" | "information-disclosure" | "vulnerable-system" | "other" | "undetermined" | "test") | null;
                    severity: number;
                    /** @enum {string} */
                    tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                    /** Format: date-time */
                    detectedAt: string;
                    /** Format: date-time */
                    awareAt: string;
                    /** @default  */
                    affectedSystems?: string;
                    impact: {
                        personalData: boolean;
                        /** @default null */
                        records?: number | null;
                        criticalService: boolean;
                        crossBorder: boolean;
                        estimatedLossMxn?: string | null;
                    };
                    observables?: {
                        /** @enum {string} */
                        type: "ipv4" | "ipv6" | "domain" | "url" | "email" | "md5" | "sha1" | "sha256" | "cve" | "other";
                        value: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description The incident as filed (a replay of the first answer when the Idempotency-Key was seen) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentDetail"];
                };
            };
            /** @description Malformed input: `fieldErrors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or one that is malformed, unknown, revoked or expired (`reason: invalid_token` / `token_required`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the scope (`reason: scope_missing`) or the agency’s staff may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such incident, or one the client may not read (the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request conflicts with the incident’s state, or the Idempotency-Key was used with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests by this client; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getIncident: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The incident */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentDetail"];
                };
            };
            /** @description Malformed input: `fieldErrors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or one that is malformed, unknown, revoked or expired (`reason: invalid_token` / `token_required`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the scope (`reason: scope_missing`) or the agency’s staff may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such incident, or one the client may not read (the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request conflicts with the incident’s state, or the Idempotency-Key was used with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests by this client; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addObservables: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    observables: {
                        /** @enum {string} */
                        type: "ipv4" | "ipv6" | "domain" | "url" | "email" | "md5" | "sha1" | "sha256" | "cve" | "other";
                        value: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description How many were added and skipped */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObservablesAdded"];
                };
            };
            /** @description Malformed input: `fieldErrors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or one that is malformed, unknown, revoked or expired (`reason: invalid_token` / `token_required`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the scope (`reason: scope_missing`) or the agency’s staff may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such incident, or one the client may not read (the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request conflicts with the incident’s state, or the Idempotency-Key was used with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests by this client; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    submitReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "notification" | "final_report";
                    body: string;
                };
            };
        };
        responses: {
            /** @description The incident with the report */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentDetail"];
                };
            };
            /** @description Malformed input: `fieldErrors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or one that is malformed, unknown, revoked or expired (`reason: invalid_token` / `token_required`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the scope (`reason: scope_missing`) or the agency’s staff may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such incident, or one the client may not read (the two are indistinguishable) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request conflicts with the incident’s state, or the Idempotency-Key was used with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests by this client; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
