export declare function openApiToTypeScript(document: object): Promise<string>;
