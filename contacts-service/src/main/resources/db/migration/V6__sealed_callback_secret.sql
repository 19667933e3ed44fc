-- Agencies' callback signing secrets are stored sealed (AES-GCM, "v1:" + base64 of iv and ciphertext): wider column.
alter table agency_callback alter column secret type varchar(2000);
