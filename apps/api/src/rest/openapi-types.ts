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
    "/api/v1/incidents/{id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach an evidence file to an incident (at most 25 MiB a file, 50 files an incident) */
        post: operations["uploadIncidentFile"];
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
        AgencyRef: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            nameEn: string;
        };
        NameFor: {
            /** Format: uuid */
            id: string;
            reference: string;
            title: string;
        } | {
            /** @constant */
            hidden: true;
        };
        IncidentSummary: {
            /** Format: uuid */
            id: string;
            /** @description INC-YYYY-NNNNNN */
            reference: string;
            title: string;
            agency: components["schemas"]["AgencyRef"];
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
            /** @description The next obligation still owed; null once all are met */
            nextObligation: {
                /** @enum {string} */
                kind: "early_warning" | "notification" | "final_report";
                /** Format: date-time */
                dueAt: string;
                /** @enum {string} */
                state: "pending" | "due_soon" | "overdue" | "met" | "late";
            } | null;
            /** @description The ANC coordinator in charge of it; null when nobody is */
            owner: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            /** @description What a bulk action on the listed row passes back (incidents.bulk) */
            version: number;
        };
        IncidentList: {
            items: components["schemas"]["IncidentSummary"][];
            /** @description Pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        TaskSummary: {
            /** Format: uuid */
            id: string;
            /** @description TSK-YYYY-NNNNNN */
            reference: string;
            title: string;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            /** @enum {string} */
            status: "open" | "in_progress" | "blocked" | "in_review" | "done" | "cancelled";
            /** Format: date-time */
            dueAt: string;
            /** @enum {string} */
            dueState: "none" | "on_track" | "due_soon" | "overdue";
            assigneeAgency: components["schemas"]["AgencyRef"];
            assigneeUser: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            /** @description Null also when the caller may not read the linked incident */
            incident: {
                /** Format: uuid */
                id: string;
                reference: string;
                title: string;
            } | null;
            initiative: {
                /** Format: uuid */
                id: string;
                code: string;
                title: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        IncidentTimelineEntry: {
            id: string;
            /** Format: date-time */
            at: string;
            /** @constant */
            kind: "created";
            /** @description The comment, the step’s reason or the report; null when there is none or the reader may not read it */
            body: string | null;
            /** @description Who reads this note (comments and step reasons only; null for every other entry) */
            visibility: ("anc" | "reporting" | "all_readers") | null;
            data: {
                reference: string;
                /** @description Observables filed with the report */
                observables: number;
            };
            actor: {
                /** Format: uuid */
                id: string;
                name: string;
                agencyCode: string;
            };
        } | {
            id: string;
            /** Format: date-time */
            at: string;
            /** @constant */
            kind: "updated";
            /** @description The comment, the step’s reason or the report; null when there is none or the reader may not read it */
            body: string | null;
            /** @description Who reads this note (comments and step reasons only; null for every other entry) */
            visibility: ("anc" | "reporting" | "all_readers") | null;
            data: {
                /** @description The fields the edit changed */
                fields: string[];
            };
            actor: {
                /** Format: uuid */
                id: string;
                name: string;
                agencyCode: string;
            };
        } | {
            id: string;
            /** Format: date-time */
            at: string;
            /** @constant */
            kind: "comment";
            /** @description The comment, the step’s reason or the report; null when there is none or the reader may not read it */
            body: string | null;
            /** @description Who reads this note (comments and step reasons only; null for every other entry) */
            visibility: ("anc" | "reporting" | "all_readers") | null;
            data: Record<string, never>;
            actor: {
                /** Format: uuid */
                id: string;
                name: string;
                agencyCode: string;
            };
        } | {
            id: string;
            /** Format: date-time */
            at: string;
            /** @constant */
            kind: "status";
            /** @description The comment, the step’s reason or the report; null when there is none or the reader may not read it */
            body: string | null;
            /** @description Who reads this note (comments and step reasons only; null for every other entry) */
            visibility: ("anc" | "reporting" | "all_readers") | null;
            data: {
                /** @enum {string} */
                from: "submitted" | "triaged" | "investigating" | "contained" | "resolved" | "closed" | "rejected" | "merged";
                /** @enum {string} */
                to: "submitted" | "triaged" | "investigating" | "contained" | "resolved" | "closed" | "rejected" | "merged";
                mergedInto?: components["schemas"]["NameFor"];
            };
            actor: {
                /** Format: uuid */
                id: string;
                name: string;
                agencyCode: string;
            };
        } | {
            id: string;
            /** Format: date-time */
            at: string;
            /** @constant */
            kind: "shared";
            /** @description The comment, the step’s reason or the report; null when there is none or the reader may not read it */
            body: string | null;
            /** @description Who reads this note (comments and step reasons only; null for every other entry) */
            visibility: ("anc" | "reporting" | "all_readers") | null;
            data: {
                /** @description Codes of the agencies it was newly shared with */
                agencies: string[];
                allAgencies: boolean;
            };
            actor: {
                /** Format: uuid */
                id: string;
                name: string;
                agencyCode: string;
            };
        } | {
            id: string;
            /** Format: date-time */
            at: string;
            /** @constant */
            kind: "unshared";
            /** @description The comment, the step’s reason or the report; null when there is none or the reader may not read it */
            body: string | null;
            /** @description Who reads this note (comments and step reasons only; null for every other entry) */
            visibility: ("anc" | "reporting" | "all_readers") | null;
            data: {
                /** @description Code of the agency; null when the share with every agency was withdrawn */
                agency: string | null;
                allAgencies: boolean;
            };
            actor: {
                /** Format: uuid */
                id: string;
                name: string;
                agencyCode: string;
            };
        } | {
            id: string;
            /** Format: date-time */
            at: string;
            /** @constant */
            kind: "report";
            /** @description The comment, the step’s reason or the report; null when there is none or the reader may not read it */
            body: string | null;
            /** @description Who reads this note (comments and step reasons only; null for every other entry) */
            visibility: ("anc" | "reporting" | "all_readers") | null;
            data: {
                /** @enum {string} */
                kind: "notification" | "final_report";
            };
            actor: {
                /** Format: uuid */
                id: string;
                name: string;
                agencyCode: string;
            };
        } | {
            id: string;
            /** Format: date-time */
            at: string;
            /** @constant */
            kind: "observables_added";
            /** @description The comment, the step’s reason or the report; null when there is none or the reader may not read it */
            body: string | null;
            /** @description Who reads this note (comments and step reasons only; null for every other entry) */
            visibility: ("anc" | "reporting" | "all_readers") | null;
            data: {
                observables: {
                    /** @enum {string} */
                    type: "ipv4" | "ipv6" | "domain" | "url" | "email" | "md5" | "sha1" | "sha256" | "cve" | "other";
                    value: string;
                }[];
            };
            actor: {
                /** Format: uuid */
                id: string;
                name: string;
                agencyCode: string;
            };
        } | {
            id: string;
            /** Format: date-time */
            at: string;
            /** @constant */
            kind: "observable_removed";
            /** @description The comment, the step’s reason or the report; null when there is none or the reader may not read it */
            body: string | null;
            /** @description Who reads this note (comments and step reasons only; null for every other entry) */
            visibility: ("anc" | "reporting" | "all_readers") | null;
            data: {
                observable: {
                    /** @enum {string} */
                    type: "ipv4" | "ipv6" | "domain" | "url" | "email" | "md5" | "sha1" | "sha256" | "cve" | "other";
                    value: string;
                };
            };
            actor: {
                /** Format: uuid */
                id: string;
                name: string;
                agencyCode: string;
            };
        } | {
            id: string;
            /** Format: date-time */
            at: string;
            /** @constant */
            kind: "merged_from";
            /** @description The comment, the step’s reason or the report; null when there is none or the reader may not read it */
            body: string | null;
            /** @description Who reads this note (comments and step reasons only; null for every other entry) */
            visibility: ("anc" | "reporting" | "all_readers") | null;
            data: {
                /** @description The incident merged into this one */
                incident: components["schemas"]["NameFor"];
            };
            actor: {
                /** Format: uuid */
                id: string;
                name: string;
                agencyCode: string;
            };
        } | {
            id: string;
            /** Format: date-time */
            at: string;
            /** @constant */
            kind: "task_created";
            /** @description The comment, the step’s reason or the report; null when there is none or the reader may not read it */
            body: string | null;
            /** @description Who reads this note (comments and step reasons only; null for every other entry) */
            visibility: ("anc" | "reporting" | "all_readers") | null;
            data: {
                task: components["schemas"]["NameFor"];
                assigneeAgency: {
                    /** Format: uuid */
                    id: string;
                    code: string;
                };
            };
            actor: {
                /** Format: uuid */
                id: string;
                name: string;
                agencyCode: string;
            };
        } | {
            id: string;
            /** Format: date-time */
            at: string;
            /** @constant */
            kind: "playbook_applied";
            /** @description The comment, the step’s reason or the report; null when there is none or the reader may not read it */
            body: string | null;
            /** @description Who reads this note (comments and step reasons only; null for every other entry) */
            visibility: ("anc" | "reporting" | "all_readers") | null;
            data: {
                playbook: {
                    /** Format: uuid */
                    id: string;
                    title: string;
                };
            };
            actor: {
                /** Format: uuid */
                id: string;
                name: string;
                agencyCode: string;
            };
        } | {
            id: string;
            /** Format: date-time */
            at: string;
            /** @constant */
            kind: "owner_changed";
            /** @description The comment, the step’s reason or the report; null when there is none or the reader may not read it */
            body: string | null;
            /** @description Who reads this note (comments and step reasons only; null for every other entry) */
            visibility: ("anc" | "reporting" | "all_readers") | null;
            data: {
                from: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                } | null;
                to: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                } | null;
            };
            actor: {
                /** Format: uuid */
                id: string;
                name: string;
                agencyCode: string;
            };
        };
        IncidentDetail: {
            /** Format: uuid */
            id: string;
            /** @description INC-YYYY-NNNNNN */
            reference: string;
            agency: components["schemas"]["AgencyRef"];
            reporter: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @description The ANC coordinator in charge of it; null when nobody is */
            owner: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
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
            /** @description The reason of the latest step; null when none was given or the reader may not read it */
            statusReason: string | null;
            /** @description The incident this one was merged into */
            mergedInto: components["schemas"]["NameFor"] | null;
            /** Format: date-time */
            detectedAt: string;
            /** Format: date-time */
            awareAt: string;
            affectedSystems: string;
            impact: {
                personalData: boolean;
                /** @description Records affected, when known */
                records: number | null;
                criticalService: boolean;
                crossBorder: boolean;
                /** @description Exact decimal in MXN, e.g. "1500000.00" */
                estimatedLossMxn: string | null;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Pass to an edit or a step: a stale version is refused */
            version: number;
            obligations: {
                /** @enum {string} */
                kind: "early_warning" | "notification" | "final_report";
                /** Format: date-time */
                dueAt: string;
                submittedAt: string | null;
                /** @enum {string} */
                state: "pending" | "due_soon" | "overdue" | "met" | "late";
            }[];
            observables: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                type: "ipv4" | "ipv6" | "domain" | "url" | "email" | "md5" | "sha1" | "sha256" | "cve" | "other";
                value: string;
                /** @description Other incidents the caller may read that saw the same value */
                alsoSeenIn: number;
            }[];
            /** @description Oldest first; what the caller may read */
            timeline: components["schemas"]["IncidentTimelineEntry"][];
            /** @description Told to the ANC and to the reporting agency only; null for the agencies it was shared with */
            shares: {
                /** @description When it was shared with every agency; null when it is not */
                allAgencies: string | null;
                agencies: {
                    /** Format: uuid */
                    id: string;
                    code: string;
                    name: string;
                    nameEn: string;
                    /** Format: date-time */
                    sharedAt: string;
                }[];
            } | null;
            reports: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: "notification" | "final_report";
                body: string;
                /** Format: date-time */
                submittedAt: string;
                submittedBy: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                };
            }[];
            /** @description Evidence files, oldest first (download each at GET /files/{id}) */
            attachments: components["schemas"]["Attachment"][];
            /** @description The tasks about this incident the caller may read (staff: their agency’s), newest first */
            tasks: components["schemas"]["TaskSummary"][];
            /** @description The statuses the caller may move it to now */
            allowedTransitions: ("submitted" | "triaged" | "investigating" | "contained" | "resolved" | "closed" | "rejected" | "merged")[];
            /** @description What the caller may do with it now */
            can: {
                edit: boolean;
                comment: boolean;
                manageObservables: boolean;
                submitReport: boolean;
                share: boolean;
                setOwner: boolean;
            };
        };
        ObservablesAdded: {
            added: number;
            /** @description Duplicates, in the request or already on the incident */
            skipped: number;
        };
        Attachment: {
            /** Format: uuid */
            id: string;
            name: string;
            size: number;
            sha256: string;
            contentType: string;
            declaredContentType: string | null;
            uploadedBy: {
                /** Format: uuid */
                id: string;
                name: string;
                agencyCode: string;
            };
            /** Format: date-time */
            createdAt: string;
            canRemove: boolean;
        };
        UploadedFile: {
            /** Format: uuid */
            id: string;
            name: string;
            size: number;
            sha256: string;
            /** @description Detected from the bytes; application/octet-stream when nothing was recognised */
            contentType: string;
            /** Format: date-time */
            createdAt: string;
            /** @description The same bytes were already there: this is the file stored then */
            duplicate: boolean;
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
                ownerId?: "me" | string;
                ids?: string[];
                sort?: "reported" | "severity" | "status" | "deadline" | "reference";
                dir?: "asc" | "desc";
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
            /** @description The request conflicts with the incident’s state (`too_many_files`: 50 files already on it), or the Idempotency-Key was used with another body */
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
            /** @description The request conflicts with the incident’s state (`too_many_files`: 50 files already on it), or the Idempotency-Key was used with another body */
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
            /** @description The request conflicts with the incident’s state (`too_many_files`: 50 files already on it), or the Idempotency-Key was used with another body */
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
            /** @description The request conflicts with the incident’s state (`too_many_files`: 50 files already on it), or the Idempotency-Key was used with another body */
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
            /** @description The request conflicts with the incident’s state (`too_many_files`: 50 files already on it), or the Idempotency-Key was used with another body */
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
    uploadIncidentFile: {
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
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The file (form field `file`, one a request); its name and declared type are kept, and its type is also detected from the bytes
                     */
                    file: Blob;
                };
            };
        };
        responses: {
            /** @description The same bytes were already on the incident: the file stored then */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadedFile"];
                };
            };
            /** @description The file as stored. 200 (with `Idempotent-Replayed: true` and `duplicate: true`) when the same bytes (SHA-256) are already on the incident: the file stored then. Download it with `GET /files/{fileId}` (scope incidents:read) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadedFile"];
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
            /** @description The file is larger than 25 MiB: nothing is stored */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request conflicts with the incident’s state (`too_many_files`: 50 files already on it), or the Idempotency-Key was used with another body */
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
