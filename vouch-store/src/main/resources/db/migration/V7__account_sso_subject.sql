-- Vouch store, schema 7: an account signed in by single sign-on is bound to the provider's immutable subject
-- (issuer and sub) at its first such sign-in; a later identity with the same user name but another subject is refused.
ALTER TABLE account ADD COLUMN sso_subject TEXT;
