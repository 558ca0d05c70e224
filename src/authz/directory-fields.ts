/**
 * What a colleague's entry in the staff directory shows to those who do not manage access: who they are and whether
 * they can sign in. The account (username, email, the day of deactivation) is the access administrator's, and each
 * member's own.
 */
export const DIRECTORY_ENTRY_FIELDS = ['id', 'displayName', 'active'];
