/** Fixed sandbox credentials: what a user types into the HaloPSA credential to reach the sandbox. */
export const HALO_TENANT = 'sandbox';
export const HALO_CLIENT_ID = '3f9d2c1a-5b7e-4d8f-a2c6-9e1b0d4f7a35';
export const HALO_CLIENT_SECRET = 'SbxHaloSecret-8e2f4a6c1d9b';
/** Scopes an application can be granted; `all` covers every other. */
export const HALO_SCOPES = ['all', 'read:tickets', 'edit:tickets', 'read:customers', 'edit:customers', 'read:assets', 'edit:assets', 'read:invoices', 'edit:invoices', 'read:items', 'edit:items', 'read:contracts', 'edit:contracts', 'read:projects', 'edit:projects'];
/** Halo issues hour-long client-credentials tokens. */
export const HALO_TOKEN_LIFETIME_SEC = 3600;
/** Halo's documentation caps `page_size` at 100 for paginated lists. */
export const HALO_MAX_PAGE_SIZE = 100;
/** The ticket type id that makes a ticket a project in the seeded configuration. */
export const HALO_PROJECT_TICKET_TYPE = 3;
