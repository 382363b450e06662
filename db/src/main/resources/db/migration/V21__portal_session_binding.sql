-- A desktop or notebook connection opened from a browser belongs to the portal session that asked for its ticket:
-- when that session ends (sign-out, back-channel logout, an admin ending it), its connections and notebook cookies
-- stop too. Null for tickets asked for with an API token, which have no portal session.
alter table connection_tickets add column portal_session_id varchar(64);
alter table notebook_sessions add column portal_session_id varchar(64);
